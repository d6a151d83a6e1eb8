package de.offenekommune.node.verification;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.organisation.OrganisationService;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Pages;

/** An organisation's public profile at its actor URL: name, fediverse handle, and its badge (or why not). */
public final class OrganisationProfilePages implements HttpService {
    private final OrganisationService organisations;
    private final BadgeService badges;
    private final String base;
    private final Pages pages;

    public OrganisationProfilePages(OrganisationService organisations, BadgeService badges, String baseUrl,
                                    Pages pages) {
        this.organisations = organisations;
        this.badges = badges;
        this.base = baseUrl;
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/organisationen/{handle}", this::profile);
    }

    private void profile(ServerRequest req, ServerResponse res) {
        String handle = req.path().pathParameters().get("handle");
        Organisation org = (handle.matches("[a-z0-9-]{1,60}") ? organisations.byHandle(handle)
                : java.util.Optional.<Organisation>empty()).orElseThrow(HttpError::notFound);
        if (org.deleted()) {
            throw new HttpError(Status.GONE_410, "error.gone");
        }
        pages.render(req, res, "verification/profile.jte", "organisation", org,
                "explanation", badges.explain(base + org.path()));
    }
}
