package de.offenekommune.federation.delivery;

import de.offenekommune.federation.inbox.BlockList;

/**
 * Deliveries queued before their server was blocked (retries can run for days) are not sent once it
 * is: they end as failed with the reason. New ones are not queued at all ({@link Outbox}).
 */
public final class SkipBlockedHosts implements DeliverySender {
    private final BlockList blocks;
    private final DeliverySender sender;

    public SkipBlockedHosts(BlockList blocks, DeliverySender sender) {
        this.blocks = blocks;
        this.sender = sender;
    }

    @Override
    public DeliveryOutcome send(ClaimedDelivery delivery) {
        if (blocks.isBlockedHost(delivery.host())) {
            return new DeliveryOutcome.Permanent(0, "the server is blocked");
        }
        return sender.send(delivery);
    }
}
