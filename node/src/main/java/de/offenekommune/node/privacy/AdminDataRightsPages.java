package de.offenekommune.node.privacy;

import java.util.Map;
import java.util.logging.Logger;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.AccountService;
import de.offenekommune.node.account.RateLimiter;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/**
 * A request by post or e-mail (Art. 15/17): an admin opens the account ({@code /admin/konten/<id>}),
 * downloads its data or deletes it, through the same code paths as the citizen, confirming the
 * deletion with their own password. Every action is logged with the admin's account id. Admins only.
 */
public final class AdminDataRightsPages implements HttpService {
    private static final Logger LOG = Logger.getLogger(AdminDataRightsPages.class.getName());

    private final AccountService accounts;
    private final DataExport export;
    private final AccountDeletion deletion;
    private final RateLimiter limiter;
    private final Pages pages;
    private final Forms forms;

    public AdminDataRightsPages(AccountService accounts, DataExport export, AccountDeletion deletion,
                                RateLimiter limiter, Pages pages, Forms forms) {
        this.accounts = accounts;
        this.export = export;
        this.deletion = deletion;
        this.limiter = limiter;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}", this::show)
                .post("/{id}/export", this::download)
                .post("/{id}/loeschen", this::delete);
    }

    private Account target(ServerRequest req) {
        long id;
        try {
            id = Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("form.error.bad-id");
        }
        return accounts.byId(id).orElseThrow(HttpError::notFound);
    }

    private void show(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.ADMIN);
        pages.render(req, res, "privacy/admin-account.jte", "account", target(req));
    }

    private void download(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        forms.read(req, visitor);
        Account target = target(req);
        limiter.acquire("data-export", "admin:" + admin.id(), DataRightsPages.EXPORTS_PER_HOUR * 5,
                DataRightsPages.WINDOW);
        LOG.info(() -> "Admin account " + admin.id() + " exported the data of account " + target.id());
        DataRightsPages.send(res, export.export(target.id()), target.username());
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        Forms.Form form = forms.read(req, visitor);
        Account target = target(req);
        limiter.acquire("account-delete", "account:" + admin.id(), DataRightsPages.DELETE_ATTEMPTS_PER_HOUR,
                DataRightsPages.WINDOW);
        FormKey key = FormKey.of(admin, form);
        try {
            String password = form.raw("password", 200);
            deletion.delete(admin, target.id(), password, key);
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()),
                    "privacy/admin-account.jte", "account", target);
            return;
        } catch (HttpError e) {
            if (e.status() != Status.CONFLICT_409) {
                throw e;
            }
            pages.render(res, Status.CONFLICT_409, pages.page(req).withErrors(Map.of("password", e.messageKey())),
                    "privacy/admin-account.jte", "account", target);
            return;
        }
        Pages.redirect(res, "/admin/rollen", "account-deleted-by-admin");
    }
}
