package de.offenekommune.node.verification;

import java.net.URI;
import java.util.Locale;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Pages;

/** {@code /verifizierung/pruefen?actor=...}: why an author has a verified badge here, or why not. Public. */
public final class BadgePages implements HttpService {
    private static final int MAX_ACTOR = 2_000;

    private final BadgeService badges;
    private final Issuer issuer;
    private final Pages pages;

    public BadgePages(BadgeService badges, Issuer issuer, Pages pages) {
        this.badges = badges;
        this.issuer = issuer;
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/verifizierung/pruefen", this::explain);
    }

    private void explain(ServerRequest req, ServerResponse res) {
        String actor = req.query().first("actor").orElse("").strip();
        if (!isActorUrl(actor)) {
            throw HttpError.badRequest("verification.error.actor");
        }
        pages.render(req, res, "verification/badge.jte", "explanation", badges.explain(actor),
                "self", issuer.actor().toString());
    }

    static boolean isActorUrl(String value) {
        if (value.isEmpty() || value.length() > MAX_ACTOR) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
