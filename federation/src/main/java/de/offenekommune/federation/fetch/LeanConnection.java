package de.offenekommune.federation.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import de.offenekommune.federation.sig.HttpFields;

/**
 * One HTTP/1.1 connection of {@link LeanHttp}: writes a prepared request, reads the status line,
 * the header fields and the body (Content-Length, chunked, or until the server closes), within
 * limits on line, header and body sizes.
 */
final class LeanConnection {
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /** The response, and whether the connection may carry another request. */
    record Response(int status, HttpFields headers, byte[] body, boolean keepAlive) {
    }

    /** A reused connection failed before any byte of the answer came: the server had closed it. */
    static final class Stale extends IOException {
        Stale(Throwable cause) {
            super("pooled connection was closed", cause);
        }
    }

    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[8 * 1024];
    private int pos;
    private int limit;
    private long idleSince;
    private boolean used;

    LeanConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    long idleSince() {
        return idleSince;
    }

    void idleSince(long nanos) {
        idleSince = nanos;
    }

    /** @throws Stale when this connection was used before and broke before the answer began */
    Response exchange(byte[] request, int maxBody) throws IOException {
        boolean reused = used;
        used = true;
        pos = 0;
        limit = 0;
        String statusLine;
        try {
            out.write(request);
            out.flush();
            statusLine = line();
        } catch (IOException e) {
            if (reused && limit == 0) {
                throw new Stale(e);
            }
            throw e;
        }
        int status = status(statusLine);
        HttpFields headers = headers();
        while (status >= 100 && status < 200) { // interim answers (100 Continue, 103) precede the real one
            status = status(line());
            headers = headers();
        }
        boolean keepAlive = statusLine.startsWith("HTTP/1.1")
                && !headers.combined("connection").orElse("").toLowerCase(Locale.ROOT).contains("close");
        byte[] body;
        String encoding = headers.combined("transfer-encoding").orElse("").toLowerCase(Locale.ROOT);
        if (status == 204 || status == 304) {
            body = new byte[0];
        } else if (encoding.contains("chunked")) {
            body = chunked(maxBody);
        } else if (headers.contains("content-length")) {
            body = exactly(contentLength(headers, maxBody));
        } else {
            body = untilClose(maxBody);
            keepAlive = false;
        }
        return new Response(status, headers, body, keepAlive);
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static int status(String line) throws IOException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x status line: " + line.substring(0, Math.min(line.length(), 40)));
        }
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("bad status code in: " + line.substring(0, Math.min(line.length(), 40)));
        }
    }

    private HttpFields headers() throws IOException {
        HttpFields headers = HttpFields.create();
        int total = 0;
        for (String line = line(); !line.isEmpty(); line = line()) {
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("response header larger than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line");
            }
            headers.add(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static int contentLength(HttpFields headers, int maxBody) throws IOException {
        long length;
        try {
            length = Long.parseLong(headers.first("content-length").orElseThrow().strip());
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length");
        }
        if (length < 0) {
            throw new IOException("bad Content-Length");
        }
        if (length > maxBody) {
            throw new TooLarge(length + " bytes declared");
        }
        return (int) length;
    }

    private byte[] chunked(int maxBody) throws IOException {
        byte[] body = new byte[0];
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
            if (size < 0 || (long) body.length + size > maxBody) {
                throw new TooLarge("more than " + maxBody + " bytes");
            }
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer fields: not used
                }
                return body;
            }
            byte[] chunk = exactly(size);
            body = Arrays.copyOf(body, body.length + size);
            System.arraycopy(chunk, 0, body, body.length - size, size);
            if (!line().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private byte[] untilClose(int maxBody) throws IOException {
        byte[] body = new byte[0];
        while (limit > pos || fill()) {
            int n = limit - pos;
            if ((long) body.length + n > maxBody) {
                throw new TooLarge("more than " + maxBody + " bytes");
            }
            body = Arrays.copyOf(body, body.length + n);
            System.arraycopy(buffer, pos, body, body.length - n, n);
            pos = limit;
        }
        return body;
    }

    private byte[] exactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        int have = Math.min(length, limit - pos);
        System.arraycopy(buffer, pos, bytes, 0, have);
        pos += have;
        while (have < length) {
            int n = in.read(bytes, have, length - have);
            if (n < 0) {
                throw new EOFException("body ended after " + have + " of " + length + " bytes");
            }
            have += n;
        }
        return bytes;
    }

    /** A CRLF (or LF) terminated line as Latin-1, at most {@value #MAX_LINE} bytes. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (pos == limit && !fill()) {
                throw new EOFException("connection closed");
            }
            while (pos < limit) {
                byte b = buffer[pos++];
                if (b == '\n') {
                    int n = line.length();
                    if (n > 0 && line.charAt(n - 1) == '\r') {
                        line.setLength(n - 1);
                    }
                    return line.toString();
                }
                if (line.length() >= MAX_LINE) {
                    throw new IOException("response line longer than " + MAX_LINE + " bytes");
                }
                line.append((char) (b & 0xff));
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
