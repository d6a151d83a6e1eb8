package de.offenekommune.node.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.delivery.Followers;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.db.Sql;

/**
 * Tells the fediverse that a local actor (a citizen's Person, an organisation's Organization) is
 * gone: {@code Delete} with the actor as object, as Mastodon sends on account deletion, to everyone
 * who received its activities: its followers, the followers its activities went to (town, project
 * groups) and the remote actors they addressed (authors of neighbours' proposals, authors replied to).
 * It goes through the durable outbox like every activity and is signed with the actor's own key,
 * which stays in {@code ap_actor_key} for that (the retries can take days); {@link ErasedActorCleanup}
 * removes the key and the actor's followers once the deliveries are done.
 */
public final class ActorDeletions {
    private final NodeUris uris;
    private final Activities activities;
    private final Publications publications;
    private final Followers followers;
    private final boolean federationEnabled;
    private final Clock clock;

    public ActorDeletions(NodeUris uris, Activities activities, Publications publications, Followers followers,
                          boolean federationEnabled, Clock clock) {
        this.uris = uris;
        this.activities = activities;
        this.publications = publications;
        this.followers = followers;
        this.federationEnabled = federationEnabled;
        this.clock = clock;
    }

    /** Who got the actor's activities, read before they are dropped. */
    private record Audience(List<String> followersOf, List<String> actors) {
    }

    /**
     * In the erasure's transaction: drops the actor's stored activities (their copies of the person's
     * texts are not served any more; pending ones never go out) and, if the actor ever federated,
     * writes the Delete.
     *
     * @return whether a Delete was written
     */
    public boolean deleted(Sql tx, String actor) {
        boolean federated = tx.exists("SELECT 1 FROM ap_actor_key WHERE actor_uri = ?", actor)
                || tx.exists("SELECT 1 FROM ap_activity WHERE actor_uri = ?", actor)
                || followers.count(actor) > 0;
        Audience audience = audience(tx, actor);
        tx.update("DELETE FROM ap_activity WHERE actor_uri = ?", actor);
        if (!federationEnabled || !federated) {
            return false;
        }
        UUID uuid = UUID.randomUUID();
        ObjectNode delete = ActivityJson.newObject().put("id", uris.activity(uuid)).put("type", "Delete")
                .put("actor", actor).put("object", actor).put("published", AsText.time(clock.instant()));
        delete.putArray("to").add(Contexts.PUBLIC);
        delete.putArray("cc").add(NodeUris.followers(actor));
        publications.sent(tx, new Activities.Activity(uuid, activities.withContext(delete)), actor,
                audience.followersOf(), audience.actors());
        tx.update("INSERT INTO ap_erased_actor (actor_uri, erased_at) VALUES (?, ?) ON CONFLICT (actor_uri) DO NOTHING",
                actor, clock.instant());
        return true;
    }

    private Audience audience(Sql tx, String actor) {
        Set<String> followersOf = new LinkedHashSet<>(List.of(actor, uris.town()));
        followersOf.addAll(tx.list("""
                SELECT DISTINCT f AS uri FROM ap_activity, unnest(followers_of) AS f WHERE actor_uri = ?""",
                r -> r.str("uri"), actor));
        List<String> actors = new ArrayList<>(tx.list("""
                SELECT DISTINCT a AS uri FROM ap_activity, unnest(actors) AS a WHERE actor_uri = ?""",
                r -> r.str("uri"), actor));
        return new Audience(List.copyOf(followersOf), actors);
    }
}
