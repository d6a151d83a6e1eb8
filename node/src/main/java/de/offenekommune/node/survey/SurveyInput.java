package de.offenekommune.node.survey;

import java.util.List;

/**
 * A survey as staff submit it (form or JSON), unchecked. {@code questions}: null keeps the stored
 * questions (forms edit them one by one); a list replaces them, allowed only before the first response.
 */
public record SurveyInput(String title, String intro, String opensAt, String closesAt, String resultsVisibility,
                          Boolean allowFediverse, List<QuestionInput> questions) {

    public record QuestionInput(String kind, String text, Boolean required, List<String> options) {
    }
}
