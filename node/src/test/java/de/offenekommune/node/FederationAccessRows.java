package de.offenekommune.node;

import static de.offenekommune.node.AccessTable.ADMIN;
import static de.offenekommune.node.AccessTable.AUTHOR;
import static de.offenekommune.node.AccessTable.EVERYONE;
import static de.offenekommune.node.AccessTable.SIGNED_IN;

import java.util.ArrayList;
import java.util.List;

import de.offenekommune.node.AccessTable.Row;
import de.offenekommune.node.activitypub.neighbourhood.RemoteActions;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;

/**
 * The ActivityPub side of {@link AccessTable}: actors, their collections and inboxes, the negotiated
 * object URLs that have no page of their own, WebFinger, NodeInfo, and the neighbourhood pages.
 * Everything an ActivityPub client reads is public (collections publish counts only where the code
 * says so, e.g. followers); inboxes take signed POSTs only; the neighbourhood is for signed-in citizens
 * and its list for admins.
 */
final class FederationAccessRows {
    /** Neighbours live on {@code .example} hosts: the test resolver refuses them, so nothing is ever sent. */
    private static final String NEIGHBOUR = "https://nachbarstadt.example/kommune";
    private static final String FORMER_NEIGHBOUR = "https://altstadt.example/kommune";

    /** The local objects of the table the federation routes hang off. */
    record Local(Project project, News news, long proposal, Survey survey, long question) {
    }

    /** The federation objects the paths point at: a neighbour's proposal, Anna's actions on it, an activity. */
    private record Seeded(long neighbourProposal, String annasLike, String annasDoomedNote, String activity) {
    }

    private FederationAccessRows() {
    }

    static List<Row> rows(TestNode node, Fixtures.Cast cast, Local local) {
        Seeded s = seed(node, cast);
        String project = local.project().path();
        String group = project + "/gruppe";
        String anna = "/profil/" + cast.anna().username();
        List<Row> rows = new ArrayList<>();
        // Discovery and the JSON-LD context
        rows.add(new Row("GET", "/.well-known/webfinger/*", "/.well-known/webfinger?resource=acct:"
                + node.components().config().handle() + "@" + node.baseUrl().getAuthority(), EVERYONE));
        rows.add(new Row("GET", "/.well-known/nodeinfo", "/.well-known/nodeinfo", EVERYONE));
        rows.add(new Row("GET", "/nodeinfo/2.1", "/nodeinfo/2.1", EVERYONE));
        rows.add(new Row("GET", "/ns/v1", "/ns/v1", EVERYONE));
        // Actors and their collections: followers and following publish their count only
        for (String actor : List.of("/kommune", "/actor", group, anna)) {
            String pattern = actor.equals(group) ? "/projekte/{slug}/gruppe"
                    : actor.equals(anna) ? "/profil/{username}" : actor;
            rows.add(new Row("GET", pattern, actor, EVERYONE));
            rows.add(new Row("GET", pattern + "/outbox", actor + "/outbox", EVERYONE));
            rows.add(new Row("GET", pattern + "/followers", actor + "/followers", EVERYONE));
            rows.add(Row.inbox(pattern + "/inbox/*", actor + "/inbox"));
        }
        rows.add(new Row("GET", "/kommune/following", "/kommune/following", EVERYONE));
        rows.add(Row.inbox("/inbox/*", "/inbox"));
        rows.add(new Row("GET", "/aktivitaeten/{uuid}", "/aktivitaeten/" + s.activity(), EVERYONE));
        rows.add(new Row("GET", "/profil/{username}/fern/{uuid}", anna + "/fern/" + s.annasLike(), EVERYONE));
        // Ids without a page of their own, and the collections of objects (likes: the count only)
        rows.add(new Row("GET", "/vorschlaege/{id}/antwort", "/vorschlaege/" + local.proposal() + "/antwort",
                EVERYONE));
        rows.add(new Row("GET", "/umfragen/{id}/fragen/{question}", local.survey().path() + "/fragen/"
                + local.question(), EVERYONE));
        rows.add(new Row("GET", "/vorschlaege/{id}/kommentare", "/vorschlaege/" + local.proposal() + "/kommentare",
                EVERYONE));
        rows.add(new Row("GET", "/vorschlaege/{id}/unterstuetzungen", "/vorschlaege/" + local.proposal()
                + "/unterstuetzungen", EVERYONE));
        rows.add(new Row("GET", "/projekte/{slug}/kommentare", project + "/kommentare", EVERYONE));
        rows.add(new Row("GET", "/projekte/{slug}/neuigkeiten/{id}/kommentare", local.news().path() + "/kommentare",
                EVERYONE));
        // Neighbouring towns: admins follow; signed-in citizens support and comment; only the author deletes
        String item = "/nachbarschaft/" + s.neighbourProposal();
        rows.add(new Row("GET", "/admin/nachbarn", "/admin/nachbarn", ADMIN));
        rows.add(new Row("POST", "/admin/nachbarn", "/admin/nachbarn", ADMIN));
        rows.add(new Row("POST", "/admin/nachbarn/entfernen", "/admin/nachbarn/entfernen", ADMIN,
                "actor=" + FORMER_NEIGHBOUR));
        // Federation policy: only admins block and lift blocks
        rows.add(new Row("GET", "/admin/sperren", "/admin/sperren", ADMIN));
        rows.add(new Row("POST", "/admin/sperren", "/admin/sperren", ADMIN));
        rows.add(new Row("POST", "/admin/sperren/aufheben", "/admin/sperren/aufheben", ADMIN,
                "kind=domain&value=nie-gesperrt.example"));
        rows.add(new Row("GET", "/nachbarschaft/{id}", item, EVERYONE));
        rows.add(new Row("POST", "/nachbarschaft/{id}/unterstuetzen", item + "/unterstuetzen", SIGNED_IN));
        rows.add(new Row("POST", "/nachbarschaft/{id}/zurueckziehen", item + "/zurueckziehen", SIGNED_IN));
        rows.add(new Row("POST", "/nachbarschaft/{id}/kommentare", item + "/kommentare", SIGNED_IN));
        rows.add(new Row("POST", "/nachbarschaft/kommentare/{uuid}/loeschen", "/nachbarschaft/kommentare/"
                + s.annasDoomedNote() + "/loeschen", AUTHOR));
        return rows;
    }

    /** Seeds the neighbours and their items the way a received Create would leave them (see FederationPagesAxeTest). */
    private static Seeded seed(TestNode node, Fixtures.Cast cast) {
        var sql = node.sql();
        for (String actor : List.of(NEIGHBOUR, FORMER_NEIGHBOUR)) {
            String host = java.net.URI.create(actor).getHost();
            sql.update("INSERT INTO ap_neighbour (actor_uri, handle, name, profile_url, state, follow_activity) "
                    + "VALUES (?, ?, ?, ?, 'ACCEPTED', ?)", actor, "kommune@" + host, host, "https://" + host + "/",
                    node.url("/aktivitaeten/" + java.util.UUID.randomUUID()));
        }
        sql.update("""
                INSERT INTO ap_neighbour_item (ap_id, neighbour_actor, attributed_to, kind, name, summary, url,
                       proposal_status, local_supports, remote_supports, support_threshold, published_at, updated_at)
                VALUES ('https://nachbarstadt.example/vorschlaege/7', ?, 'https://nachbarstadt.example/profil/lena',
                        'PROPOSAL', 'Bücherschrank am Bahnhof', 'Ein offener Bücherschrank zum Tauschen.',
                        'https://nachbarstadt.example/vorschlaege/7', 'submitted', 12, 3, 50, now(), now())""",
                NEIGHBOUR);
        long item = sql.count("SELECT id FROM ap_neighbour_item WHERE ap_id = ?",
                "https://nachbarstadt.example/vorschlaege/7");
        RemoteActions actions = node.components().activityPub().remoteActions();
        actions.support(cast.anna(), item);
        actions.comment(cast.anna(), item, "Gute Idee, das hätten wir hier auch gern.");
        String like = remoteAction(node, "LIKE");
        String note = remoteAction(node, "NOTE");
        Fediverse.await("a public activity is relayed", () -> sql.count(
                "SELECT count(*) FROM ap_activity WHERE public AND relayed_at IS NOT NULL") > 0);
        String activity = sql.one("SELECT uuid::text AS u FROM ap_activity WHERE public AND relayed_at IS NOT NULL "
                + "ORDER BY id LIMIT 1", r -> r.str("u")).orElseThrow();
        return new Seeded(item, like, note, activity);
    }

    private static String remoteAction(TestNode node, String kind) {
        return node.sql().one("SELECT uuid::text AS u FROM ap_remote_action WHERE kind = ?", r -> r.str("u"), kind)
                .orElseThrow();
    }
}
