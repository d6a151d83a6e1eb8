package de.offenekommune.node.survey;

import java.time.Instant;

/** A survey of a project. Open from {@code opensAt} (inclusive) to {@code closesAt} (exclusive). */
public record Survey(long id, long projectId, String projectSlug, String projectTitle, String title, String intro,
                     String introHtml, Instant opensAt, Instant closesAt, ResultsVisibility resultsVisibility,
                     boolean allowFediverse, Instant createdAt, Instant updatedAt, Instant deletedAt) {

    public enum State {
        UPCOMING, OPEN, CLOSED
    }

    public State state(Instant now) {
        if (now.isBefore(opensAt)) {
            return State.UPCOMING;
        }
        return now.isBefore(closesAt) ? State.OPEN : State.CLOSED;
    }

    public String path() {
        return "/umfragen/" + id;
    }

    public String projectPath() {
        return "/projekte/" + projectSlug;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
