package de.offenekommune.node.verification;

import java.time.Instant;

/**
 * An organisation's request for verification, as the admin reviews it.
 *
 * @param token       what the organisation publishes on its website
 * @param domainCheck the outcome of the last check of the website, null before the first
 * @param reason      the admin's reason for a rejection or revocation
 */
public record VerificationRequest(long id, long organisationId, String organisationName, String organisationHandle,
                                  Category.SubKind subKind, String legalName, String domain, String contactName,
                                  String contactEmail, String evidence, String token, RequestState state,
                                  DomainCheckResult domainCheck, Instant domainCheckedAt, String reason,
                                  Instant decidedAt, Instant createdAt) {

    public Category category() {
        return subKind.category();
    }

    public boolean open() {
        return state == RequestState.OPEN;
    }

    public boolean domainConfirmed() {
        return domainCheck == DomainCheckResult.FOUND;
    }
}
