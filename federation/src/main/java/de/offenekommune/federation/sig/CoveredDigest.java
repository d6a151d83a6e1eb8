package de.offenekommune.federation.sig;

import java.util.Collection;

/** Checks that a request with a body has a covered digest field and that every covered digest matches. */
final class CoveredDigest {
    private CoveredDigest() {
    }

    /** @return null when fine, else the refusal */
    static ParsedSignature.Refused check(HttpMessage message, Collection<String> coveredFields, boolean requireCoverage) {
        boolean coversDigest = coveredFields.contains("digest");
        boolean coversContentDigest = coveredFields.contains("content-digest");
        if (requireCoverage && message.isRequest() && message.hasBody() && !coversDigest && !coversContentDigest) {
            return ParsedSignature.Refused.of(SignatureFailure.DIGEST_MISSING, "a request with a body must sign its digest");
        }
        if (coversDigest) {
            var refused = refusal(BodyDigest.checkDigest(message.fields(), message.body()));
            if (refused != null) {
                return refused;
            }
        }
        if (coversContentDigest) {
            return refusal(BodyDigest.checkContentDigest(message.fields(), message.body()));
        }
        return null;
    }

    private static ParsedSignature.Refused refusal(BodyDigest.Check check) {
        return switch (check) {
            case BodyDigest.Check.Matches m -> null;
            case BodyDigest.Check.Missing m -> ParsedSignature.Refused.of(SignatureFailure.DIGEST_MISSING, "covered digest field is absent");
            case BodyDigest.Check.Mismatch m -> ParsedSignature.Refused.of(SignatureFailure.DIGEST_MISMATCH, m.detail());
            case BodyDigest.Check.Unusable u -> ParsedSignature.Refused.of(SignatureFailure.DIGEST_MISSING, u.detail());
        };
    }
}
