package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {
    @Test
    void markdownKeepsFormattingAndDropsEverythingActive() {
        String html = Markdown.toHtml("""
                ## Ablauf
                Die **Bürgerversammlung** ist am *Montag*. [Plan](https://musterstadt.example/plan.pdf)
                <script>alert(1)</script> <img src=x onerror=alert(1)>
                [böse](javascript:alert(1))
                """);
        assertTrue(html.contains("<h2>Ablauf</h2>"), html);
        assertTrue(html.contains("<strong>Bürgerversammlung</strong>"), html);
        assertTrue(html.contains("href=\"https://musterstadt.example/plan.pdf\""), html);
        assertTrue(html.contains("rel=\"nofollow ugc noopener noreferrer\""), html);
        assertFalse(html.contains("<script"), html);
        assertTrue(org.jsoup.Jsoup.parseBodyFragment(html).select("[onerror], img, script").isEmpty(), html);
        assertTrue(html.contains("&lt;script&gt;"), "raw HTML in Markdown shows as text");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void remoteHtmlIsCleaned() {
        String mastodon = "<p><span class=\"h-card\"><a href=\"https://social.example/@anna\" class=\"u-url mention\">@<span>anna</span></a></span> Gute Idee!</p>"
                + "<iframe src=\"https://evil.example\"></iframe><a href=\"data:text/html,x\">x</a><p style=\"color:red\" onclick=\"x()\">rot</p>";
        String clean = HtmlSanitizer.clean(mastodon);
        assertTrue(clean.contains("Gute Idee!"), clean);
        assertTrue(clean.contains("href=\"https://social.example/@anna\""), clean);
        assertFalse(clean.contains("iframe"), clean);
        assertFalse(clean.contains("data:"), clean);
        assertFalse(clean.contains("style"), clean);
        assertFalse(clean.contains("onclick"), clean);
        assertFalse(clean.contains("class="), clean);
    }

    @Test
    void teaserCutsAtAWord() {
        assertEquals("Ein kurzer…", HtmlSanitizer.teaser("Ein kurzer Satz mit vielen Wörtern", 14));
        assertEquals("kurz", HtmlSanitizer.teaser("  kurz ", 14));
        assertEquals("Neue Radwege für die Innenstadt", Markdown.toText("Neue **Radwege** für die _Innenstadt_"));
    }
}
