package de.offenekommune.node.activitypub.organisation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.fetch.RemoteActors;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.node.statement.StatementRepository;
import de.offenekommune.node.statement.StatementService;
import de.offenekommune.node.verification.RemoteStatus;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.verification.proof.ActorProof;
import de.offenekommune.verification.proof.ObjectIntegrityProofs;

/**
 * A Note marked as an official statement, in reply to one of our projects or proposals, is kept as a
 * statement only when all of this holds: the Note as its author serves it carries a valid integrity
 * proof by the sending actor, and that actor's attestation verifies here (proof valid, issuer trusted,
 * not expired, not revoked). Otherwise it is an ordinary comment: an unverified "statement" is never
 * shown as one.
 */
public final class RemoteStatementReceiver {
    private static final Logger LOG = Logger.getLogger(RemoteStatementReceiver.class.getName());

    private final RawDocuments raw;
    private final ObjectIntegrityProofs proofs;
    private final RemoteAttestations attestations;
    private final RemoteActors actors;
    private final StatementService statements;

    public RemoteStatementReceiver(RawDocuments raw, ObjectIntegrityProofs proofs, RemoteAttestations attestations,
                                   RemoteActors actors, StatementService statements) {
        this.raw = raw;
        this.proofs = proofs;
        this.attestations = attestations;
        this.actors = actors;
        this.statements = statements;
    }

    /** @return true if the Note was kept as a statement (the caller keeps it as a comment otherwise) */
    public boolean receive(String actorId, AsObject note, String targetKind, long targetId) {
        if (!StatementNotes.marked(note.json()) || note.id() == null) {
            return false;
        }
        Optional<ObjectNode> served = raw.fetch(note.id());
        if (served.isEmpty()) {
            LOG.info(() -> "Statement " + note.id() + " kept as a comment: its author does not serve it");
            return false;
        }
        ActorProof proof = proofs.verify(served.get());
        if (!(proof instanceof ActorProof.Proven proven) || !proven.actor().toString().equals(actorId)
                || !StatementNotes.marked(served.get())) {
            LOG.info(() -> "Statement " + note.id() + " kept as a comment: " + proof);
            return false;
        }
        RemoteStatus status = attestations.check(actorId);
        if (!status.verified() || status.town()) {
            // A town's node attestation says which node is the town's, not that it is a verified organisation.
            LOG.info(() -> "Statement " + note.id() + " kept as a comment: " + actorId + " is not a verified "
                    + "organisation here (" + (status.town() ? "a town's node attestation" : status.reason()) + ")");
            return false;
        }
        Optional<Actor> author = actors.actor(actorId);
        String name = author.map(a -> a.name() != null && !a.name().isBlank() ? a.name() : a.preferredUsername())
                .orElse(status.legalName());
        String profile = author.map(a -> a.url() != null ? a.url() : a.id()).orElse(actorId);
        try {
            long id = statements.addRemote(new StatementRepository.NewRemoteStatement(targetKind, targetId, actorId,
                    name, profile, note.id(), served.get().path("content").asText(""),
                    published(served.get().path("published").asText(null))));
            LOG.info(() -> "Statement " + note.id() + " of " + actorId + " stored as " + id);
            return true;
        } catch (HttpError e) {
            LOG.info(() -> "Statement " + note.id() + " not stored: " + e.messageKey());
            return false;
        }
    }

    private static Instant published(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
