package de.offenekommune.node.survey;

/** One answer option of a choice question. */
public record Choice(long id, long questionId, int position, String label) {
}
