package de.offenekommune.node.privacy;

import java.time.Duration;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.RateLimiter;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.Cookies;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/**
 * The citizen's data rights in the account area: "Meine Daten" ({@code /konto/daten}) with the
 * download of everything the node holds about them (Art. 15/20), and the deletion of the account
 * ({@code /konto/loeschen}, Art. 17), confirmed with the password. Any signed-in role.
 */
public final class DataRightsPages implements HttpService {
    static final Duration WINDOW = Duration.ofHours(1);
    static final int EXPORTS_PER_HOUR = 10;
    static final int DELETE_ATTEMPTS_PER_HOUR = 10;

    private final DataExport export;
    private final AccountDeletion deletion;
    private final RateLimiter limiter;
    private final Pages pages;
    private final Forms forms;
    private final Cookies cookies;

    public DataRightsPages(DataExport export, AccountDeletion deletion, RateLimiter limiter, Pages pages, Forms forms,
                           Cookies cookies) {
        this.export = export;
        this.deletion = deletion;
        this.limiter = limiter;
        this.pages = pages;
        this.forms = forms;
        this.cookies = cookies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/konto/daten", this::overview)
                .post("/konto/daten/export", this::download)
                .get("/konto/loeschen", this::deleteForm)
                .post("/konto/loeschen", this::delete);
    }

    private void overview(ServerRequest req, ServerResponse res) {
        Account self = VisitorFilter.of(req).require(Role.CITIZEN);
        pages.render(req, res, "privacy/data.jte", "account", self);
    }

    private void download(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account self = visitor.require(Role.CITIZEN);
        forms.read(req, visitor);
        limiter.acquire("data-export", "account:" + self.id(), EXPORTS_PER_HOUR, WINDOW);
        send(res, export.export(self.id()), self.username());
    }

    /** The JSON document as a file download that no cache keeps. */
    static void send(ServerResponse res, ObjectNode document, String username) {
        byte[] body = ActivityJson.write(document);
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"meine-daten-" + username + ".json\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(body);
    }

    private void deleteForm(ServerRequest req, ServerResponse res) {
        Account self = VisitorFilter.of(req).require(Role.CITIZEN);
        pages.render(req, res, "privacy/delete.jte", "account", self);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account self = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        limiter.acquire("account-delete", "account:" + self.id(), DELETE_ATTEMPTS_PER_HOUR, WINDOW);
        FormKey key = FormKey.of(self, form);
        try {
            String password = form.raw("password", 200);
            deletion.delete(self, self.id(), password, key);
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "privacy/delete.jte",
                    "account", self);
            return;
        } catch (HttpError e) {
            if (e.status() != Status.CONFLICT_409) {
                throw e;
            }
            pages.render(res, Status.CONFLICT_409,
                    pages.page(req).withErrors(Map.of("password", e.messageKey())), "privacy/delete.jte",
                    "account", self);
            return;
        }
        cookies.clear(res, Cookies.SESSION);
        Pages.redirect(res, "/", "account-deleted");
    }
}
