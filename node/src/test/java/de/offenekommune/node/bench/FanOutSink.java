package de.offenekommune.node.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSignatureVerifier;
import de.offenekommune.federation.sig.KeyMaterial;
import de.offenekommune.federation.sig.KeyResolution;
import de.offenekommune.federation.sig.SignatureCheck;
import de.offenekommune.federation.sig.SignatureFailure;
import de.offenekommune.federation.sig.SignaturePolicy;
import de.offenekommune.federation.sig.VerificationKey;
import de.offenekommune.federation.vocab.ActivityJson;

/**
 * A thousand remote servers in one: every {@code *.fan.test} host name reaches this server, which
 * answers 202 and counts per delivered object which hosts got it and when the last one arrived.
 * Every n-th request has its signature verified with the town's published key. Hosts the
 * predicate names refuse RFC 9421 (401), as servers that speak only draft-cavage do.
 */
final class FanOutSink implements AutoCloseable {
    /** Deliveries of one object. */
    static final class Arrivals {
        private final Set<String> hosts = ConcurrentHashMap.newKeySet();
        private final AtomicInteger posts = new AtomicInteger();
        private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong last = new AtomicLong();

        int hosts() {
            return hosts.size();
        }

        int posts() {
            return posts.get();
        }

        long firstNanos() {
            return first.get();
        }

        long lastNanos() {
            return last.get();
        }
    }

    private final WebServer server;
    private final Predicate<String> refusesRfc9421;
    private final int verifyEvery;
    private final Map<String, Arrivals> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger verified = new AtomicInteger();
    private final AtomicInteger verifyFailed = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile HttpSignatureVerifier verifier;

    FanOutSink(Predicate<String> refusesRfc9421, int verifyEvery) {
        this.refusesRfc9421 = refusesRfc9421;
        this.verifyEvery = verifyEvery;
        this.server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> r.post("/inbox", this::receive)).build().start();
    }

    int port() {
        return server.port();
    }

    /** The key deliveries must be signed with (the town's, from its actor document). */
    void trust(String keyId, String ownerId, KeyMaterial key) {
        VerificationKey known = new VerificationKey(keyId, ownerId, key, Instant.now());
        verifier = new HttpSignatureVerifier((id, refresh) -> id.equals(keyId) ? new KeyResolution.Found(known)
                : new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, id), SignaturePolicy.federation(Clock.systemUTC()));
    }

    /** Waits until {@code hosts} servers have the object; the arrivals so far when the time is up. */
    Arrivals await(String objectId, int hosts, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Arrivals a = arrivals.computeIfAbsent(objectId, k -> new Arrivals());
        while (a.hosts() < hosts && System.nanoTime() < end) {
            Thread.sleep(2);
        }
        return a;
    }

    int verified() {
        return verified.get();
    }

    int verifyFailed() {
        return verifyFailed.get();
    }

    String firstFailure() {
        return firstFailure.get();
    }

    int refused() {
        return refused.get();
    }

    private void receive(ServerRequest req, ServerResponse res) {
        byte[] body = req.content().as(byte[].class);
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        if (refusesRfc9421.test(host) && req.headers().contains(HeaderNames.create("Signature-Input"))) {
            refused.incrementAndGet();
            res.status(401).send();
            return;
        }
        if (requests.incrementAndGet() % verifyEvery == 0) {
            verify(req, host, body);
        }
        JsonNode object = ActivityJson.parse(body).path("object");
        String objectId = object.isTextual() ? object.asText() : object.path("id").asText();
        Arrivals a = arrivals.computeIfAbsent(objectId, k -> new Arrivals());
        a.hosts.add(host);
        a.posts.incrementAndGet();
        long now = System.nanoTime();
        a.first.accumulateAndGet(now, Math::min);
        a.last.accumulateAndGet(now, Math::max);
        res.status(202).send();
    }

    private void verify(ServerRequest req, String host, byte[] body) {
        HttpFields fields = HttpFields.create();
        req.headers().forEach(h -> h.allValues().forEach(v -> fields.add(h.name(), v)));
        HttpMessage message = HttpMessage.request("POST", URI.create("http://" + host + req.path().rawPath()), fields,
                body);
        SignatureCheck check = verifier.verify(message);
        if (check instanceof SignatureCheck.Verified) {
            verified.incrementAndGet();
        } else {
            verifyFailed.incrementAndGet();
            firstFailure.compareAndSet(null, check.toString());
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
