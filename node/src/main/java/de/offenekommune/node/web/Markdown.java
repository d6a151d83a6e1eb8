package de.offenekommune.node.web;

import java.util.List;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown written by staff and citizens, turned into HTML that is safe to embed: raw HTML in the
 * source is escaped by the renderer, and the result passes the {@link HtmlSanitizer} anyway.
 */
public final class Markdown {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return HtmlSanitizer.clean(RENDERER.render(PARSER.parse(markdown)));
    }

    /** Plain text for summaries, feeds and search: the Markdown rendered, then stripped of tags. */
    public static String toText(String markdown) {
        return HtmlSanitizer.text(toHtml(markdown));
    }
}
