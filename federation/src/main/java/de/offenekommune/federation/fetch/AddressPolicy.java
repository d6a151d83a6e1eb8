package de.offenekommune.federation.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Decides which resolved addresses outbound requests may connect to. By default only public unicast
 * addresses: no loopback, private, shared (CGNAT), link-local (cloud metadata at 169.254.169.254),
 * multicast, reserved or documentation ranges, and the same for IPv6, including IPv6 forms that
 * embed an IPv4 address (mapped, compatible, NAT64, 6to4).
 *
 * @param allowPrivateAddresses everything goes (a local or test setup where the fediverse is on a LAN)
 * @param allowLoopback         loopback goes (tests and benchmarks that run remote servers on 127.0.0.1)
 */
public record AddressPolicy(boolean allowPrivateAddresses, boolean allowLoopback) {

    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false, false);
    }

    public boolean allows(InetAddress address) {
        if (allowPrivateAddresses) {
            return true;
        }
        if (allowLoopback && isLoopback(address)) {
            return true;
        }
        return !isNonPublic(address);
    }

    private static boolean isLoopback(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        InetAddress embedded = embeddedIpv4(address);
        return embedded != null && embedded.isLoopbackAddress();
    }

    static boolean isNonPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isNonPublicV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null) {
            return isNonPublicV4(embedded.getAddress());
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isAnyLocalAddress() || address.isLoopbackAddress()
                || (first & 0xfe) == 0xfc                              // fc00::/7 unique local
                || first == 0xfe && (second & 0xc0) == 0x80            // fe80::/10 link-local
                || first == 0xfe && (second & 0xc0) == 0xc0            // fec0::/10 site-local (deprecated)
                || first == 0xff                                       // multicast
                || first == 0x20 && second == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8 // 2001:db8::/32
                || first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0             // 2001::/32 Teredo
                || first == 0x01 && second == 0 && b[2] == 0 && b[3] == 0;               // 100::/64 discard
    }

    private static boolean isNonPublicV4(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        return a == 0 || a == 10 || a == 127 || a >= 224                  // this network, private, loopback, multicast, reserved
                || a == 100 && (c & 0xc0) == 64                          // 100.64/10 shared (CGNAT)
                || a == 169 && c == 254                                  // link-local, cloud metadata
                || a == 172 && (c & 0xf0) == 16                          // 172.16/12
                || a == 192 && c == 168                                  // 192.168/16
                || a == 192 && c == 0 && ((b[2] & 0xff) == 0 || (b[2] & 0xff) == 2) // 192.0.0/24, 192.0.2/24
                || a == 198 && (c & 0xfe) == 18                          // 198.18/15 benchmarking
                || a == 198 && c == 51 && (b[2] & 0xff) == 100           // documentation
                || a == 203 && c == 0 && (b[2] & 0xff) == 113;           // documentation
    }

    /** The IPv4 address inside IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) forms. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean zero80 = allZero(b, 0, 10);
        boolean mapped = zero80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zero80 && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 16)
                && !(allZero(b, 12, 15) && b[15] == 1);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        try {
            if (mapped || compatible || nat64) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
