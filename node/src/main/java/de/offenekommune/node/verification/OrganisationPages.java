package de.offenekommune.node.verification;

import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.organisation.OrganisationService;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Ids;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/**
 * The organisation's own pages (mounted at /organisation): set the account up as an organisation,
 * ask for verification, see the token and have the website checked.
 */
public final class OrganisationPages implements HttpService {
    private static final int MAX_FIELD = 10_000;
    static final String[] REQUEST_FIELDS = {"art", "legal_name", "domain", "contact_name", "contact_email", "evidence"};

    private final OrganisationService organisations;
    private final RequestService requests;
    private final Pages pages;
    private final Forms forms;

    public OrganisationPages(OrganisationService organisations, RequestService requests, Pages pages, Forms forms) {
        this.organisations = organisations;
        this.requests = requests;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::overview)
                .post("/", this::setUp)
                .get("/verifizierung", this::requestForm)
                .post("/verifizierung", this::submit)
                .post("/verifizierung/{id}/pruefen", this::checkDomain);
    }

    private void overview(ServerRequest req, ServerResponse res) {
        Account account = VisitorFilter.of(req).require(Role.CITIZEN);
        pages.render(req, res, "verification/organisation.jte", "overview", requests.overview(account),
                "values", Map.of(), "checkUrl", (java.util.function.Function<String, String>) requests::domainUrl);
    }

    private void setUp(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account account = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        try {
            organisations.setUp(account, form.raw("name", MAX_FIELD), form.raw("summary", MAX_FIELD));
            Pages.redirect(res, "/organisation", "organisation-created");
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()),
                    "verification/organisation.jte", "overview", requests.overview(account),
                    "values", FormValues.of(form, "name", "summary"),
                    "checkUrl", (java.util.function.Function<String, String>) requests::domainUrl);
        }
    }

    /** The form; without an organisation, or with a request open or granted, the overview says what is next. */
    private void requestForm(ServerRequest req, ServerResponse res) {
        Account account = VisitorFilter.of(req).require(Role.CITIZEN);
        RequestService.Overview overview = requests.overview(account);
        if (overview.organisation().isEmpty() || overview.open().isPresent() || overview.attestation().isPresent()) {
            Pages.redirect(res, "/organisation", null);
            return;
        }
        pages.render(req, res, "verification/request.jte", "organisation", overview.organisation().get(),
                "values", Map.of());
    }

    private void submit(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account account = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        RequestService.Form typed = new RequestService.Form(FormValues.raw(form, "art"),
                form.raw("legal_name", MAX_FIELD), form.raw("domain", MAX_FIELD), form.raw("contact_name", MAX_FIELD),
                form.raw("contact_email", MAX_FIELD), form.raw("evidence", MAX_FIELD));
        try {
            requests.submit(account, typed);
            Pages.redirect(res, "/organisation", "verification-requested");
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()),
                    "verification/request.jte", "organisation", organisations.ofAccount(account).orElseThrow(),
                    "values", FormValues.of(form, REQUEST_FIELDS));
        }
    }

    private void checkDomain(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account account = visitor.require(Role.CITIZEN);
        forms.read(req, visitor);
        requests.checkDomain(account, Ids.path(req, "id"));
        Pages.redirect(res, "/organisation", "domain-checked");
    }
}
