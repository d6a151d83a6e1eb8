package de.offenekommune.node.activitypub.mapper;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.AsText;

/** What a deleted object leaves behind: served with 410 and sent inside Delete activities. */
public final class Tombstones {
    private Tombstones() {
    }

    public static ObjectNode of(String id, String formerType, Instant deleted) {
        ObjectNode t = ActivityJson.newObject().put("id", id).put("type", "Tombstone");
        if (formerType != null) {
            t.put("formerType", formerType);
        }
        if (deleted != null) {
            t.put("deleted", AsText.time(deleted));
        }
        return t;
    }

    public static ApObject deleted(String id, String formerType, String owner, String group, Instant deleted) {
        return new ApObject(id, formerType, owner, group, java.util.List.of(), of(id, formerType, deleted), deleted);
    }
}
