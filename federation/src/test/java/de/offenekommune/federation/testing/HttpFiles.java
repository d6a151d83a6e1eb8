package de.offenekommune.federation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;

/**
 * Reads the {@code *.http} messages of the test vectors (LF line ends, blank line, body without a
 * final newline) into {@link HttpMessage}s. Requests get an https target URI built from Host.
 */
public final class HttpFiles {
    private HttpFiles() {
    }

    public static HttpMessage read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpMessage parse(String text) {
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 2);
        String[] lines = head.split("\n");
        HttpFields fields = HttpFields.create();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            fields.add(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
        }
        String[] start = lines[0].split(" ");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (start[0].startsWith("HTTP/")) {
            return HttpMessage.response(Integer.parseInt(start[1]), fields, bytes);
        }
        URI target = URI.create("https://" + fields.first("host").orElseThrow() + start[1]);
        return HttpMessage.request(start[0], target, fields, bytes);
    }
}
