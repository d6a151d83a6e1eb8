package de.offenekommune.node.web;

import java.util.regex.Pattern;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Tokens;

/**
 * The one-time key of a create form (hidden field {@code key}), bound to the account that sends it.
 * {@link de.offenekommune.node.db.FormSubmissions} lets the first POST with a key create the object
 * and answers every repeat with that same object: a double click or a re-sent form leaves one record.
 */
public record FormKey(long accountId, String value) {
    public static final String FIELD = "key";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{20,64}");

    /** A fresh value for a form being rendered. */
    public static String fresh() {
        return Tokens.random();
    }

    /** @throws HttpError 400 when the form came without a well-formed key */
    public static FormKey of(Account account, String value) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw HttpError.badRequest("form.error.form-key");
        }
        return new FormKey(account.id(), value);
    }

    /** The key of a parsed form. */
    public static FormKey of(Account account, Forms.Form form) {
        return of(account, form.params().first(FIELD).orElse(null));
    }
}
