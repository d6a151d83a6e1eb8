package de.offenekommune.federation.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import de.offenekommune.federation.fetch.HostResolver;

/**
 * A resolver that never asks DNS: names ending in {@code .test} (and {@code localhost}) map to
 * 127.0.0.1, so one WireMock server can stand in for a hundred remote hosts; other names can be
 * mapped to any address to test the guard's decision (which must refuse before connecting).
 */
public final class LoopbackResolver implements HostResolver {
    private final Map<String, List<InetAddress>> overrides = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    public LoopbackResolver map(String host, String... addresses) {
        try {
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]); // literals only: no DNS
            }
            overrides.put(host, List.of(resolved));
            return this;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.incrementAndGet();
        List<InetAddress> mapped = overrides.get(host);
        if (mapped != null) {
            return mapped;
        }
        if (host.endsWith(".test") || host.equals("localhost")) {
            return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(host + " (tests resolve only *.test names)");
    }

    public int lookups() {
        return lookups.get();
    }
}
