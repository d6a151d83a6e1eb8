package de.offenekommune.federation.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.fetch.RemoteActors;
import de.offenekommune.federation.inbox.BlockList;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Actor;

/**
 * Where the application hands over outgoing activities: resolves the audience to distinct inboxes
 * (one shared inbox per server where it has one, local hosts left out), and queues one delivery each.
 */
public final class Outbox {
    /** @param unresolvedActors actors whose inbox could not be found (not fetched, gone, not an actor) */
    public record Enqueued(int deliveries, List<String> unresolvedActors) {
    }

    private final DeliveryQueue queue;
    private final Followers followers;
    private final RemoteActors actors;
    private final Set<String> localHosts;
    private final BlockList blocks;
    private final Clock clock;
    private final Runnable wakeUp;

    public Outbox(DeliveryQueue queue, Followers followers, RemoteActors actors, Set<String> localHosts,
                  BlockList blocks, Clock clock, Runnable wakeUp) {
        this.queue = queue;
        this.followers = followers;
        this.actors = actors;
        this.localHosts = localHosts;
        this.blocks = blocks;
        this.clock = clock;
        this.wakeUp = wakeUp;
    }

    /** Whether deliveries of this sender's activities are still waiting (or being retried). */
    public boolean hasQueuedFrom(String senderActorId) {
        return queue.hasQueuedFrom(senderActorId);
    }

    /** Queues the activity, signed later by {@code senderActorId}'s keys, for everyone in the audience. */
    public Enqueued enqueue(String senderActorId, ObjectNode activity, Audience audience) {
        String activityId = activity.path("id").asText(null);
        return enqueue(senderActorId, activityId, ActivityJson.write(activity), audience);
    }

    public Enqueued enqueue(String senderActorId, String activityId, byte[] body, Audience audience) {
        Set<String> inboxes = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        audience.inboxes().forEach(inbox -> addRemote(inboxes, inbox));
        for (String localActor : audience.followersOf()) {
            followers.inboxesOf(localActor).forEach(inbox -> addRemote(inboxes, inbox));
        }
        for (String actorId : audience.actors()) {
            if (blocks.isBlockedActor(actorId)
                    || Origin.isHttpUrl(actorId) && blocks.isBlockedHost(Origin.hostOf(actorId))) {
                continue; // not even fetched
            }
            var actor = isLocal(actorId) ? java.util.Optional.<Actor>empty() : actors.actor(actorId);
            if (actor.isPresent() && actor.get().deliveryInbox() != null) {
                addRemote(inboxes, actor.get().deliveryInbox());
            } else if (!isLocal(actorId)) {
                unresolved.add(actorId);
            }
        }
        int queued = inboxes.isEmpty() ? 0 : queue.enqueue(senderActorId, activityId, body, inboxes, clock.instant());
        if (queued > 0) {
            wakeUp.run();
        }
        return new Enqueued(queued, unresolved);
    }

    public Enqueued enqueue(String senderActorId, String activityJson, Audience audience) {
        return enqueue(senderActorId, ActivityJson.parse(activityJson.getBytes(StandardCharsets.UTF_8)), audience);
    }

    /** A remote inbox, unless its server is blocked: a blocked server gets nothing from us. */
    private void addRemote(Set<String> inboxes, String inbox) {
        if (Origin.isHttpUrl(inbox) && !isLocal(inbox) && !blocks.isBlockedHost(Origin.hostOf(inbox))) {
            inboxes.add(inbox);
        }
    }

    private boolean isLocal(String url) {
        return Origin.isHttpUrl(url) && localHosts.contains(Origin.hostOf(url));
    }
}
