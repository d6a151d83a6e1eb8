package de.offenekommune.verification.attestation;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import de.offenekommune.verification.key.Origin;

/**
 * What an attestation states: {@code issuer} vouches that the actor {@code subject} is the organisation
 * {@code legalName} of {@code category}, in control of {@code domain}, from {@code validFrom} until
 * {@code validUntil}. {@code ags} (Amtlicher Gemeindeschlüssel, 8 digits) is present exactly for
 * {@link AttestationCategory#MUNICIPALITY_NODE}. {@code revocationList} is where the issuer publishes revocations; it and {@code id} are on the
 * issuer's origin.
 */
public record Attestation(URI id, URI issuer, URI subject, AttestationCategory category, String legalName,
                          String domain, Optional<String> ags, Instant validFrom, Instant validUntil,
                          URI revocationList) {
    public static final int MAX_LEGAL_NAME = 300;
    private static final Pattern AGS = Pattern.compile("[0-9]{8}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** @throws IllegalArgumentException if a value breaks the rules above; times are cut to whole seconds */
    public Attestation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(ags, "ags");
        Objects.requireNonNull(revocationList, "revocationList");
        validFrom = Objects.requireNonNull(validFrom, "validFrom").truncatedTo(ChronoUnit.SECONDS);
        validUntil = Objects.requireNonNull(validUntil, "validUntil").truncatedTo(ChronoUnit.SECONDS);
        requireLegalName(legalName);
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("domain must be a lower-case host name such as stadtwerke-musterstadt.de");
        }
        if (category.isNode() != ags.isPresent()) {
            throw new IllegalArgumentException("ags is required for municipality_node and only there");
        }
        if (ags.isPresent() && !AGS.matcher(ags.get()).matches()) {
            throw new IllegalArgumentException("ags must be the 8-digit Amtlicher Gemeindeschlüssel");
        }
        if (!Origin.same(id, issuer) || !Origin.same(revocationList, issuer)) {
            throw new IllegalArgumentException("id and revocationList must be on the issuer's origin");
        }
        if (!validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("validFrom must be before validUntil");
        }
    }

    private static void requireLegalName(String legalName) {
        if (legalName == null || legalName.isBlank()) {
            throw new IllegalArgumentException("legalName must not be blank");
        }
        if (legalName.length() > MAX_LEGAL_NAME || CONTROL.matcher(legalName).find()
                || !legalName.strip().equals(legalName)) {
            throw new IllegalArgumentException("legalName must be at most " + MAX_LEGAL_NAME
                    + " characters, without control characters or surrounding spaces");
        }
    }
}
