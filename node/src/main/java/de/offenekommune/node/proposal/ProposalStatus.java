package de.offenekommune.node.proposal;

/** Where a proposal stands: submitted, then in review, then answered (with an {@link Outcome}). */
public enum ProposalStatus {
    SUBMITTED, IN_REVIEW, ANSWERED;

    public static ProposalStatus parse(String value) {
        for (ProposalStatus s : values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
