package de.offenekommune.node.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal keep-alive HTTP/1.1 server for the fan-out sink: one virtual thread per connection,
 * request line and header lines read as bytes, the body by Content-Length, a fixed answer. It
 * shares the two cores with the node it measures, so it does as little as a receiver can (the
 * Helidon server it replaces cost the driver about as much CPU per delivery as the node's signing
 * overhead).
 */
final class SinkServer implements AutoCloseable {
    /** One request: its header lines as read (name, value pairs) and its body. */
    record Request(String method, String path, List<String[]> headers, byte[] body) {
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }
    }

    @FunctionalInterface
    interface Handler {
        /** @return the status to answer */
        int handle(Request request);
    }

    private static final int MAX_BODY = 1 << 20;
    private static final byte[] ACCEPTED = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNAUTHORIZED = "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Handler handler;
    private final Thread acceptor;
    private volatile boolean open = true;

    SinkServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().name("fanout-sink").daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (open) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                if (open) {
                    System.err.println("sink: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            Input in = new Input(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (open) {
                String requestLine = in.line();
                if (requestLine == null) {
                    return;
                }
                List<String[]> headers = new ArrayList<>(16);
                int length = 0;
                boolean close = false;
                for (String line = in.line(); line != null && !line.isEmpty(); line = in.line()) {
                    int colon = line.indexOf(':');
                    String name = line.substring(0, colon).trim();
                    String value = line.substring(colon + 1).trim();
                    headers.add(new String[] {name, value});
                    if (name.equalsIgnoreCase("content-length")) {
                        length = Integer.parseInt(value);
                    } else if (name.equalsIgnoreCase("connection")) {
                        close = value.toLowerCase(Locale.ROOT).contains("close");
                    }
                }
                if (length > MAX_BODY) {
                    return;
                }
                byte[] body = in.bytes(length);
                if (body == null) {
                    return;
                }
                String[] parts = requestLine.split(" ", 3);
                int status = handler.handle(new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body));
                out.write(status == 202 ? ACCEPTED : UNAUTHORIZED);
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // A node closing an idle connection is normal; anything else is worth seeing.
            if (open && !(e instanceof java.net.SocketException) && !(e instanceof EOFException)) {
                System.err.println("sink: " + e);
            }
        }
    }

    /** A connection's input with its own buffer: lines and bodies are cut from it without a lock per byte. */
    private static final class Input {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int pos;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        /** One CRLF-terminated line as Latin-1, or null at the end of the stream. */
        String line() throws IOException {
            StringBuilder line = null;
            while (true) {
                if (pos == limit && !fill()) {
                    return line == null ? null : line.toString();
                }
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                int end = pos;
                boolean complete = pos < limit;
                if (complete) {
                    pos++;
                }
                String part = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
                line = line == null ? new StringBuilder(part) : line.append(part);
                if (complete) {
                    int n = line.length();
                    if (n > 0 && line.charAt(n - 1) == '\r') {
                        line.setLength(n - 1);
                    }
                    return line.toString();
                }
            }
        }

        /** Exactly {@code length} bytes, or null when the stream ends first. */
        byte[] bytes(int length) throws IOException {
            byte[] body = new byte[length];
            int have = Math.min(length, limit - pos);
            System.arraycopy(buffer, pos, body, 0, have);
            pos += have;
            int read = have + in.readNBytes(body, have, length - have);
            return read < length ? null : body;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
