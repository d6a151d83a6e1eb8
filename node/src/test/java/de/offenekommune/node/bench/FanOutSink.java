package de.offenekommune.node.bench;

import java.io.IOException;
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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSignatureVerifier;
import de.offenekommune.federation.sig.KeyMaterial;
import de.offenekommune.federation.sig.KeyResolution;
import de.offenekommune.federation.sig.SignatureCheck;
import de.offenekommune.federation.sig.SignatureFailure;
import de.offenekommune.federation.sig.SignaturePolicy;
import de.offenekommune.federation.sig.VerificationKey;

/**
 * A thousand remote servers in one: every {@code *.fan.test} host name reaches this server, which
 * answers 202 and counts per delivered object which hosts got it and when the last one arrived.
 * Every n-th request has its signature verified with the town's published keys. Hosts the
 * predicate names refuse RFC 9421 (401), as servers that speak only draft-cavage do. It runs on
 * the cores the node is measured on, so it does no more than that: a bare socket server
 * ({@link SinkServer}) and the object id read by the streaming parser.
 */
final class FanOutSink implements AutoCloseable {
    private static final JsonFactory STREAMING = new JsonFactory();

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

    private final SinkServer server;
    private final Predicate<String> refusesRfc9421;
    private final int verifyEvery;
    private final Map<String, Arrivals> arrivals = new ConcurrentHashMap<>();
    private final Map<String, VerificationKey> trusted = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger verified = new AtomicInteger();
    private final AtomicInteger verifyFailed = new AtomicInteger();
    private final AtomicInteger ed25519Signed = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final HttpSignatureVerifier verifier;

    FanOutSink(Predicate<String> refusesRfc9421, int verifyEvery) throws IOException {
        this.refusesRfc9421 = refusesRfc9421;
        this.verifyEvery = verifyEvery;
        this.verifier = new HttpSignatureVerifier((id, refresh) -> {
            VerificationKey key = trusted.get(id);
            return key != null ? new KeyResolution.Found(key) : new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, id);
        }, SignaturePolicy.federation(Clock.systemUTC()));
        this.server = new SinkServer(this::receive);
    }

    int port() {
        return server.port();
    }

    /** A key deliveries may be signed with (the town's RSA and Ed25519 keys, from its actor document). */
    void trust(String keyId, String ownerId, KeyMaterial key) {
        trusted.put(keyId, new VerificationKey(keyId, ownerId, key, Instant.now()));
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

    /** Requests signed with RFC 9421 Ed25519 ({@code alg="ed25519"}). */
    int ed25519Signed() {
        return ed25519Signed.get();
    }

    private int receive(SinkServer.Request req) {
        String authority = req.header("host");
        String host = authority == null ? "" : authority;
        String signatureInput = req.header("signature-input");
        if (signatureInput != null && refusesRfc9421.test(host)) {
            refused.incrementAndGet();
            return 401;
        }
        if (signatureInput != null && signatureInput.contains("alg=\"ed25519\"")) {
            ed25519Signed.incrementAndGet();
        }
        if (requests.incrementAndGet() % verifyEvery == 0) {
            verify(req, host);
        }
        Arrivals a = arrivals.computeIfAbsent(objectId(req.body()), k -> new Arrivals());
        a.hosts.add(host);
        a.posts.incrementAndGet();
        long now = System.nanoTime();
        a.first.accumulateAndGet(now, Math::min);
        a.last.accumulateAndGet(now, Math::max);
        return 202;
    }

    /** The delivered object's id, read with the streaming parser: no tree for a field. */
    private static String objectId(byte[] body) {
        try (JsonParser p = STREAMING.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("object")) {
                    p.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    return p.getText();
                } else if (value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("id")) {
                            return p.getText();
                        }
                        p.skipChildren();
                    }
                }
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    private void verify(SinkServer.Request req, String host) {
        HttpFields fields = HttpFields.create();
        req.headers().forEach(h -> fields.add(h[0], h[1]));
        HttpMessage message = HttpMessage.request(req.method(), URI.create("http://" + host + req.path()), fields, req.body());
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
        server.close();
    }
}
