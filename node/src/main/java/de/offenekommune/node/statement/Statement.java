package de.offenekommune.node.statement;

import java.time.Instant;

/**
 * An official statement (Stellungnahme) of an organisation on a project or proposal (or, sent from
 * here, on a neighbour's proposal).
 *
 * @param organisationId the local organisation that wrote it; null for a remote one
 * @param actor          the author's actor id (local organisation actor or remote actor)
 * @param authorUrl      where the author's profile is (local path or remote http(s) URL), may be null
 * @param apId           the ActivityPub id of a remote statement; null for local ones
 * @param verifiedAs     the legal name its author is verified as now, or null (no badge)
 */
public record Statement(long id, String targetKind, long targetId, Long organisationId, String authorName,
                        String actor, String authorUrl, String apId, String bodyMarkdown, String bodyHtml,
                        Instant createdAt, Instant deletedAt, String verifiedAs) {
    public static final String KIND = "statement";

    public boolean remote() {
        return organisationId == null;
    }

    public boolean verified() {
        return verifiedAs != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public static String path(long id) {
        return "/stellungnahmen/" + id;
    }
}
