package de.offenekommune.federation;

import java.time.Duration;

import io.helidon.common.config.Config;

import de.offenekommune.federation.delivery.DeliveryConfig;
import de.offenekommune.federation.fetch.FetchConfig;
import de.offenekommune.federation.inbox.InboxConfig;

/**
 * All federation settings, read from the {@code federation} config node:
 * {@code fetch.*}, {@code delivery.*}, {@code inbox.*} and {@code remote-actor-refresh} (default P1D).
 */
public record FederationSettings(FetchConfig fetch, DeliveryConfig delivery, InboxConfig inbox,
                                 Duration remoteActorRefresh) {

    public static FederationSettings defaults() {
        return new FederationSettings(FetchConfig.defaults(), DeliveryConfig.defaults(), InboxConfig.defaults(),
                Duration.ofDays(1));
    }

    public static FederationSettings create(Config federation) {
        return new FederationSettings(FetchConfig.create(federation.get("fetch")),
                DeliveryConfig.create(federation.get("delivery")), InboxConfig.create(federation.get("inbox")),
                federation.get("remote-actor-refresh").as(Duration.class).orElse(Duration.ofDays(1)));
    }

    public FederationSettings withFetch(FetchConfig fetch) {
        return new FederationSettings(fetch, delivery, inbox, remoteActorRefresh);
    }

    public FederationSettings withDelivery(DeliveryConfig delivery) {
        return new FederationSettings(fetch, delivery, inbox, remoteActorRefresh);
    }

    public FederationSettings withInbox(InboxConfig inbox) {
        return new FederationSettings(fetch, delivery, inbox, remoteActorRefresh);
    }
}
