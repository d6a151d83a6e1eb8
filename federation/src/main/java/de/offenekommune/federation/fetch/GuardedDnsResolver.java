package de.offenekommune.federation.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.helidon.webclient.api.DnsAddressLookup;
import io.helidon.webclient.spi.DnsResolver;

/**
 * Helidon WebClient's resolver hook: every connection, including each redirect hop, resolves its
 * host here, and the address it will connect to is checked right then. A name that resolves to a
 * private address (or re-resolves to one: DNS rebinding) is refused before any socket opens.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final HostResolver resolver;
    private final AddressPolicy policy;

    GuardedDnsResolver(HostResolver resolver, AddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    AddressPolicy policy() {
        return policy;
    }

    @Override
    public boolean useDefaultJavaResolver() {
        return false;
    }

    @Override
    public InetAddress resolveAddress(String hostname, DnsAddressLookup lookup) {
        List<InetAddress> addresses = resolve(hostname);
        for (InetAddress address : addresses) {
            // All of them, not just the one we pick: a name with one public and one private address
            // is a rebinding trick, not a misconfiguration.
            if (!policy.allows(address)) {
                throw new ForbiddenAddressException(hostname + " resolves to " + address.getHostAddress()
                        + ", which outbound requests may not reach");
            }
        }
        InetAddress[] ordered = lookup.filter(addresses.toArray(InetAddress[]::new));
        if (ordered.length == 0) {
            throw new ForbiddenAddressException(hostname + " has no address of the wanted family");
        }
        return ordered[0];
    }

    List<InetAddress> resolve(String hostname) {
        String host = hostname.startsWith("[") ? hostname.substring(1, hostname.length() - 1) : hostname;
        try {
            if (isLiteral(host)) {
                return List.of(InetAddress.getByName(host));
            }
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new ForbiddenAddressException("cannot resolve " + host);
        }
    }

    /** IP literals are checked as they are; they never go to DNS. */
    static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** Checks an address without connecting: used to refuse literal IPs before a request is even built. */
    boolean allowsLiteral(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!isLiteral(h)) {
            return true;
        }
        return resolve(h).stream().allMatch(policy::allows);
    }
}
