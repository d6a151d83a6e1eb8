package de.offenekommune.federation.inbox;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import de.offenekommune.federation.jsonld.DocumentReader;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSignatureVerifier;
import de.offenekommune.federation.sig.SignatureCheck;
import de.offenekommune.federation.sig.SignatureFailure;
import de.offenekommune.federation.store.StoreException;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.AsDocument;
import de.offenekommune.federation.vocab.MalformedDocumentException;
import de.offenekommune.federation.vocab.Reference;

/**
 * The inbox pipeline, independent of HTTP: size, a signature at all, parse, blocks, signature, signer = actor, origin,
 * supported type, the handler's own check, then store (deduplicated, takeover-checked) before the
 * 202. Every refusal has a status and a message; nothing is stored unless everything passed.
 */
public final class InboxProcessor {
    private final DocumentReader reader;
    private final HttpSignatureVerifier verifier;
    private final BlockList blocks;
    private final InboxHandlers handlers;
    private final InboxStore store;
    private final InboxConfig config;
    private final Clock clock;
    private final Consumer<String> hostAlive;
    private final Runnable stored;

    /**
     * @param hostAlive told the host of every verified sender (it answers, so deliveries to it may resume)
     * @param stored    told after each stored activity (wakes the dispatcher)
     */
    public InboxProcessor(DocumentReader reader, HttpSignatureVerifier verifier, BlockList blocks, InboxHandlers handlers,
                          InboxStore store, InboxConfig config, Clock clock, Consumer<String> hostAlive, Runnable stored) {
        this.reader = reader;
        this.verifier = verifier;
        this.blocks = blocks;
        this.handlers = handlers;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.hostAlive = hostAlive;
        this.stored = stored;
    }

    public InboxConfig config() {
        return config;
    }

    /** @param inboxOwner the local actor of a personal inbox, or null for the shared inbox */
    public InboxResult receive(HttpMessage request, String inboxOwner) {
        if (request.body().length > config.maxBodyBytes()) {
            return new InboxResult.Rejected(413, "body larger than " + config.maxBodyBytes() + " bytes");
        }
        if (!HttpSignatureVerifier.isSigned(request)) {
            // Nothing unsigned is ever accepted: refuse it as such before parsing a body no one vouches for.
            return new InboxResult.Rejected(401, SignatureFailure.NO_SIGNATURE.message());
        }
        Activity activity;
        try {
            activity = readActivity(request.body());
        } catch (MalformedDocumentException e) {
            return new InboxResult.Rejected(400, e.getMessage());
        }
        if (isBlocked(activity.actor())) {
            return new InboxResult.Rejected(403, "actor or its domain is blocked");
        }
        SignatureCheck check = verifier.verify(request);
        if (check instanceof SignatureCheck.Rejected rejected) {
            return new InboxResult.Rejected(401, rejected.message());
        }
        var verified = (SignatureCheck.Verified) check;
        if (!verified.signer().equals(activity.actor())) {
            return new InboxResult.Rejected(401, "signed by " + verified.signer() + ", but the activity's actor is " + activity.actor());
        }
        hostAlive.accept(Origin.hostOf(verified.signer()));
        return afterVerification(activity, new Signer(verified.signer(), verified.key().keyId()), inboxOwner);
    }

    private InboxResult afterVerification(Activity activity, Signer signer, String inboxOwner) {
        var origin = OriginCheck.check(activity, signer.actorId());
        if (origin instanceof OriginCheck.Result.Violation violation) {
            return new InboxResult.Rejected(403, violation.message());
        }
        Activity checked = ((OriginCheck.Result.Passed) origin).activity();
        if (!handlers.supports(checked.type())) {
            return new InboxResult.Ignored("activity type " + checked.type() + " is not processed here");
        }
        InboxCheck verdict = handlers.handlerFor(checked.type()).orElseThrow().check(checked, signer, inboxOwner);
        if (verdict instanceof InboxCheck.Refuse refuse) {
            return new InboxResult.Rejected(refuse.status(), refuse.message());
        }
        InboxStore.Outcome outcome;
        try {
            outcome = store.store(new InboxStore.Incoming(checked.id(), checked.type(), checked.actor(), signer.keyId(),
                    inboxOwner, ActivityJson.writeString(checked.json()), createdObjects(checked), clock.instant()));
        } catch (StoreException e) {
            return new InboxResult.Rejected(503, "cannot store the activity now, try again later");
        }
        return switch (outcome) {
            case InboxStore.Outcome.Stored s -> {
                stored.run();
                yield new InboxResult.Accepted(checked.id());
            }
            case InboxStore.Outcome.Duplicate d -> new InboxResult.Ignored("activity " + checked.id() + " was already received");
            case InboxStore.Outcome.Takeover t -> new InboxResult.Rejected(403,
                    "object " + t.objectId() + " already exists and belongs to " + t.owner());
        };
    }

    private Activity readActivity(byte[] body) {
        AsDocument document = reader.read(body);
        if (!(document instanceof Activity activity)) {
            throw new MalformedDocumentException("not an activity (type " + document.type() + ")");
        }
        if (activity.id() == null || !Origin.isHttpUrl(activity.id())) {
            throw new MalformedDocumentException("activity needs an http(s) id");
        }
        if (activity.actor() == null || !Origin.isHttpUrl(activity.actor())) {
            throw new MalformedDocumentException("activity needs an http(s) actor");
        }
        if (activity.object() != null && activity.object().id() != null && !Origin.isHttpUrl(activity.object().id())
                && !(activity.object() instanceof Reference.Embedded)) {
            throw new MalformedDocumentException("object must be an http(s) URL");
        }
        return activity;
    }

    private boolean isBlocked(String actorId) {
        return blocks.isBlockedActor(actorId) || blocks.isBlockedHost(Origin.hostOf(actorId));
    }

    /** A Create claims its object's id for its author; a later Create by someone else may not take it. */
    private static List<String> createdObjects(Activity activity) {
        if (activity.type().equals("Create") && activity.object() != null && activity.object().id() != null) {
            return List.of(activity.object().id());
        }
        return List.of();
    }
}
