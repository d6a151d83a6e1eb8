package de.offenekommune.node.activitypub.neighbourhood;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.statement.StatementService;
import de.offenekommune.node.verification.TownBadge;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Page;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/**
 * Neighbouring towns: the admin list ({@code /admin/nachbarn}: follow by handle, unfollow, which of
 * them are attested as their municipality's official node) and the
 * page of a neighbour's project or proposal ({@code /nachbarschaft/{id}}), where signed-in citizens
 * support and comment on a proposal with their own fediverse identity.
 */
public final class NeighbourPages implements HttpService {
    private static final int MAX_TEXT = 20_000;

    private final NeighbourService neighbours;
    private final RemoteActions actions;
    private final StatementService statements;
    private final Function<Collection<String>, Map<String, TownBadge>> townBadges;
    private final Pages pages;
    private final Forms forms;

    /**
     * @param townBadges the town badges of the listed neighbours' actors (one query for the page)
     */
    public NeighbourPages(NeighbourService neighbours, RemoteActions actions, StatementService statements,
                          Function<Collection<String>, Map<String, TownBadge>> townBadges, Pages pages, Forms forms) {
        this.neighbours = neighbours;
        this.townBadges = townBadges;
        this.actions = actions;
        this.statements = statements;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/nachbarn", this::list)
                .post("/admin/nachbarn", this::follow)
                .post("/admin/nachbarn/entfernen", this::unfollow)
                .get("/nachbarschaft/{id}", this::item)
                .post("/nachbarschaft/{id}/unterstuetzen", this::support)
                .post("/nachbarschaft/{id}/zurueckziehen", this::withdraw)
                .post("/nachbarschaft/{id}/kommentare", this::comment)
                .post("/nachbarschaft/kommentare/{uuid}/loeschen", this::deleteComment);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        render(req, res, Status.OK_200, pages.page(req), neighbours.list(admin), Map.of());
    }

    private void follow(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        Forms.Form form = forms.read(req, visitor);
        try {
            switch (neighbours.follow(admin, FormValues.raw(form, "handle"))) {
                case NeighbourService.FollowResult.Followed f -> Pages.redirect(res, "/admin/nachbarn", "neighbour-followed");
                case NeighbourService.FollowResult.AlreadyFollowed a ->
                        Pages.redirect(res, "/admin/nachbarn", "neighbour-known");
            }
        } catch (InvalidInput e) {
            render(req, res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), neighbours.list(admin),
                    FormValues.of(form, "handle"));
        }
    }

    private void render(ServerRequest req, ServerResponse res, Status status, Page page, List<Neighbour> list,
                        Map<String, String> values) {
        pages.render(res, status, page, "activitypub/neighbours.jte", "neighbours", list, "values", values,
                "towns", townBadges.apply(list.stream().map(Neighbour::actorUri).toList()));
    }

    private void unfollow(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        Forms.Form form = forms.read(req, visitor);
        neighbours.unfollow(admin, form.text("actor", 2000));
        Pages.redirect(res, "/admin/nachbarn", "neighbour-removed");
    }

    private void item(ServerRequest req, ServerResponse res) {
        long id = Inputs.pathId(req.path().pathParameters().get("id"));
        pages.render(req, res, "activitypub/neighbour-item.jte", "view",
                actions.view(VisitorFilter.of(req).account(), id), "text", "", "statements", section(req, id));
    }

    private void support(ServerRequest req, ServerResponse res) {
        long id = citizenAction(req);
        actions.support(VisitorFilter.of(req).require(Role.CITIZEN), id);
        Pages.redirect(res, "/nachbarschaft/" + id, "neighbour-supported");
    }

    private void withdraw(ServerRequest req, ServerResponse res) {
        long id = citizenAction(req);
        actions.withdraw(VisitorFilter.of(req).require(Role.CITIZEN), id);
        Pages.redirect(res, "/nachbarschaft/" + id, "neighbour-withdrawn");
    }

    private void comment(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account citizen = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        long id = Inputs.pathId(req.path().pathParameters().get("id"));
        String text = form.raw("text", MAX_TEXT);
        try {
            actions.comment(citizen, id, text);
            Pages.redirect(res, "/nachbarschaft/" + id, "neighbour-commented");
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()),
                    "activitypub/neighbour-item.jte", "view", actions.view(visitor.account(), id), "text", text,
                    "statements", section(req, id));
        }
    }

    private void deleteComment(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account citizen = visitor.require(Role.CITIZEN);
        forms.read(req, visitor);
        UUID uuid;
        try {
            uuid = UUID.fromString(req.path().pathParameters().get("uuid"));
        } catch (IllegalArgumentException e) {
            throw HttpError.notFound();
        }
        long item = actions.deleteComment(citizen, uuid);
        Pages.redirect(res, "/nachbarschaft/" + item, "neighbour-comment-deleted");
    }

    /** Statements on the neighbour's object sent from here; verified organisations may write one. */
    private StatementService.Section section(ServerRequest req, long id) {
        return statements.section(StatementService.NEIGHBOUR, id, VisitorFilter.of(req).verifiedOrganisation());
    }

    /** Signed in, and the form's CSRF token checked; returns the item id. */
    private long citizenAction(ServerRequest req) {
        Visitor visitor = VisitorFilter.of(req);
        visitor.require(Role.CITIZEN);
        forms.read(req, visitor);
        return Inputs.pathId(req.path().pathParameters().get("id"));
    }
}
