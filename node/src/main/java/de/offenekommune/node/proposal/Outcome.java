package de.offenekommune.node.proposal;

/** The result an official answer gives: accepted, rejected, partly accepted, or already done. */
public enum Outcome {
    ACCEPTED, REJECTED, PARTLY, DONE;

    public static Outcome parse(String value) {
        for (Outcome o : values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        return null;
    }
}
