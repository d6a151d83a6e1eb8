package de.offenekommune.node.bench;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.helidon.webserver.WebServer;

import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.sig.SigningKey;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.ActorDocument;

/**
 * The fediverse accounts that write to the town: actors on {@code r0.inbox.test} ... (ten per
 * server), their documents served by one local server as Mastodon would serve them. The node
 * fetches each once and keeps the key. Actors share a few RSA key pairs (each under its own keyId),
 * because generating hundreds of RSA keys would take longer than the benchmark.
 */
final class RemoteActors implements AutoCloseable {
    private static final int KEY_PAIRS = 20;
    private static final int ACTORS_PER_SERVER = 10;

    /** One remote actor and the key it signs with. */
    record RemoteActor(String id, SigningKey.Rsa key, RSAPublicKey publicKey) {
    }

    private final WebServer server;
    private final List<RemoteActor> actors = new ArrayList<>();

    RemoteActors(int count) {
        List<KeyPair> pairs = IntStream.range(0, Math.min(KEY_PAIRS, count)).parallel().mapToObj(i -> Rsa.generate())
                .toList();
        this.server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> r.get("/users/{name}", (req, res) -> {
                    String name = req.path().pathParameters().get("name");
                    RemoteActor actor = actors.get(Integer.parseInt(name.substring(1)));
                    var doc = ActorDocument.builder(actor.id(), "Person").preferredUsername(name)
                            .name("Fediverse-Nutzerin " + name).url(actor.id())
                            .inbox(actor.id() + "/inbox").rsaKey(actor.key().keyId(), actor.publicKey()).build();
                    res.header("Content-Type", "application/activity+json").send(ActivityJson.write(doc));
                }))
                .build().start();
        for (int i = 0; i < count; i++) {
            String id = "http://r" + (i / ACTORS_PER_SERVER) + ".inbox.test:" + server.port() + "/users/a" + i;
            KeyPair pair = pairs.get(i % pairs.size());
            actors.add(new RemoteActor(id, new SigningKey.Rsa(id + "#main-key", (RSAPrivateCrtKey) pair.getPrivate()),
                    (RSAPublicKey) pair.getPublic()));
        }
    }

    List<RemoteActor> all() {
        return actors;
    }

    RemoteActor get(int i) {
        return actors.get(i % actors.size());
    }

    /** SQL LIKE pattern matching the ids of these actors (to count what the node stored from them). */
    static String idPattern() {
        return "http://r%.inbox.test:%";
    }

    @Override
    public void close() {
        server.stop();
    }
}
