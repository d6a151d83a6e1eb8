package de.offenekommune.node.survey;

/** How a question is answered: one option, any number of options, or free text. */
public enum QuestionKind {
    SINGLE, MULTIPLE, TEXT;

    public boolean hasChoices() {
        return this != TEXT;
    }
}
