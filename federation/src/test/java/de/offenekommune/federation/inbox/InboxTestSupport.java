package de.offenekommune.federation.inbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.RemoteMastodon;

/** A rig with recording handlers for the common types, and Mastodon-shaped activities. */
class InboxTestSupport implements AutoCloseable {
    final FederationRig rig;
    final List<InboxActivity> handled = new CopyOnWriteArrayList<>();
    final RemoteMastodon mastodon;
    final RemoteMastodon other;

    InboxTestSupport(String name) {
        rig = new FederationRig(name, b -> { });
        for (String type : List.of("Create", "Update", "Delete", "Like", "Follow", "Announce", "Undo")) {
            rig.federation.inboxHandlers().on(type, handled::add);
        }
        mastodon = rig.mastodon("mastodon.test");
        other = rig.mastodon("other.test");
    }

    long stored() {
        return rig.count("SELECT count(*) FROM fed_inbox_activity");
    }

    /** Mastodon's real Like, by {@code actor}, with a fresh id. */
    ObjectNode like(String actorId, String id) {
        ObjectNode like = RemoteMastodon.fixture("mastodon/like.json");
        like.remove("signature");
        like.remove("nickname");
        return like.put("id", id).put("actor", actorId).put("object", "http://town.test/proposals/1");
    }

    /** Mastodon's real Create{Note} (mastodon.madrid), moved to the test host and attributed to {@code name}. */
    ObjectNode createNote(RemoteMastodon server, String name, String noteId) {
        ObjectNode create = server.fixtureMovedHere("mastodon/create-note.json", "https://mastodon.madrid");
        String actor = server.actorId(name);
        create.put("id", noteId + "/activity").put("actor", actor);
        ObjectNode note = (ObjectNode) create.get("object");
        note.put("id", noteId).put("attributedTo", actor).put("atomUri", noteId);
        return create;
    }

    @Override
    public void close() {
        rig.close();
    }
}
