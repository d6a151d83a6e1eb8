package de.offenekommune.federation.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.vocab.ActivityJson;

/**
 * A Mastodon-like remote server on WireMock: actor documents made from the real mastodon.social
 * actor fixture, with fresh keys, served as {@code application/activity+json} at
 * {@code http://<host>:<port>/users/<name>}.
 */
public final class RemoteMastodon {
    private final WireMockServer wireMock;
    private final String host;

    public RemoteMastodon(WireMockServer wireMock, String host) {
        this.wireMock = wireMock;
        this.host = host;
    }

    public String base() {
        return "http://" + host + ":" + wireMock.port();
    }

    public String actorId(String name) {
        return base() + "/users/" + name;
    }

    /** Creates keys and serves the actor document; returns the keys for signing as that actor. */
    public ActorKeys actor(String name) {
        ActorKeys keys = ActorKeys.generate(actorId(name));
        serve(name, actorDocument(name, keys));
        return keys;
    }

    public void serve(String name, ObjectNode document) {
        wireMock.stubFor(get(urlPathEqualTo("/users/" + name)).withHost(com.github.tomakehurst.wiremock.client.WireMock.equalTo(host))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/activity+json; charset=utf-8")
                        .withBody(ActivityJson.writeString(document))));
    }

    /** The real mastodon.social actor document, moved to this host and given these keys. */
    public ObjectNode actorDocument(String name, ActorKeys keys) {
        ObjectNode doc = fixture("mastodon/actor-person.json");
        String id = actorId(name);
        doc.put("id", id).put("preferredUsername", name).put("url", base() + "/@" + name)
                .put("inbox", id + "/inbox").put("outbox", id + "/outbox").put("followers", id + "/followers")
                .put("following", id + "/following");
        doc.putObject("endpoints").put("sharedInbox", base() + "/inbox");
        doc.putObject("publicKey").put("id", keys.rsa().keyId()).put("owner", id)
                .put("publicKeyPem", Rsa.publicPem(keys.rsaPublicKey()));
        return doc;
    }

    public static ObjectNode fixture(String path) {
        try {
            return ActivityJson.parse(Files.readAllBytes(SharedFiles.fixtures().resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real fixture with its original host replaced by this server's base URL. */
    public ObjectNode fixtureMovedHere(String path, String originalBase) {
        try {
            String json = Files.readString(SharedFiles.fixtures().resolve(path)).replace(originalBase, base());
            return ActivityJson.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
