package de.offenekommune.node.bench;

import java.io.BufferedInputStream;
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
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            while (open) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                List<String[]> headers = new ArrayList<>(16);
                int length = 0;
                boolean close = false;
                for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
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
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                String[] parts = requestLine.split(" ", 3);
                int status = handler.handle(new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body));
                out.write(("HTTP/1.1 " + status + (status == 202 ? " Accepted" : " Unauthorized")
                        + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (open && !(e instanceof EOFException)) {
                // A node that closes an idle connection is normal; anything else is worth seeing.
                if (!(e instanceof java.net.SocketException)) {
                    System.err.println("sink: " + e);
                }
            }
        }
    }

    /** One CRLF-terminated line as Latin-1, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
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
