package de.offenekommune.federation.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.sig.HttpFields;

/**
 * The POST path of {@link OutboundHttp} against a scripted HTTP server on loopback: keep-alive
 * reuse, a pooled connection the server closed, chunked and sized bodies, the body limit, a server
 * that does not answer, a malformed answer, TLS with a certificate nobody vouches for, and the
 * address guard refusing before any connection.
 */
class LeanHttpTest {
    private static final FetchConfig CONFIG = new FetchConfig(new AddressPolicy(false, true), 1024, Duration.ofSeconds(2),
            Duration.ofMillis(500), 3, Duration.ofMinutes(1), "test-agent");
    /** For the TLS handshake, which on a loaded machine can take longer than the short read timeout above. */
    private static final FetchConfig PATIENT = new FetchConfig(new AddressPolicy(false, true), 1024,
            Duration.ofSeconds(10), Duration.ofSeconds(10), 3, Duration.ofMinutes(1), "test-agent");
    private static final byte[] BODY = "{\"type\":\"Create\"}".getBytes(StandardCharsets.UTF_8);

    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static OutboundHttp client(HostResolver resolver) {
        return new OutboundHttp(CONFIG, resolver);
    }

    private static OutboundHttp loopback() {
        return client(host -> List.of(InetAddress.getLoopbackAddress()));
    }

    private URI inbox() {
        return URI.create("http://inbox.test:" + server.port() + "/inbox?x=1");
    }

    @Test
    void twoPostsToOneHostShareAConnectionAndCarryTheirHeaders() throws Exception {
        server = new ScriptedServer(n -> "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", false);
        OutboundHttp http = loopback();

        OutboundResponse first = http.post(inbox(), HttpFields.create().set("signature", "sig1=:AA==:"), BODY);
        OutboundResponse second = http.post(inbox(), HttpFields.create(), BODY);

        assertEquals(202, first.status());
        assertEquals(202, second.status());
        assertEquals(1, server.connections.get(), "kept alive");
        String request = server.requests.getFirst();
        assertTrue(request.startsWith("POST /inbox?x=1 HTTP/1.1\r\n"), request);
        assertTrue(request.contains("\r\nHost: inbox.test:" + server.port() + "\r\n"), request);
        assertTrue(request.contains("\r\nsignature: sig1=:AA==:\r\n"), request);
        assertTrue(request.contains("\r\nContent-Length: " + BODY.length + "\r\n\r\n{\"type\":\"Create\"}"), request);
    }

    @Test
    void aPooledConnectionTheServerClosedIsReplacedAndTheRequestSentOnce() throws Exception {
        server = new ScriptedServer(n -> "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", true);
        OutboundHttp http = loopback();

        assertEquals(202, http.post(inbox(), HttpFields.create(), BODY).status());
        server.awaitClosed();
        assertEquals(202, http.post(inbox(), HttpFields.create(), BODY).status());

        assertEquals(2, server.connections.get());
        assertEquals(2, server.requests.size(), "the second request reached the server once");
    }

    @Test
    void chunkedAndSizedBodiesAreRead() throws Exception {
        server = new ScriptedServer(n -> n == 0
                ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHallo\r\n6;x=y\r\n, Welt\r\n0\r\n\r\n"
                : "HTTP/1.1 401 Unauthorized\r\nContent-Length: 6\r\nX-Why: key\r\n\r\nnicht!", false);
        OutboundHttp http = loopback();

        OutboundResponse chunked = http.post(inbox(), HttpFields.create(), BODY);
        OutboundResponse sized = http.post(inbox(), HttpFields.create(), BODY);

        assertEquals("Hallo, Welt", new String(chunked.body(), StandardCharsets.UTF_8));
        assertEquals(401, sized.status());
        assertEquals("nicht!", new String(sized.body(), StandardCharsets.UTF_8));
        assertEquals("key", sized.headers().first("x-why").orElseThrow());
        assertEquals(1, server.connections.get());
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        server = new ScriptedServer(n -> "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + "x".repeat(5000), false);

        OutboundException e = assertThrows(OutboundException.class, () -> loopback().post(inbox(), HttpFields.create(), BODY));

        assertEquals(FetchFailure.TOO_LARGE, e.failure());
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() throws Exception {
        server = new ScriptedServer(n -> null, false);

        OutboundException e = assertThrows(OutboundException.class, () -> loopback().post(inbox(), HttpFields.create(), BODY));

        assertEquals(FetchFailure.TIMEOUT, e.failure());
    }

    @Test
    void somethingThatIsNotHttpIsAFailedConnection() throws Exception {
        server = new ScriptedServer(n -> "SSH-2.0-OpenSSH_9.6\r\n\r\n", false);

        OutboundException e = assertThrows(OutboundException.class, () -> loopback().post(inbox(), HttpFields.create(), BODY));

        assertEquals(FetchFailure.CONNECTION_FAILED, e.failure());
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeSending() throws Exception {
        server = new ScriptedServer(n -> "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", false);
        HttpFields injected = HttpFields.create().set("signature", "x\r\nX-Evil: 1");

        assertThrows(IllegalArgumentException.class, () -> loopback().post(inbox(), injected, BODY));
        assertEquals(0, server.requests.size());
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefusedBeforeAnyConnection() throws Exception {
        server = new ScriptedServer(n -> "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", false);
        OutboundHttp http = client(host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1})));

        OutboundException name = assertThrows(OutboundException.class,
                () -> http.post(inbox(), HttpFields.create(), BODY));
        OutboundException literal = assertThrows(OutboundException.class,
                () -> http.post(URI.create("http://169.254.169.254/inbox"), HttpFields.create(), BODY));

        assertEquals(FetchFailure.FORBIDDEN_ADDRESS, name.failure());
        assertEquals(FetchFailure.FORBIDDEN_ADDRESS, literal.failure());
        assertEquals(0, server.connections.get());
    }

    @Test
    void httpsIsSpokenAndAnUntrustedCertificateRefused() {
        WireMockServer tls = new WireMockServer(WireMockConfiguration.options().dynamicHttpsPort().httpDisabled(true)
                .bindAddress("127.0.0.1"));
        tls.start();
        try {
            tls.stubFor(WireMock.post("/inbox").willReturn(WireMock.aResponse().withStatus(202)));
            URI inbox = URI.create("https://inbox.test:" + tls.httpsPort() + "/inbox");

            OutboundException e = assertThrows(OutboundException.class,
                    () -> new OutboundHttp(PATIENT, host -> List.of(InetAddress.getLoopbackAddress()))
                            .post(inbox, HttpFields.create(), BODY));

            assertEquals(FetchFailure.CONNECTION_FAILED, e.failure());
            assertTrue(e.getCause() instanceof javax.net.ssl.SSLException, String.valueOf(e.getCause()));
            assertEquals(0, tls.getAllServeEvents().size(), "no request reached the server");
        } finally {
            tls.stop();
        }
    }

    /** Answers each request on a connection with the script's n-th answer (null: never answers). */
    private static final class ScriptedServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final IntFunction<String> script;
        private final boolean closeAfterEach;
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger closed = new AtomicInteger();

        ScriptedServer(IntFunction<String> script, boolean closeAfterEach) throws IOException {
            this.script = script;
            this.closeAfterEach = closeAfterEach;
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return socket.getLocalPort();
        }

        void awaitClosed() throws InterruptedException {
            for (int i = 0; i < 500 && closed.get() == 0; i++) {
                Thread.sleep(10);
            }
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    String request = TlsLoopbackServer.readRequest(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    String answer = script.apply(answered.getAndIncrement());
                    if (answer == null) {
                        Thread.sleep(2_000);
                        return;
                    }
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (closeAfterEach) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            } finally {
                closed.incrementAndGet();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
