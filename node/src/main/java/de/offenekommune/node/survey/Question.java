package de.offenekommune.node.survey;

import java.util.List;

/** A question with its options in order (none for free text). */
public record Question(long id, long surveyId, int position, QuestionKind kind, String text, boolean required,
                       List<Choice> choices) {

    /** The form field that carries the answer. */
    public String field() {
        return "q" + id;
    }

    public boolean hasChoice(long choiceId) {
        return choices.stream().anyMatch(c -> c.id() == choiceId);
    }
}
