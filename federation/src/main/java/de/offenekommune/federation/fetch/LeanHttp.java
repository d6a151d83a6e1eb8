package de.offenekommune.federation.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.uri.Origin;

/**
 * The POST path of outbound HTTP (deliveries): HTTP/1.1 over a plain or TLS socket, kept alive per
 * host in a small pool, through the same address guard as every other request. Helidon's client,
 * which fetches use, watches each idle pooled connection with a thread that wakes every 101 ms (and
 * throws a timeout exception each time); after a fan-out to a thousand servers that cost more CPU
 * than the requests. Idle connections here cost nothing: a pooled connection the server closed
 * meanwhile shows when it is used, and the request goes once more on a fresh one (at-least-once,
 * as deliveries are anyway).
 */
final class LeanHttp implements AutoCloseable {
    /** Longer than servers usually keep an idle connection open is pointless; shorter forgoes reuse. */
    private static final long MAX_IDLE_NANOS = 30_000_000_000L;
    private static final int MAX_IDLE_PER_HOST = 4;
    private static final int MAX_IDLE_TOTAL = 2048;

    private final FetchConfig config;
    private final GuardedDnsResolver resolver;
    private final SSLSocketFactory tls;
    private final Map<String, Deque<LeanConnection>> idle = new ConcurrentHashMap<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    LeanHttp(FetchConfig config, GuardedDnsResolver resolver) {
        this(config, resolver, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /**
     * With the given TLS sockets instead of the JDK's default trust: tests trust exactly their own
     * loopback certificate this way. Hostname verification and SNI are still switched on for each
     * socket in {@link #tls(Socket, Origin)}, whatever the factory's defaults.
     */
    LeanHttp(FetchConfig config, GuardedDnsResolver resolver, SSLSocketFactory tls) {
        this.config = config;
        this.resolver = resolver;
        this.tls = tls;
    }

    /** @throws OutboundException when no response could be had, with the reason */
    OutboundResponse post(URI uri, Origin origin, HttpFields headers, byte[] body) {
        byte[] request = request(uri, origin, headers, body);
        String key = origin.scheme() + "://" + origin.authority();
        LeanConnection pooled = take(key);
        if (pooled != null) {
            try {
                return answer(key, pooled, pooled.exchange(request, config.maxBodyBytes()), uri);
            } catch (LeanConnection.Stale e) {
                pooled.close(); // closed by the server while idle: once more on a fresh connection
            } catch (IOException e) {
                pooled.close();
                throw classify(uri, e);
            }
        }
        LeanConnection fresh = open(origin);
        try {
            return answer(key, fresh, fresh.exchange(request, config.maxBodyBytes()), uri);
        } catch (IOException e) {
            fresh.close();
            throw classify(uri, e);
        }
    }

    private OutboundResponse answer(String key, LeanConnection connection, LeanConnection.Response response, URI uri) {
        if (response.keepAlive() && idleCount.get() < MAX_IDLE_TOTAL) {
            Deque<LeanConnection> queue = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
            if (queue.size() < MAX_IDLE_PER_HOST) {
                connection.idleSince(System.nanoTime());
                queue.offerFirst(connection);
                idleCount.incrementAndGet();
            } else {
                connection.close();
            }
        } else {
            connection.close();
        }
        return new OutboundResponse(uri, response.status(), response.headers(), response.body());
    }

    private LeanConnection take(String key) {
        Deque<LeanConnection> queue = idle.get(key);
        if (queue == null) {
            return null;
        }
        for (LeanConnection c = queue.pollFirst(); c != null; c = queue.pollFirst()) {
            idleCount.decrementAndGet();
            if (System.nanoTime() - c.idleSince() < MAX_IDLE_NANOS) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private LeanConnection open(Origin origin) {
        // The guard checks every address the name has, at connect time (DNS rebinding included).
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(origin.host());
        } catch (ForbiddenAddressException e) {
            throw new OutboundException(FetchFailure.FORBIDDEN_ADDRESS, e.getMessage(), e);
        }
        for (InetAddress address : addresses) {
            if (!resolver.policy().allows(address)) {
                throw new OutboundException(FetchFailure.FORBIDDEN_ADDRESS, origin.host() + " resolves to "
                        + address.getHostAddress() + ", which outbound requests may not reach", null);
            }
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(addresses.getFirst(), origin.port()),
                    (int) config.connectTimeout().toMillis());
            socket.setSoTimeout((int) config.readTimeout().toMillis());
            Socket connected = origin.scheme().equals("https") ? tls(socket, origin) : socket;
            return new LeanConnection(connected);
        } catch (IOException e) {
            closeQuietly(socket);
            throw classify(URI.create(origin.scheme() + "://" + origin.authority()), e);
        }
    }

    private Socket tls(Socket plain, Origin origin) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, origin.host(), origin.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!GuardedDnsResolver.isLiteral(origin.host())) {
            parameters.setServerNames(List.of(new SNIHostName(origin.host())));
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private byte[] request(URI uri, Origin origin, HttpFields headers, byte[] body) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(1024).append("POST ").append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\n");
        if (!headers.contains("host")) {
            line(head, "Host", origin.authority());
        }
        line(head, "User-Agent", config.userAgent());
        for (String name : headers.names()) {
            if (!name.equals("content-length") && !name.equals("connection") && !name.equals("transfer-encoding")) {
                for (String value : headers.all(name)) {
                    line(head, name, value);
                }
            }
        }
        line(head, "Content-Length", Integer.toString(body.length));
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private static void line(StringBuilder head, String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("header " + name + " would split the request");
        }
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static OutboundException classify(URI uri, IOException e) {
        if (e instanceof LeanConnection.TooLarge) {
            return new OutboundException(FetchFailure.TOO_LARGE, e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new OutboundException(FetchFailure.TIMEOUT, uri + ": " + e.getMessage(), e);
        }
        return new OutboundException(FetchFailure.CONNECTION_FAILED, uri + ": " + e, e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }

    @Override
    public void close() {
        idle.values().forEach(q -> q.forEach(LeanConnection::close));
        idle.clear();
        idleCount.set(0);
    }

    /** For tests: connections waiting in the pool. */
    int idleConnections() {
        return idleCount.get();
    }
}
