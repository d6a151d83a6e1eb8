package de.offenekommune.node.activitypub.inbox;

import java.util.Optional;
import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.node.activitypub.LocalRef;
import de.offenekommune.node.survey.ResponseService;

/**
 * Mastodon's poll vote: {@code Create{Note{name: option text, inReplyTo: question}}} without content,
 * one per chosen option, sent to the owner's inbox with an id that cannot be fetched. Counted once
 * per actor (per option for multiple choice), apart from local votes, only where the survey takes
 * fediverse votes; the Question's new counts follow as an Update.
 */
final class PollVoteHandler {
    private static final Logger LOG = Logger.getLogger(PollVoteHandler.class.getName());

    private final InboxContext ctx;

    PollVoteHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    static boolean isVote(AsObject note) {
        return note.name() != null && (note.content() == null || note.content().isBlank()) && note.inReplyTo() != null;
    }

    InboxCheck check(AsObject note) {
        Optional<LocalRef> ref = ctx.uris().parse(note.inReplyTo());
        if (ref.isEmpty() || !(ref.get() instanceof LocalRef.Question q)) {
            return InboxCheck.refuse(404, "no such poll here: " + note.inReplyTo());
        }
        // One indexed query while the sender waits: a clear 403 beats a vote silently dropped later.
        Optional<Boolean> allowed = ctx.sql().one("""
                SELECT s.allow_fediverse FROM survey s JOIN survey_question q ON q.survey_id = s.id
                WHERE s.id = ? AND q.id = ? AND s.deleted_at IS NULL""", r -> r.bool("allow_fediverse"),
                q.surveyId(), q.questionId());
        if (allowed.isEmpty()) {
            return InboxCheck.refuse(404, "no such poll here: " + note.inReplyTo());
        }
        return allowed.get() ? InboxCheck.ACCEPT : InboxCheck.refuse(403, "this survey does not take fediverse votes");
    }

    void vote(String actorId, AsObject note) {
        LocalRef.Question q = (LocalRef.Question) ctx.uris().parse(note.inReplyTo()).orElseThrow();
        Actor actor = ctx.remoteActors().actor(actorId)
                .orElseThrow(() -> new IllegalStateException("voter " + actorId + " not reachable yet"));
        ctx.sql().runInTransaction(tx -> ctx.voters().remember(tx, q.surveyId(), actorId, actor.deliveryInbox()));
        ResponseService.RemoteVote result = ctx.responses().voteRemote(q.surveyId(), q.questionId(), note.name(),
                actorId);
        switch (result) {
            case ResponseService.RemoteVote.Counted c ->
                    LOG.fine(() -> "Fediverse vote by " + actorId + " on " + note.inReplyTo() + " counted");
            case ResponseService.RemoteVote.AlreadyVoted a ->
                    LOG.fine(() -> "Fediverse vote by " + actorId + " on " + note.inReplyTo() + " not counted: voted before");
            case ResponseService.RemoteVote.Refused r -> {
                LOG.info(() -> "Fediverse vote by " + actorId + " on " + note.inReplyTo() + " refused: " + r.reason());
                forget(q.surveyId(), actorId);
            }
        }
    }

    /** A refused voter gets no updates, unless it voted in this survey before. */
    private void forget(long surveyId, String actorId) {
        ctx.sql().update("""
                DELETE FROM ap_survey_voter v WHERE survey_id = ? AND remote_actor = ?
                  AND NOT EXISTS (SELECT 1 FROM survey_response r WHERE r.survey_id = v.survey_id
                                  AND r.remote_actor = v.remote_actor)""", surveyId, actorId);
    }
}
