package de.offenekommune.federation.vocab;

import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.key.Rsa;

/**
 * Writes a local actor's document: the ActivityPub endpoints, {@code publicKey} (RSA PEM, what
 * Mastodon fetches for draft-cavage) and {@code assertionMethod} Multikeys (FEP-521a).
 */
public final class ActorDocument {
    private ActorDocument() {
    }

    public static Builder builder(String id, String type) {
        return new Builder(id, type);
    }

    public static final class Builder {
        private final String id;
        private final String type;
        private final Map<String, String> strings = new LinkedHashMap<>();
        private final Map<String, JsonNode> extra = new LinkedHashMap<>();
        private final List<Object> extraContexts = new ArrayList<>();
        private String sharedInbox;
        private String rsaKeyId;
        private RSAPublicKey rsaKey;
        private String edKeyId;
        private Ed25519.PublicKey edKey;
        private Boolean manuallyApprovesFollowers;
        private List<Capabilities.Capability> capabilities = List.of();

        private Builder(String id, String type) {
            this.id = id;
            this.type = type;
        }

        public Builder preferredUsername(String value) {
            return string("preferredUsername", value);
        }

        public Builder name(String value) {
            return string("name", value);
        }

        public Builder summary(String value) {
            return string("summary", value);
        }

        public Builder url(String value) {
            return string("url", value);
        }

        public Builder inbox(String value) {
            return string("inbox", value);
        }

        public Builder outbox(String value) {
            return string("outbox", value);
        }

        public Builder followers(String value) {
            return string("followers", value);
        }

        public Builder following(String value) {
            return string("following", value);
        }

        public Builder sharedInbox(String value) {
            this.sharedInbox = value;
            return this;
        }

        public Builder manuallyApprovesFollowers(boolean value) {
            this.manuallyApprovesFollowers = value;
            return this;
        }

        public Builder rsaKey(String keyId, RSAPublicKey key) {
            this.rsaKeyId = keyId;
            this.rsaKey = key;
            return this;
        }

        public Builder ed25519Key(String keyId, Ed25519.PublicKey key) {
            this.edKeyId = keyId;
            this.edKey = key;
            return this;
        }

        /**
         * Advertises capabilities (FEP-844e): as {@code implements} on an {@code Application}, inside a
         * partial {@code generator} Application on any other actor, so a server learns them from
         * whichever of our actors it fetches.
         */
        public Builder implementing(List<Capabilities.Capability> list) {
            this.capabilities = List.copyOf(list);
            return this;
        }

        /** Any further property (icon, attachment, an attestation...). */
        public Builder property(String name, JsonNode value) {
            extra.put(name, value);
            return this;
        }

        /** An additional context entry: a URL the loader knows, or an inline context object. */
        public Builder context(Object urlOrObject) {
            extraContexts.add(urlOrObject);
            return this;
        }

        public ObjectNode build() {
            ObjectNode doc = ActivityJson.newObject();
            doc.set("@context", context());
            doc.put("id", id);
            doc.put("type", type);
            strings.forEach(doc::put);
            if (manuallyApprovesFollowers != null) {
                doc.put("manuallyApprovesFollowers", manuallyApprovesFollowers);
            }
            if (sharedInbox != null) {
                doc.putObject("endpoints").put("sharedInbox", sharedInbox);
            }
            if (rsaKey != null) {
                doc.putObject("publicKey").put("id", rsaKeyId).put("owner", id).put("publicKeyPem", Rsa.publicPem(rsaKey));
            }
            if (edKey != null) {
                doc.putArray("assertionMethod").addObject().put("id", edKeyId).put("type", "Multikey")
                        .put("controller", id).put("publicKeyMultibase", edKey.multibase());
            }
            if (!capabilities.isEmpty()) {
                if (type.equals("Application")) {
                    doc.set("implements", Capabilities.links(capabilities));
                } else {
                    doc.putObject("generator").put("type", "Application")
                            .set("implements", Capabilities.links(capabilities));
                }
            }
            extra.forEach(doc::set);
            return doc;
        }

        private ArrayNode context() {
            ArrayNode context = ActivityJson.mapper().createArrayNode();
            context.add(Contexts.ACTIVITYSTREAMS).add(Contexts.SECURITY_V1).add(Contexts.MULTIKEY_V1);
            ObjectNode terms = context.addObject();
            terms.put("manuallyApprovesFollowers", "as:manuallyApprovesFollowers");
            terms.putObject("assertionMethod").put("@id", "https://w3id.org/security#assertionMethod")
                    .put("@type", "@id").put("@container", "@set");
            if (!capabilities.isEmpty()) {
                terms.setAll(Capabilities.term());
            }
            for (Object c : extraContexts) {
                if (c instanceof JsonNode node) {
                    context.add(node);
                } else {
                    context.add(c.toString());
                }
            }
            return context;
        }

        private Builder string(String name, String value) {
            if (value != null) {
                strings.put(name, value);
            }
            return this;
        }
    }
}
