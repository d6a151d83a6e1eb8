package de.offenekommune.node.statement;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.comment.CommentTarget;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Ids;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/**
 * Writing and deleting statements (mounted at /stellungnahmen); a statement's own URL (its
 * ActivityPub id) leads browsers to its place on the target's page.
 */
public final class StatementPages implements HttpService {
    private static final int MAX_FORM_BODY = 40_000;

    private final StatementService statements;
    private final Pages pages;
    private final Forms forms;

    public StatementPages(StatementService statements, Pages pages, Forms forms) {
        this.statements = statements;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/{id}", this::show)
                .post("/{id}/loeschen", this::delete);
    }

    private void show(ServerRequest req, ServerResponse res) {
        Statement s = statements.get(Ids.path(req, "id"));
        redirectTo(res, statements.target(s.targetKind(), s.targetId()).path(), null, s.id());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account account = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        String kind = form.text("art", 30);
        long targetId = Ids.parse(form.text("ziel", 20));
        String body = form.raw(StatementService.FIELD, MAX_FORM_BODY);
        FormKey key = FormKey.of(account, form);
        try {
            Statement s = statements.add(account, kind, targetId, body, key);
            redirectTo(res, statements.target(kind, targetId).path(), "statement-saved", s.id());
        } catch (InvalidInput e) {
            CommentTarget target = statements.target(kind, targetId);
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "statement/write.jte",
                    "target", target, "text", body, "key", key.value());
        }
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account account = visitor.require(Role.CITIZEN);
        forms.read(req, visitor);
        Statement s = statements.delete(account, Ids.path(req, "id"));
        Pages.redirect(res, statements.pathOf(s.targetKind(), s.targetId()).orElse("/"), "statement-deleted");
    }

    /** 303 to the statement's place on its target page (the notice before the fragment). */
    private static void redirectTo(ServerResponse res, String path, String notice, long id) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, path + (notice == null ? "" : "?hinweis=" + notice) + "#stellungnahme-" + id);
        res.send();
    }
}
