package de.offenekommune.federation.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

/**
 * An HTTPS inbox on 127.0.0.1 presenting a {@link LoopbackCertificate}: answers every request with
 * {@code 202 Accepted} and keeps the connection open, recording connections, completed handshakes,
 * the server names the clients asked for (SNI) and each request as received.
 */
final class TlsLoopbackServer implements AutoCloseable {
    private static final byte[] ACCEPTED =
            "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger handshakes = new AtomicInteger();
    final List<String> serverNames = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final SSLServerSocket socket;

    TlsLoopbackServer(LoopbackCertificate certificate) throws Exception {
        SSLContext context = certificate.serverContext();
        socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setSNIMatchers(List.of(new RecordingMatcher()));
        socket.setSSLParameters(parameters);
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                SSLSocket s = (SSLSocket) socket.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.startHandshake();
            handshakes.incrementAndGet();
            for (String request = readRequest(in); request != null; request = readRequest(in)) {
                requests.add(request);
                out.write(ACCEPTED);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away, or refused the handshake
        }
    }

    /** One HTTP/1.1 request with a Content-Length body, as sent; null when the client closed the connection. */
    static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
        }
        int at = head.indexOf("Content-Length: ");
        int length = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)));
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Accepts any host name, noting which one the client asked for. */
    private final class RecordingMatcher extends SNIMatcher {
        RecordingMatcher() {
            super(StandardConstants.SNI_HOST_NAME);
        }

        @Override
        public boolean matches(SNIServerName name) {
            serverNames.add(name instanceof SNIHostName host ? host.getAsciiName() : new SNIHostName(name.getEncoded()).getAsciiName());
            return true;
        }
    }
}
