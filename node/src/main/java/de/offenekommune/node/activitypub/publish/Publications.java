package de.offenekommune.node.activitypub.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.mapper.ApObject;
import de.offenekommune.node.db.Sql;

/**
 * The life of a published object, inside the transaction that changed it: Create (and an Announce
 * by the group or town that shares it), Update, Delete. Audiences are followers of local actors
 * (resolved to one delivery per shared inbox by the federation library) plus the remote actors the
 * object addresses; nothing here loops over followers.
 */
public final class Publications {
    private final ActivityStore store;
    private final Activities activities;
    private final BlockedBy blockedBy;
    private final Clock clock;
    private final Runnable wakeRelay;

    public Publications(ActivityStore store, Activities activities, BlockedBy blockedBy, Clock clock,
                        Runnable wakeRelay) {
        this.store = store;
        this.activities = activities;
        this.blockedBy = blockedBy;
        this.clock = clock;
        this.wakeRelay = wakeRelay;
    }

    /**
     * @param announcer a local actor that shares the object with its own followers (the project group,
     *                  or the town for proposals), or null
     * @param alsoFollowersOf further local actors whose followers get the Create
     * @param notBefore when to send (a news post scheduled for later), or null for now
     */
    public void created(Sql tx, ApObject o, String announcer, List<String> alsoFollowersOf, Instant notBefore) {
        List<String> followers = new ArrayList<>(List.of(o.owner()));
        followers.addAll(alsoFollowersOf);
        add(tx, activities.create(o), o.owner(), followers, o.addressed(), "create:" + o.id(), notBefore);
        if (announcer != null && !announcer.equals(o.owner())) {
            Activities.Activity announce = activities.announce(announcer, o.id(), o.owner());
            add(tx, announce, announcer, List.of(announcer), List.of(), "announce:" + o.id(), notBefore);
        }
    }

    /**
     * A change: replaces the Create if that has not gone out yet, else sends an Update (several
     * quick changes go out as one); an object never sent before is created now.
     */
    public void updated(Sql tx, ApObject o, String announcer, List<String> alsoFollowersOf, Instant notBefore) {
        if (o.deleted()) {
            deleted(tx, o, announcer, alsoFollowersOf);
            return;
        }
        var pending = store.pendingBody(tx, "create:" + o.id());
        if (pending.isPresent()) {
            ObjectNode body = pending.get();
            ObjectNode object = o.json().deepCopy();
            object.remove("@context");
            body.set("object", object);
            store.replacePending(tx, "create:" + o.id(), body, notBefore == null ? clock.instant() : notBefore);
            return;
        }
        if (!store.wasCreated(tx, o.id())) {
            created(tx, o, announcer, alsoFollowersOf, notBefore);
            return;
        }
        add(tx, activities.update(o), o.owner(), audience(o, announcer, alsoFollowersOf), o.addressed(),
                "update:" + o.id(), notBefore);
    }

    /** An Update whose sending may wait (votes: many in a short time go out as one, with the latest counts). */
    public void updatedLater(Sql tx, ApObject o, List<String> followersOf, List<String> inboxes, Instant notBefore) {
        if (!store.wasCreated(tx, o.id())) {
            return;
        }
        Activities.Activity update = activities.update(o);
        store.add(tx, update.uuid(), new Outgoing(o.owner(), update.json(), true, followersOf, inboxes, List.of(),
                "update:" + o.id(), notBefore), clock.instant());
        tx.afterCommit(wakeRelay);
    }

    /** Deleted: a Delete with the Tombstone, unless the Create never went out (then nothing goes out). */
    public void deleted(Sql tx, ApObject o, String announcer, List<String> alsoFollowersOf) {
        store.dropPending(tx, "update:" + o.id());
        boolean neverSent = store.dropPending(tx, "create:" + o.id());
        store.dropPending(tx, "announce:" + o.id());
        if (neverSent || !store.wasCreated(tx, o.id())) {
            return;
        }
        List<String> followers = audience(o, announcer, alsoFollowersOf);
        List<String> cc = new ArrayList<>(followers.stream().map(NodeUris::followers).toList());
        cc.addAll(o.addressed());
        add(tx, activities.delete(o, cc), o.owner(), followers, o.addressed(), null, null);
    }

    /** The group (or town) shares something that is not ours (a remote reply in the project's discussion). */
    public void announced(Sql tx, String announcer, String objectId, String objectOwner) {
        add(tx, activities.announce(announcer, objectId, objectOwner), announcer, List.of(announcer), List.of(),
                "announce:" + objectId, null);
    }

    /** Any other activity to particular remote actors or inboxes (Accept, Follow, Undo, a citizen's Like). */
    public void direct(Sql tx, String actor, UUID uuid, ObjectNode activity, List<String> inboxes,
                       List<String> remoteActors) {
        store.add(tx, uuid, new Outgoing(actor, activity, false, List.of(), inboxes,
                blockedBy.without(tx, actor, remoteActors), null, null), clock.instant());
        tx.afterCommit(wakeRelay);
    }

    /**
     * A public activity written elsewhere (an organisation's signed statement, its actor Update) to the
     * followers of local actors and to remote actors.
     */
    public void sent(Sql tx, Activities.Activity a, String actor, List<String> followersOf, List<String> actors) {
        add(tx, a, actor, followersOf, actors, null, null);
    }

    private static List<String> audience(ApObject o, String announcer, List<String> also) {
        List<String> followers = new ArrayList<>(List.of(o.owner()));
        if (announcer != null && !announcer.equals(o.owner())) {
            followers.add(announcer);
        }
        if (o.group() != null && !followers.contains(o.group())) {
            followers.add(o.group());
        }
        also.stream().filter(a -> !followers.contains(a)).forEach(followers::add);
        return followers;
    }

    private void add(Sql tx, Activities.Activity a, String actor, List<String> followersOf, List<String> actors,
                     String coalesceKey, Instant notBefore) {
        store.add(tx, a.uuid(), new Outgoing(actor, a.json(), true, followersOf, List.of(),
                blockedBy.without(tx, actor, actors), coalesceKey, notBefore), clock.instant());
        tx.afterCommit(wakeRelay);
    }
}
