package de.offenekommune.node.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.testing.SharedFiles;
import de.offenekommune.federation.vocab.ActivityJson;

/**
 * The fediverse around a test node: one WireMock server plays any number of Mastodon servers
 * ({@code *.test} names resolve to it through {@link TestNode#RESOLVER}), with real actor documents
 * and keys; their shared inboxes accept only draft-cavage signatures (401 for RFC 9421, as
 * Mastodon before 4.5), so the node falls back to cavage. Activities are posted to nodes signed as
 * Mastodon signs them.
 */
public final class Fediverse implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final WireMockServer wireMock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Fediverse() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    /** A Mastodon server at {@code http://<host>:<port>} whose inboxes (shared and personal) answer like Mastodon's. */
    public RemoteMastodon mastodon(String host) {
        wireMock.stubFor(WireMock.post(urlPathMatching("(/users/[^/]+)?/inbox")).withHost(equalTo(host)).atPriority(2)
                .willReturn(aResponse().withStatus(202)));
        wireMock.stubFor(WireMock.post(urlPathMatching("(/users/[^/]+)?/inbox")).withHost(equalTo(host))
                .withHeader("Signature-Input", matching(".+")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Verification failed\"}")));
        return new RemoteMastodon(wireMock, host);
    }

    public WireMockServer wireMock() {
        return wireMock;
    }

    /** What reached a server's inboxes (accepted deliveries only: those without RFC 9421 headers). */
    public List<LoggedRequest> delivered(String host) {
        return wireMock.findAll(postRequestedFor(urlPathMatching("(/users/[^/]+)?/inbox")).withHost(equalTo(host)))
                .stream().filter(r -> !r.containsHeader("Signature-Input")).toList();
    }

    public List<ObjectNode> deliveredActivities(String host) {
        return delivered(host).stream().map(r -> ActivityJson.parse(r.getBody())).toList();
    }

    /** An HTTP answer. */
    public record Answer(int status, String body) {
    }

    /** POSTs an activity to a node's inbox path, signed with draft-cavage the way Mastodon does. */
    public Answer post(TestNode node, String inboxPath, ObjectNode activity, ActorKeys keys) {
        return postBytes(node, inboxPath, ActivityJson.write(activity), keys);
    }

    public Answer postBytes(TestNode node, String inboxPath, byte[] body, ActorKeys keys) {
        HttpFields fields = HttpFields.create().set("content-type", "application/activity+json");
        HttpMessage message = HttpMessage.request("POST", URI.create(node.url(inboxPath)), fields, body);
        new HttpSigner(Clock.systemUTC()).sign(message, keys.rsa(), SignatureScheme.CAVAGE);
        HttpRequest.Builder request = HttpRequest.newBuilder(message.targetUri())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : message.fields().names()) {
            if (!name.equals("host") && !name.equals("content-length")) {
                message.fields().all(name).forEach(v -> request.header(name, v));
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET with the ActivityPub Accept header. */
    public Answer getJson(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/activity+json")
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A real Mastodon document from testdata/fediverse/mastodon, with its hosts replaced by ours. */
    public static ObjectNode fixture(String name, String... replacements) {
        try {
            String json = Files.readString(SharedFiles.fixtures().resolve("mastodon").resolve(name), StandardCharsets.UTF_8);
            for (int i = 0; i + 1 < replacements.length; i += 2) {
                json = json.replace(replacements[i], replacements[i + 1]);
            }
            ObjectNode doc = ActivityJson.parse(json);
            doc.remove("signature"); // LD signatures of the captures; Mastodon's inbox relies on HTTP signatures
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the condition holds (deliveries and inbox processing are asynchronous). */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the node has processed every activity its inbox accepted. */
    public static void awaitInbox(TestNode node) {
        await("inbox of " + node.baseUrl() + " processed", () -> node.sql().count(
                "SELECT count(*) FROM fed_inbox_activity WHERE state = 'received'") == 0);
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
