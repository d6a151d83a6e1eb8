package de.offenekommune.node.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;

/**
 * The per-request context every template receives: texts in the visitor's language, the visitor,
 * the CSRF token for forms, the current path (for the language switch and "back" links), an
 * optional notice after a redirect, and field errors when a form comes back.
 */
public record Page(Site site, Messages msg, Visitor visitor, String csrf, String path, String notice,
                   Map<String, String> errors) {
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public Page withErrors(Map<String, String> fieldErrors) {
        return new Page(site, msg, visitor, csrf, path, notice, fieldErrors);
    }

    public String t(String key) {
        return msg.get(key);
    }

    public String t(String key, Object... args) {
        return msg.get(key, args);
    }

    /** {@link #t(String)} for an element's content, escaped and encoded once per language ({@link Messages#html(String)}). */
    public StoredHtml html(String key) {
        return msg.html(key);
    }

    /** {@link #t(String, Object...)} with one text argument, for an element's content ({@link Messages#html(String, String)}). */
    public gg.jte.Content html(String key, String argument) {
        return msg.html(key, argument);
    }

    public String lang() {
        return msg.locale().getLanguage();
    }

    public Locale locale() {
        return msg.locale();
    }

    public boolean signedIn() {
        return visitor.signedIn();
    }

    public Account account() {
        return visitor.account().orElse(null);
    }

    public boolean staff() {
        return visitor.has(Role.STAFF);
    }

    public boolean admin() {
        return visitor.has(Role.ADMIN);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        String key = errors.get(field);
        return key == null ? "" : msg.get(key);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String date(Instant instant) {
        return DateTexts.format(instant, DateTexts.Style.DATE, locale());
    }

    public String dateTime(Instant instant) {
        return DateTexts.format(instant, DateTexts.Style.DATE_TIME, locale());
    }

    /** {@code <time datetime="ISO">date and time</time>}, ready to print ({@code ${page.time(instant)}}). */
    public StoredHtml time(Instant instant) {
        return DateTexts.timeElement(instant, locale());
    }

    /** ISO-8601 for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return DateTexts.format(instant, DateTexts.Style.ISO, locale());
    }
}
