package de.offenekommune.node.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * jte templates from {@code src/main/jte}, compiled to classes at build time (no template parsing at
 * run time), HTML-escaped by default, rendered straight to UTF-8 bytes ({@link PageBytes}) and sent in one write.
 */
public final class Templates {
    private static final int FIRST_SIZE = 16 * 1024;

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    /** The last size of each template's output: the next rendering starts with an array that fits. */
    private final Map<String, Integer> lastSizes = new ConcurrentHashMap<>();

    public byte[] render(String template, Map<String, Object> params) {
        return output(template, params).toByteArray();
    }

    private PageBytes output(String template, Map<String, Object> params) {
        PageBytes out = new PageBytes(lastSizes.getOrDefault(template, FIRST_SIZE));
        engine.render(template, params, out);
        if (out.size() > 0) {
            lastSizes.put(template, out.size() + out.size() / 8);
        }
        return out;
    }

    public void send(ServerResponse res, String template, Map<String, Object> params) {
        send(res, Status.OK_200, template, params);
    }

    public void send(ServerResponse res, Status status, String template, Map<String, Object> params) {
        // Rendered completely before anything is sent, so a template error still becomes an error page.
        PageBytes out = output(template, params);
        res.status(status);
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8"));
        res.contentLength(out.size());
        try (var stream = res.outputStream()) {
            out.writeTo(stream);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
