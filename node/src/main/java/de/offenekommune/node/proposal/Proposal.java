package de.offenekommune.node.proposal;

import java.time.Instant;

import de.offenekommune.node.moderation.Hidden;
import de.offenekommune.node.topic.Topic;

/**
 * A citizen's proposal with everything its page shows.
 *
 * @param authorId null once the author's account is gone
 * @param answer null until answered
 * @param hidden null unless moderation hid it
 */
public record Proposal(long id, Long authorId, String authorName, String title, String summary, String bodyMarkdown,
                       String bodyHtml, Topic topic, String location, ProposalStatus status, Outcome outcome,
                       Answer answer, Supports supports, Hidden hidden, Instant createdAt, Instant updatedAt,
                       Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean answered() {
        return status == ProposalStatus.ANSWERED;
    }

    public boolean hiddenByModeration() {
        return hidden != null;
    }

    /** Supports can be given until the deadline and until the proposal is answered. */
    public boolean openForSupport(Instant now) {
        return !deleted() && !answered() && now.isBefore(supports.deadline());
    }
}
