package de.offenekommune.node.web;

import java.text.DecimalFormatSymbols;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import gg.jte.Content;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;

/**
 * UI texts from {@code i18n/messages*.properties} (UTF-8). German is the default bundle, English the
 * second; a missing key shows as {@code ??key??} so it is noticed rather than hidden.
 */
public final class Messages {
    public static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);
    private static final Map<Locale, Messages> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final Map<String, String> texts;
    private final Map<String, Pattern> formats = new ConcurrentHashMap<>();
    private final Map<String, StoredHtml> html = new ConcurrentHashMap<>();
    private final Map<String, StoredHtml[]> htmlParts = new ConcurrentHashMap<>();
    private final char groupingSeparator;
    private final char minusSign;

    /**
     * A parsed message, which of its arguments MessageFormat would format as plain numbers, and, for
     * messages made only of text and plain placeholders ({@code {0}}), the text split at them.
     */
    private record Pattern(MessageFormat format, boolean[] plainArgument, PlainParts parts) {
        static Pattern of(String text, Locale locale) {
            MessageFormat format = new MessageFormat(text, locale);
            Format[] byArgument = format.getFormatsByArgumentIndex();
            boolean[] plain = new boolean[byArgument.length];
            for (int i = 0; i < byArgument.length; i++) {
                plain[i] = byArgument[i] == null;
            }
            return new Pattern(format, plain, PlainParts.of(text));
        }
    }

    /**
     * A message without quotes or formatted placeholders: literal texts with argument indexes
     * between them. Filled with text arguments by concatenation, as MessageFormat would fill it,
     * without its lock and its per-call formatting machinery (a tenth of rendering a list page).
     */
    private record PlainParts(String[] texts, int[] arguments) {
        /** @return null if the message needs MessageFormat (quotes, {0,number}, {0,choice,...}) */
        static PlainParts of(String text) {
            if (text.indexOf('\'') >= 0) {
                return null;
            }
            List<String> texts = new ArrayList<>();
            List<Integer> arguments = new ArrayList<>();
            int start = 0;
            for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', start)) {
                int close = text.indexOf('}', open);
                if (close < 0 || close == open + 1 || close - open > 3) {
                    return null;
                }
                String index = text.substring(open + 1, close);
                if (!index.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return null;
                }
                texts.add(text.substring(start, open));
                arguments.add(Integer.parseInt(index));
                start = close + 1;
            }
            String rest = text.substring(start);
            if (rest.indexOf('}') >= 0 || texts.stream().anyMatch(t -> t.indexOf('}') >= 0)) {
                return null;
            }
            texts.add(rest);
            return new PlainParts(texts.toArray(String[]::new), arguments.stream().mapToInt(Integer::intValue).toArray());
        }

        /** @return null unless every placeholder gets a text argument */
        String fill(Object[] args) {
            StringBuilder out = new StringBuilder(texts[0].length() + 32);
            out.append(texts[0]);
            for (int i = 0; i < arguments.length; i++) {
                int argument = arguments[i];
                if (argument >= args.length || !(args[argument] instanceof String value)) {
                    return null;
                }
                out.append(value).append(texts[i + 1]);
            }
            return out.toString();
        }
    }

    private Messages(Locale locale) {
        this.locale = locale;
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        // One map of all texts (the bundle's lookup walks its parents and catches a miss per call).
        Map<String, String> all = new HashMap<>();
        for (String key : bundle.keySet()) {
            all.put(key, bundle.getString(key));
        }
        this.texts = Map.copyOf(all);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.groupingSeparator = symbols.getGroupingSeparator();
        this.minusSign = symbols.getMinusSign();
    }

    public static Messages of(Locale locale) {
        Locale supported = supported(locale);
        return CACHE.computeIfAbsent(supported, Messages::new);
    }

    public static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.GERMAN;
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    public String get(String key) {
        String text = texts.get(key);
        return text != null ? text : "??" + key + "??";
    }

    public String get(String key, Object... args) {
        if (args == null || args.length == 0) {
            return get(key);
        }
        Pattern pattern = pattern(key);
        if (pattern == null) {
            return "??" + key + "??";
        }
        Object[] prepared = integersAsText(pattern, args);
        String filled = pattern.parts() == null ? null : pattern.parts().fill(prepared);
        if (filled != null) {
            return filled;
        }
        synchronized (pattern.format()) { // MessageFormat is not thread-safe
            return pattern.format().format(prepared);
        }
    }

    private Pattern pattern(String key) {
        Pattern pattern = formats.get(key);
        if (pattern == null) {
            String text = texts.get(key);
            if (text == null) {
                return null;
            }
            pattern = formats.computeIfAbsent(key, k -> Pattern.of(text, locale));
        }
        return pattern;
    }

    /**
     * The text for an element's content, HTML-escaped and UTF-8 encoded once per language: a page
     * prints the same bytes as {@code ${page.t(key)}} without escaping and encoding them on every view.
     */
    public StoredHtml html(String key) {
        StoredHtml stored = html.get(key);
        return stored != null ? stored : html.computeIfAbsent(key, k -> StoredHtml.of(escaped(get(k))));
    }

    /**
     * A message with one text argument for an element's content, printed as {@code ${page.t(key, argument)}}
     * would print it: the message's own text escaped and encoded once per language, the argument
     * escaped where it is printed (a page with 200 comments fills one such message per comment).
     */
    public Content html(String key, String argument) {
        StoredHtml[] parts = htmlParts.get(key);
        if (parts == null) {
            Pattern pattern = pattern(key);
            PlainParts plain = pattern == null ? null : pattern.parts();
            if (plain == null || plain.arguments().length != 1 || plain.arguments()[0] != 0) {
                String text = get(key, argument);
                return output -> output.writeUserContent(text);
            }
            parts = htmlParts.computeIfAbsent(key, k -> new StoredHtml[] {
                    StoredHtml.of(escaped(plain.texts()[0])), StoredHtml.of(escaped(plain.texts()[1]))});
        }
        StoredHtml before = parts[0];
        StoredHtml after = parts[1];
        return output -> {
            before.writeTo(output);
            output.writeUserContent(argument);
            after.writeTo(output);
        };
    }

    /** As jte escapes text in an element's content. */
    private static String escaped(String text) {
        StringOutput out = new StringOutput();
        Escape.htmlContent(text, out);
        return out.toString();
    }

    /**
     * Whole numbers in plain placeholders, written as MessageFormat would ("1.234" in German): it
     * would build a NumberFormat for each of them on every call, a tenth of rendering a list page.
     */
    private Object[] integersAsText(Pattern pattern, Object[] args) {
        Object[] prepared = args;
        for (int i = 0; i < args.length && i < pattern.plainArgument().length; i++) {
            if (pattern.plainArgument()[i] && (args[i] instanceof Integer || args[i] instanceof Long
                    || args[i] instanceof Short || args[i] instanceof Byte)) {
                if (prepared == args) {
                    prepared = args.clone();
                }
                prepared[i] = grouped(((Number) args[i]).longValue());
            }
        }
        return prepared;
    }

    private String grouped(long value) {
        String digits = value == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            out.append(minusSign);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(groupingSeparator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
