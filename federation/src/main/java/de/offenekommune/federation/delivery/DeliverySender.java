package de.offenekommune.federation.delivery;

/** Sends one delivery; the worker records whatever it returns. */
@FunctionalInterface
public interface DeliverySender {
    DeliveryOutcome send(ClaimedDelivery delivery);
}
