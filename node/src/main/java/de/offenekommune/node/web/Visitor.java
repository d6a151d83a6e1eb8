package de.offenekommune.node.web;

import java.util.Locale;
import java.util.Optional;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;

/**
 * Who is asking: the signed-in account (if any), the UI locale and the value CSRF tokens are bound to
 * (the session for signed-in visitors, an anonymous cookie otherwise). Set once per request by
 * {@link VisitorFilter}.
 *
 * @param verifiedOrganisation the account speaks for an organisation verified here now (read with the
 *                             session, so it is as fresh as the request), and may write statements
 */
public record Visitor(Optional<Account> account, Locale locale, String csrfBinding, String clientAddress,
                      boolean verifiedOrganisation) {

    public boolean signedIn() {
        return account.isPresent();
    }

    public boolean has(Role role) {
        return account.map(a -> a.is(role)).orElse(false);
    }

    /** @throws HttpError 401 (not signed in) or 403 (role too low) */
    public Account require(Role role) {
        Account a = account.orElseThrow(() -> HttpError.unauthorized("error.login-required"));
        if (!a.is(role)) {
            throw HttpError.forbidden("error.forbidden");
        }
        return a;
    }
}
