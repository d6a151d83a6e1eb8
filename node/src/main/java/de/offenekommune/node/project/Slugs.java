package de.offenekommune.node.project;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from titles: German umlauts transliterated (ä → ae, ß → ss), other accents dropped. */
public final class Slugs {
    static final int MAX = 80;

    private Slugs() {
    }

    public static String of(String title) {
        String s = title == null ? "" : title.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > MAX) {
            int cut = s.lastIndexOf('-', MAX);
            s = s.substring(0, cut > MAX / 2 ? cut : MAX).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "projekt" : s;
    }

    /** The n-th candidate for a taken slug: "marktplatz", "marktplatz-2", "marktplatz-3", ... */
    static String candidate(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }
}
