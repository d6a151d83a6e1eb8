package de.offenekommune.node.survey;

/** When participants see the results (staff always do). */
public enum ResultsVisibility {
    /** To those who answered, and to everyone once the survey is closed. */
    AFTER_VOTING,
    /** To everyone once the survey is closed. */
    AFTER_CLOSING
}
