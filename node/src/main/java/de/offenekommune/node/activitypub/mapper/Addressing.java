package de.offenekommune.node.activitypub.mapper;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.activitypub.NodeUris;

/** {@code to}/{@code cc} of public objects: to Public, cc the followers collections and people mentioned. */
final class Addressing {
    private Addressing() {
    }

    static void publicly(ObjectNode object, String owner, String group, List<String> alsoCc) {
        object.putArray("to").add(Contexts.PUBLIC);
        ArrayNode cc = object.putArray("cc");
        cc.add(NodeUris.followers(owner));
        if (group != null && !group.equals(owner)) {
            cc.add(NodeUris.followers(group));
        }
        alsoCc.forEach(cc::add);
    }

    static List<String> list(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
