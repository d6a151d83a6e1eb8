package de.offenekommune.node.web;

import java.nio.charset.StandardCharsets;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * HTML that was sanitised when it was stored (by {@link HtmlSanitizer}), kept with its UTF-8 bytes so
 * a page copies it instead of encoding it again; a template prints it as is ({@code ${body}}).
 */
public record StoredHtml(String html, byte[] utf8) implements Content {
    public static final StoredHtml EMPTY = of("");

    /** @param html already sanitised: this writes it unescaped */
    public static StoredHtml of(String html) {
        String text = html == null ? "" : html;
        return new StoredHtml(text, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeBinaryContent(utf8);
    }

    @Override
    public boolean isEmptyContent() {
        return utf8.length == 0;
    }
}
