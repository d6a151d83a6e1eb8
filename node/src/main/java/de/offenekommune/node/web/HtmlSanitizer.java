package de.offenekommune.node.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one place untrusted HTML (Markdown output, remote ActivityPub content) is cleaned: a small
 * allow-list of formatting tags, http(s)/mailto links only, every link opened without referrer
 * and marked nofollow/ugc. Nothing else survives: no script, style, iframe, event handler or
 * javascript: URL.
 */
public final class HtmlSanitizer {
    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "strong", "b", "em", "i", "u", "s", "del", "code", "pre", "blockquote",
                    "ul", "ol", "li", "h2", "h3", "h4", "a", "span")
            .addAttributes("a", "href", "title")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow ugc noopener noreferrer");

    private HtmlSanitizer() {
    }

    public static String clean(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The text content only, whitespace collapsed. */
    public static String text(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).text();
    }

    /** A plain-text teaser of at most {@code max} characters, cut at a word boundary. */
    public static String teaser(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
