package de.offenekommune.node.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;

/**
 * Checks the links in Markdown a person wrote before it is stored: the renderer would quietly
 * defuse a {@code javascript:} link or drop an image, but the writer should learn that their text
 * will not show as they meant. Allowed: http(s) and mailto links; no images.
 */
public final class MarkdownLinks {
    private static final Parser PARSER = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();

    private MarkdownLinks() {
    }

    /** @return the message key of the first problem, empty if all links are fine */
    public static Optional<String> problem(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return Optional.empty();
        }
        String[] found = new String[1];
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (found[0] == null && !allowed(link.getDestination())) {
                    found[0] = "form.error.markdown-link";
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                if (found[0] == null) {
                    found[0] = "form.error.markdown-image";
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    static boolean allowed(String destination) {
        String d = destination == null ? "" : destination.strip().toLowerCase(Locale.ROOT);
        return d.startsWith("https://") && d.length() > 8 || d.startsWith("http://") && d.length() > 7
                || d.startsWith("mailto:") && d.contains("@");
    }
}
