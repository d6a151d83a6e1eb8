package de.offenekommune.node.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import de.offenekommune.federation.fetch.HostResolver;

/**
 * The node's resolver in benchmarks: every {@code *.test} name (a thousand "remote servers") is
 * 127.0.0.1, served by the driver's sink or actor server; nothing else resolves, so no benchmark
 * request can leave the machine.
 */
final class BenchResolver implements HostResolver {
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.endsWith(".test")) {
            return List.of(InetAddress.getByAddress(host, LOOPBACK));
        }
        throw new UnknownHostException(host + " (benchmarks resolve only *.test names, to 127.0.0.1)");
    }
}
