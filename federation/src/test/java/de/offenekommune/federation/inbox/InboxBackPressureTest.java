package de.offenekommune.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.helidon.webserver.WebServer;

import de.offenekommune.federation.FederationSettings;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.ActorDocument;

/**
 * Back-pressure: with one post allowed at a time, a second post that arrives while the first is
 * still being worked on (its sender's key is being fetched from a server that has not answered yet)
 * gets 503 with Retry-After at once and leaves nothing stored; once the first is done, posts are
 * accepted again.
 */
class InboxBackPressureTest {
    private final CountDownLatch fetchStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFetch = new CountDownLatch(1);
    private final WebServer slowServer = WebServer.builder().host("127.0.0.1").port(0)
            .routing(r -> r.get("/users/{name}", (req, res) -> {
                fetchStarted.countDown();
                releaseFetch.await(30, TimeUnit.SECONDS);
                res.header("Content-Type", "application/activity+json").send(ActivityJson.write(actorDocument()));
            })).build().start();
    private final ActorKeys slow = ActorKeys.generate("http://slow.test:" + slowServer.port() + "/users/slow");
    private final FederationRig rig = new FederationRig("inbox_busy", b -> b.settings(FederationSettings.defaults()
            .withFetch(FederationRig.loopbackFetch())
            .withInbox(InboxConfig.defaults().withBackPressure(new InboxConfig.BackPressure(1, Duration.ofMillis(50),
                    Duration.ofSeconds(7))))));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        releaseFetch.countDown();
        rig.close();
        slowServer.stop();
    }

    @Test
    void aPostBeyondTheLimitIsRefusedWithRetryAfterAndNothingIsStored() throws Exception {
        rig.federation.inboxHandlers().on("Like", a -> { });
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(signedLike(1), HttpResponse.BodyHandlers.ofString());
        assertTrue(fetchStarted.await(30, TimeUnit.SECONDS), "the first post never fetched its key");

        HttpResponse<String> second = http.send(signedLike(2), HttpResponse.BodyHandlers.ofString());

        assertEquals(503, second.statusCode(), second.body());
        assertEquals("7", second.headers().firstValue("Retry-After").orElse(""));
        assertTrue(second.body().contains("too many activities at once"), second.body());
        releaseFetch.countDown();
        assertEquals(202, first.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(1, rig.count("SELECT count(*) FROM fed_inbox_activity"));
        // The turn is free again: the refused activity goes through when sent again.
        HttpResponse<String> again = http.send(signedLike(2), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, again.statusCode(), again.body());
        assertEquals(2, rig.count("SELECT count(*) FROM fed_inbox_activity"));
    }

    private HttpRequest signedLike(int n) {
        ObjectNode like = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", slow.actorId() + "/likes/" + n).put("type", "Like").put("actor", slow.actorId())
                .put("object", "http://town.test/proposals/1");
        HttpMessage m = HttpMessage.request("POST", rig.inboxUri(),
                HttpFields.create().set("content-type", "application/activity+json"), ActivityJson.write(like));
        new HttpSigner(rig.clock).sign(m, slow.rsa(), SignatureScheme.CAVAGE);
        HttpRequest.Builder request = HttpRequest.newBuilder(m.targetUri()).POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        for (String name : m.fields().names()) {
            if (!name.equals("host")) {
                m.fields().all(name).forEach(v -> request.header(name, v));
            }
        }
        return request.build();
    }

    private ObjectNode actorDocument() {
        return ActorDocument.builder(slow.actorId(), "Person").preferredUsername("slow").inbox(slow.actorId() + "/inbox")
                .rsaKey(slow.rsa().keyId(), slow.rsaPublicKey()).build();
    }
}
