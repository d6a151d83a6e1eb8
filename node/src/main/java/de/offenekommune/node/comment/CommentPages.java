package de.offenekommune.node.comment;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Ids;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/**
 * Writing, replying, editing and deleting comments (mounted at /kommentare). The thread itself is
 * shown by the target's page through the {@code comment/section.jte} template.
 */
public final class CommentPages implements HttpService {
    private static final int MAX_FORM_BODY = 20_000;
    private static final java.util.regex.Pattern NOTICE = java.util.regex.Pattern.compile("[a-z0-9-]{1,40}");

    private final CommentService comments;
    private final Pages pages;
    private final Forms forms;

    public CommentPages(CommentService comments, Pages pages, Forms forms) {
        this.comments = comments;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/{id}", this::show)
                .get("/{id}/antworten", this::replyForm)
                .get("/{id}/bearbeiten", this::editForm)
                .post("/{id}/bearbeiten", this::edit)
                .post("/{id}/loeschen", this::delete);
    }

    /**
     * A comment's own URL (its future ActivityPub id) leads to its place in the thread. A notice
     * (e.g. "flagged" after a report) goes along, so the visitor still sees it there.
     */
    private void show(ServerRequest req, ServerResponse res) {
        Comment c = comments.get(Ids.path(req, "id"));
        CommentTarget target = comments.target(c.targetKind(), c.targetId());
        String notice = req.query().first("hinweis").asOptional().filter(n -> NOTICE.matcher(n).matches())
                .orElse(null);
        redirectTo(res, target.path(), notice, c.id());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account author = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        String kind = form.text("art", 30);
        long targetId = Ids.parse(form.text("ziel", 20));
        Long parentId = Ids.optional(form.text("antwort_auf", 20)).orElse(null);
        String body = form.raw("text", MAX_FORM_BODY);
        FormKey key = FormKey.of(author, form);
        try {
            Comment c = comments.add(author, kind, targetId, parentId, body, key);
            redirectTo(res, comments.target(c.targetKind(), c.targetId()).path(), "comment-saved", c.id());
        } catch (InvalidInput e) {
            CommentTarget target = comments.target(kind, targetId);
            Comment parent = parentId == null ? null : comments.get(parentId);
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "comment/write.jte",
                    "target", target, "parent", parent, "text", body, "key", key.value());
        }
    }

    private void replyForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.CITIZEN);
        Comment parent = comments.get(Ids.path(req, "id"));
        pages.render(req, res, "comment/write.jte", "target", comments.target(parent.targetKind(), parent.targetId()),
                "parent", parent, "text", "", "key", FormKey.fresh());
    }

    private void editForm(ServerRequest req, ServerResponse res) {
        Account author = VisitorFilter.of(req).require(Role.CITIZEN);
        Comment c = comments.get(Ids.path(req, "id"));
        if (!c.writtenBy(author.id())) {
            throw HttpError.forbidden("comment.error.not-author");
        }
        pages.render(req, res, "comment/edit.jte", "comment", c, "target", comments.target(c.targetKind(),
                c.targetId()), "text", c.bodyMarkdown() == null ? "" : c.bodyMarkdown());
    }

    private void edit(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account author = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        long id = Ids.path(req, "id");
        String body = form.raw("text", MAX_FORM_BODY);
        try {
            Comment c = comments.edit(author, id, body);
            redirectTo(res, comments.target(c.targetKind(), c.targetId()).path(), "comment-edited", id);
        } catch (InvalidInput e) {
            Comment c = comments.get(id);
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "comment/edit.jte",
                    "comment", c, "target", comments.target(c.targetKind(), c.targetId()), "text", body);
        }
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account author = visitor.require(Role.CITIZEN);
        forms.read(req, visitor);
        Comment c = comments.delete(author, Ids.path(req, "id"));
        redirectTo(res, comments.target(c.targetKind(), c.targetId()).path(), "comment-deleted", c.id());
    }

    /** 303 to the comment's place on its target page (the notice must come before the fragment). */
    private static void redirectTo(ServerResponse res, String path, String notice, long commentId) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, path + (notice == null ? "" : "?hinweis=" + notice) + "#kommentar-" + commentId);
        res.send();
    }
}
