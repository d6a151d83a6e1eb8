package de.offenekommune.node.web;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * jte templates from {@code src/main/jte}, compiled to classes at build time (no template parsing at
 * run time), HTML-escaped by default, rendered straight to UTF-8 bytes.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public byte[] render(String template, Map<String, Object> params) {
        Utf8ByteOutput out = output(template, params);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(out.getContentLength());
        try {
            out.writeTo(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Utf8ByteOutput output(String template, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, params, out);
        return out;
    }

    public void send(ServerResponse res, String template, Map<String, Object> params) {
        send(res, Status.OK_200, template, params);
    }

    public void send(ServerResponse res, Status status, String template, Map<String, Object> params) {
        // Rendered completely before anything is sent, so a template error still becomes an error page.
        Utf8ByteOutput out = output(template, params);
        res.status(status);
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8"));
        res.contentLength(out.getContentLength());
        try (var stream = res.outputStream()) {
            out.writeTo(stream);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
