package de.offenekommune.node.region;

import java.time.Instant;

/**
 * How much a town's citizens took part, as the town counts it in its own database and publishes it
 * ({@code <town actor>/kennzahlen}); the region shows what its members published.
 *
 * @param projectsOpen projects with a phase running today (what the town's home page calls current)
 * @param last30       the last 30 days
 * @param last365      the last 365 days
 */
public record ParticipationFigures(Instant generatedAt, int projectsOpen, Period last30, Period last365) {

    /**
     * What happened within {@code days} days before {@link #generatedAt}.
     *
     * @param proposals       proposals submitted (not deleted)
     * @param supports        supports given, here and from the fediverse (withdrawn ones are gone), on live proposals
     * @param comments        comments written, here and from the fediverse (not deleted), on anything
     * @param surveyResponses survey responses, here and from the fediverse, to live surveys
     */
    public record Period(int days, int proposals, int supports, int comments, int surveyResponses) {
    }
}
