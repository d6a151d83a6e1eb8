package de.offenekommune.node.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UI texts from {@code i18n/messages*.properties} (UTF-8). German is the default bundle, English the
 * second; a missing key shows as {@code ??key??} so it is noticed rather than hidden.
 */
public final class Messages {
    public static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);
    private static final Map<Locale, Messages> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle bundle;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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
        return bundle.containsKey(key);
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
    }

    public String get(String key, Object... args) {
        if (args == null || args.length == 0) {
            return get(key);
        }
        if (!bundle.containsKey(key)) {
            return "??" + key + "??";
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
        synchronized (format) { // MessageFormat is not thread-safe
            return format.format(args);
        }
    }
}
