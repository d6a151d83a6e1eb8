package de.offenekommune.federation.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.webserver.WebServer;

import de.offenekommune.federation.Federation;
import de.offenekommune.federation.FederationSettings;
import de.offenekommune.federation.delivery.DeliveryConfig;
import de.offenekommune.federation.delivery.RetrySchedule;
import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.store.FederationSchema;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.LoopbackResolver;
import de.offenekommune.federation.testing.TestPostgres;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.ActorDocument;

/**
 * Prints, for this machine and run: raw RSA-2048 sign and verify rates, fan-out deliveries per
 * second through the durable queue, and signed inbox activities accepted per second. Everything
 * runs on loopback (remote servers are a Helidon sink reached through h0.test ... h99.test) and
 * stops by itself. See examples/benchmarks/README.md.
 */
public final class FederationBenchmark {
    private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 2000);
    private static final int INBOX_ACTIVITIES = Integer.getInteger("bench.inbox", 2000);
    private static final Duration CRYPTO_TIME = Duration.ofSeconds(3);

    private FederationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("OffeneKommune federation benchmark (%d cores, %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        double sign = rsaRate(true);
        double verify = rsaRate(false);
        try (TestPostgres.TestDatabase db = TestPostgres.newDatabase("bench")) {
            FederationSchema.migrate(db.dataSource());
            double deliveries = fanOut(db);
            double inbox = inbox(db);
            System.out.println();
            System.out.printf("%-44s %10.0f /s%n", "RSA-2048 sign (1 thread)", sign);
            System.out.printf("%-44s %10.0f /s%n", "RSA-2048 verify (1 thread)", verify);
            System.out.printf("%-44s %10.0f /s   (%d recipients, 100 hosts)%n", "fan-out deliveries (signed, queued, sent)",
                    deliveries, RECIPIENTS);
            System.out.printf("%-44s %10.0f /s   (%d activities)%n", "signed inbox activities accepted (202)", inbox,
                    INBOX_ACTIVITIES);
            System.out.printf("deliveries per RSA signature-second: %.2f; inbox activities per RSA verify-second: %.2f%n",
                    deliveries / sign, inbox / verify);
        }
        System.exit(0);
    }

    private static double rsaRate(boolean signing) throws Exception {
        var pair = Rsa.generate();
        byte[] data = "(request-target): post /inbox\nhost: town.test\ndate: Fri, 27 Nov 2026 10:00:00 GMT".getBytes();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();
        long end = System.nanoTime() + CRYPTO_TIME.toNanos();
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            Signature s = Signature.getInstance("SHA256withRSA");
            if (signing) {
                s.initSign(pair.getPrivate());
                s.update(data);
                s.sign();
            } else {
                s.initVerify(pair.getPublic());
                s.update(data);
                s.verify(signature);
            }
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Enqueue a fan-out and time the worker until every delivery is made. */
    private static double fanOut(TestPostgres.TestDatabase db) throws Exception {
        AtomicInteger received = new AtomicInteger();
        WebServer sink = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.post("/{any}/inbox", (req, res) -> {
                    req.content().consume();
                    received.incrementAndGet();
                    res.status(202).send();
                })).build().start();
        ActorKeys town = ActorKeys.generate("http://town.test/actor");
        DeliveryConfig delivery = new DeliveryConfig(64, 8, Duration.ofMinutes(5), Duration.ofMillis(20),
                RetrySchedule.defaults(), 7);
        try (Federation federation = federation(db, delivery, Optional.of(town))) {
            List<String> inboxes = new ArrayList<>();
            for (int i = 0; i < RECIPIENTS; i++) {
                inboxes.add("http://h" + (i % 100) + ".test:" + sink.port() + "/u" + i + "/inbox");
            }
            var activity = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                    .put("id", "http://town.test/notes/1/activity").put("type", "Create").put("actor", town.actorId());
            activity.putObject("object").put("id", "http://town.test/notes/1").put("type", "Note")
                    .put("content", "Die Bürgerversammlung beginnt um 19 Uhr im Rathaus.");
            long start = System.nanoTime();
            federation.outbox().enqueue(town.actorId(), activity,
                    new de.offenekommune.federation.delivery.Audience(inboxes, List.of(), List.of()));
            federation.start();
            while (received.get() < RECIPIENTS && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("fan-out: %d delivered in %.2f s%n", received.get(), seconds);
            return received.get() / seconds;
        } finally {
            sink.stop();
        }
    }

    /** Pre-signed Likes from 50 remote actors, posted by 16 client threads to the shared inbox. */
    private static double inbox(TestPostgres.TestDatabase db) throws Exception {
        List<ActorKeys> actors = new ArrayList<>();
        WebServer remote = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.get("/users/{name}", (req, res) -> {
                    String name = req.path().pathParameters().get("name");
                    ActorKeys keys = actors.get(Integer.parseInt(name.substring(1)));
                    var doc = ActorDocument.builder(keys.actorId(), "Person").preferredUsername(name)
                            .inbox(keys.actorId() + "/inbox").rsaKey(keys.rsa().keyId(), keys.rsaPublicKey()).build();
                    res.header("Content-Type", "application/activity+json").send(ActivityJson.write(doc));
                })).build().start();
        DeliveryConfig delivery = DeliveryConfig.defaults();
        try (Federation federation = federation(db, delivery, Optional.empty())) {
            federation.inboxHandlers().on("Like", a -> { });
            WebServer node = WebServer.builder().host("127.0.0.1").port(0)
                    .routing(r -> r.register("/inbox", federation.sharedInbox())).build().start();
            for (int i = 0; i < 50; i++) {
                actors.add(ActorKeys.generate("http://remote.test:" + remote.port() + "/users/a" + i));
            }
            URI inbox = URI.create("http://127.0.0.1:" + node.port() + "/inbox");
            HttpSigner signer = new HttpSigner(Clock.systemUTC());
            List<HttpMessage> requests = new ArrayList<>();
            for (int i = 0; i < INBOX_ACTIVITIES + 50; i++) {
                ActorKeys actor = actors.get(i % 50);
                var like = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                        .put("id", actor.actorId() + "/likes/" + i).put("type", "Like").put("actor", actor.actorId())
                        .put("object", "http://town.test/proposals/" + (i % 7));
                HttpMessage m = HttpMessage.request("POST", inbox,
                        HttpFields.create().set("content-type", "application/activity+json"), ActivityJson.write(like));
                signer.sign(m, actor.rsa(), SignatureScheme.CAVAGE);
                requests.add(m);
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // Warm-up: the first activity of each actor fetches its key; that is not the steady state.
            send(client, requests.subList(0, 50), 8);
            long start = System.nanoTime();
            int accepted = send(client, requests.subList(50, requests.size()), 16);
            double seconds = (System.nanoTime() - start) / 1e9;
            node.stop();
            System.out.printf("inbox: %d of %d accepted in %.2f s%n", accepted, INBOX_ACTIVITIES, seconds);
            return accepted / seconds;
        } finally {
            remote.stop();
        }
    }

    private static int send(HttpClient client, List<HttpMessage> messages, int threads) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
                    HttpMessage m = messages.get(i);
                    HttpRequest.Builder b = HttpRequest.newBuilder(m.targetUri()).POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
                    for (String name : m.fields().names()) {
                        if (!name.equals("host")) {
                            m.fields().all(name).forEach(v -> b.header(name, v));
                        }
                    }
                    if (client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                        accepted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return accepted.get();
    }

    private static Federation federation(TestPostgres.TestDatabase db, DeliveryConfig delivery, Optional<ActorKeys> sender) {
        LoopbackResolver resolver = new LoopbackResolver();
        return Federation.builder().dataSource(db.dataSource())
                .settings(FederationSettings.defaults().withFetch(FederationRig.loopbackFetch()).withDelivery(delivery))
                .localHosts(Set.of("town.test"))
                .localKeys(id -> sender.filter(k -> k.actorId().equals(id)))
                .hostResolver(resolver)
                .meterRegistry(FederationRig.newRegistry())
                .build();
    }
}
