package de.offenekommune.node.proposal;

import java.time.Instant;
import java.util.List;

import de.offenekommune.node.addressee.Addressee;
import de.offenekommune.node.moderation.Hidden;
import de.offenekommune.node.topic.Topic;

/** A proposal as the list shows it (no body), with its addressees and comment count filled in by batch loads. */
public record ProposalSummary(long id, String title, String summary, Topic topic, ProposalStatus status,
                              Outcome outcome, Supports supports, String authorName, Hidden hidden,
                              Instant createdAt, List<Addressee> addressees, long comments) {

    ProposalSummary with(List<Addressee> addressees, long comments) {
        return new ProposalSummary(id, title, summary, topic, status, outcome, supports, authorName, hidden, createdAt,
                addressees, comments);
    }
}
