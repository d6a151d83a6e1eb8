package de.offenekommune.federation.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.fetch.OutboundHttp;
import de.offenekommune.federation.fetch.SignedRequests;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.store.PgDeliveryQueue;
import de.offenekommune.federation.store.PgFollowers;
import de.offenekommune.federation.store.PgHostRegistry;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.LoopbackResolver;
import de.offenekommune.federation.testing.MutableClock;
import de.offenekommune.federation.vocab.ActivityJson;

/** Delivery parts built on one database, so tests can run several workers or inject faults. */
final class DeliveryRig {
    final DataSource dataSource;
    final MutableClock clock;
    final LoopbackResolver resolver;
    final PgDeliveryQueue queue;
    final PgHostRegistry hosts;
    final PgFollowers followers;
    final Map<String, ActorKeys> localKeys = new ConcurrentHashMap<>();
    final List<String> goneInboxes = new CopyOnWriteArrayList<>();
    final DeliveryMetrics metrics = new DeliveryMetrics(FederationRig.newRegistry());

    DeliveryRig(DataSource dataSource, MutableClock clock, LoopbackResolver resolver) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.resolver = resolver;
        this.queue = new PgDeliveryQueue(dataSource);
        this.hosts = new PgHostRegistry(dataSource);
        this.followers = new PgFollowers(dataSource);
    }

    ActorKeys localActor(String name) {
        ActorKeys keys = ActorKeys.generate("http://town.test/users/" + name);
        localKeys.put(keys.actorId(), keys);
        return keys;
    }

    DeliverySender httpSender() {
        SignedRequests requests = new SignedRequests(new OutboundHttp(FederationRig.loopbackFetch(), resolver),
                new HttpSigner(clock), hosts);
        return new HttpDeliverySender(requests, id -> Optional.ofNullable(localKeys.get(id)));
    }

    DeliveryWorker worker(DeliverySender sender, DeliveryConfig config) {
        return new DeliveryWorker(queue, sender, hosts, followers, (inbox, removed) -> goneInboxes.add(inbox), metrics,
                config, clock);
    }

    DeliveryWorker worker() {
        return worker(httpSender(), DeliveryConfig.defaults());
    }

    static ObjectNode note(ActorKeys sender, String id) {
        ObjectNode create = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", id + "/activity").put("type", "Create").put("actor", sender.actorId());
        create.putObject("object").put("id", id).put("type", "Note").put("attributedTo", sender.actorId())
                .put("content", "Bürgerversammlung am Donnerstag");
        return create;
    }

    int enqueue(ActorKeys sender, String activityId, List<String> inboxes) {
        return queue.enqueue(sender.actorId(), activityId, ActivityJson.write(note(sender, activityId)), inboxes, clock.instant());
    }

    Instant now() {
        return clock.instant();
    }
}
