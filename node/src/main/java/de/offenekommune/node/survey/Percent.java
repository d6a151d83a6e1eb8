package de.offenekommune.node.survey;

import java.text.NumberFormat;
import java.util.Locale;

/** Shares as the visitor's language writes them ("42 %" in German, "42%" in English). */
public final class Percent {
    private Percent() {
    }

    public static String format(double share, Locale locale) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }
}
