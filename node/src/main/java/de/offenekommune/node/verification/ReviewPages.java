package de.offenekommune.node.verification;

import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Ids;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/** The admins' review (mounted at /admin/verifizierung): requests, decisions, the audit log. Admins only. */
public final class ReviewPages implements HttpService {
    private static final int MAX_REASON = 5_000;

    private final ReviewService reviews;
    private final Pages pages;
    private final Forms forms;

    public ReviewPages(ReviewService reviews, Pages pages, Forms forms) {
        this.reviews = reviews;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .get("/protokoll", this::audit)
                .get("/{id}", this::review)
                .post("/{id}/pruefen", this::checkDomain)
                .post("/{id}/freigeben", this::approve)
                .post("/{id}/ablehnen", this::reject)
                .post("/{id}/widerrufen", this::revoke);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        pages.render(req, res, "verification/review-list.jte", "listing", reviews.list(admin, before(req)));
    }

    private void audit(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        List<AuditEntry> found = reviews.audit(admin, before(req));
        boolean more = found.size() > ReviewService.PAGE;
        List<AuditEntry> shown = more ? found.subList(0, ReviewService.PAGE) : found;
        pages.render(req, res, "verification/audit.jte", "entries", shown,
                "nextBefore", more ? shown.getLast().id() : 0L);
    }

    private void review(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        pages.render(req, res, "verification/review.jte", "review", reviews.review(admin, Ids.path(req, "id")),
                "reason", "");
    }

    private void checkDomain(ServerRequest req, ServerResponse res) {
        AdminForm f = adminForm(req);
        reviews.checkDomain(f.admin(), f.id());
        Pages.redirect(res, path(f.id()), "domain-checked");
    }

    private void approve(ServerRequest req, ServerResponse res) {
        AdminForm f = adminForm(req);
        reviews.approve(f.admin(), f.id());
        Pages.redirect(res, path(f.id()), "verification-approved");
    }

    private void reject(ServerRequest req, ServerResponse res) {
        decide(req, res, true);
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        decide(req, res, false);
    }

    private void decide(ServerRequest req, ServerResponse res, boolean reject) {
        AdminForm f = adminForm(req);
        String reason = f.form().raw("reason", MAX_REASON);
        try {
            if (reject) {
                reviews.reject(f.admin(), f.id(), reason);
            } else {
                reviews.revoke(f.admin(), f.id(), reason);
            }
            Pages.redirect(res, path(f.id()), reject ? "verification-rejected" : "verification-revoked");
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()),
                    "verification/review.jte", "review", reviews.review(f.admin(), f.id()), "reason", reason);
        }
    }

    /** An admin's form: role first (others learn nothing), then the CSRF check, then the id. */
    private record AdminForm(Account admin, Forms.Form form, long id) {
    }

    private AdminForm adminForm(ServerRequest req) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        Forms.Form form = forms.read(req, visitor);
        return new AdminForm(admin, form, Ids.path(req, "id"));
    }

    private static long before(ServerRequest req) {
        return req.query().first("vor").asOptional().map(Ids::parse).orElse(Long.MAX_VALUE);
    }

    private static String path(long id) {
        return "/admin/verifizierung/" + id;
    }
}
