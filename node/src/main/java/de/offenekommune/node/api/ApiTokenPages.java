package de.offenekommune.node.api;

import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/**
 * The admin page for API tokens. A new token's value is shown once, in the answer to the POST
 * (not after a redirect, so it never appears in a URL or history).
 */
public final class ApiTokenPages implements HttpService {
    private final ApiTokenService tokens;
    private final Pages pages;
    private final Forms forms;

    public ApiTokenPages(ApiTokenService tokens, Pages pages, Forms forms) {
        this.tokens = tokens;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .post("/{id}/widerrufen", this::revoke);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        pages.render(req, res, "admin/api-tokens.jte", "tokens", tokens.list(admin), "created", null,
                "values", Map.of());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        try {
            ApiTokenService.Created created = tokens.create(admin, FormValues.raw(form, "name"),
                    FormValues.raw(form, "owner"));
            res.header("Cache-Control", "no-store");
            pages.render(req, res, "admin/api-tokens.jte", "tokens", tokens.list(admin), "created", created,
                    "values", Map.of());
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "admin/api-tokens.jte",
                    "tokens", tokens.list(admin), "created", null, "values", FormValues.of(form, "name", "owner"));
        }
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        forms.read(req, VisitorFilter.of(req));
        tokens.revoke(admin, Inputs.pathId(req.path().pathParameters().get("id")));
        Pages.redirect(res, "/admin/api-tokens", "token-revoked");
    }
}
