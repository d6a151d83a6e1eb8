package de.offenekommune.federation.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import de.offenekommune.federation.fetch.FetchFailure;
import de.offenekommune.federation.fetch.OutboundException;
import de.offenekommune.federation.fetch.OutboundResponse;
import de.offenekommune.federation.fetch.SignedRequests;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.vocab.Contexts;

/** POSTs a delivery, signed by its sender (RFC 9421 first, draft-cavage where the host wants it). */
public final class HttpDeliverySender implements DeliverySender {
    private final SignedRequests requests;
    private final LocalKeys keys;

    public HttpDeliverySender(SignedRequests requests, LocalKeys keys) {
        this.requests = requests;
        this.keys = keys;
    }

    @Override
    public DeliveryOutcome send(ClaimedDelivery delivery) {
        Optional<ActorKeys> sender = keys.keysOf(delivery.senderActor());
        if (sender.isEmpty()) {
            return new DeliveryOutcome.Permanent(0, "no keys for local actor " + delivery.senderActor());
        }
        URI inbox;
        try {
            inbox = new URI(delivery.inbox());
        } catch (URISyntaxException e) {
            return new DeliveryOutcome.Permanent(0, "inbox is not a URL");
        }
        HttpFields headers = HttpFields.create().set("content-type", Contexts.LD_JSON_AS).set("accept", Contexts.ACTIVITY_JSON);
        try {
            return classify(requests.post(inbox, headers, delivery.body(), sender.get()));
        } catch (OutboundException e) {
            boolean permanent = e.failure() == FetchFailure.FORBIDDEN_ADDRESS || e.failure() == FetchFailure.NOT_HTTP;
            return permanent ? new DeliveryOutcome.Permanent(0, e.getMessage())
                    : new DeliveryOutcome.Retry(0, e.failure().message() + ": " + e.getMessage(), true);
        }
    }

    static DeliveryOutcome classify(OutboundResponse response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Delivered(status);
        }
        if (status == 410) {
            return new DeliveryOutcome.Gone();
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new DeliveryOutcome.Retry(status, "status " + status, true);
        }
        if (status == 401) {
            // The receiver may have failed to fetch our key just now; worth another try, not a dead host.
            return new DeliveryOutcome.Retry(status, "status 401", false);
        }
        return new DeliveryOutcome.Permanent(status, "status " + status);
    }
}
