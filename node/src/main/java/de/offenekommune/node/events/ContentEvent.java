package de.offenekommune.node.events;

/**
 * Something public changed: a project was created, a proposal answered, a comment deleted. Services
 * publish these inside their transaction; listeners (the ActivityPub publisher, notifications) react
 * in the same transaction, so a committed change and its follow-up work (e.g. queued deliveries)
 * are never separated.
 */
public record ContentEvent(Kind kind, long id, Change change) {

    public enum Kind {
        PROJECT, NEWS, EVENT, SURVEY, SURVEY_RESPONSE, PROPOSAL, PROPOSAL_STATUS, SUPPORT, COMMENT, STATEMENT,
        /** An organisation's actor changed (an attestation was issued or revoked). */
        ORGANISATION
    }

    public enum Change {
        CREATED, UPDATED, DELETED
    }
}
