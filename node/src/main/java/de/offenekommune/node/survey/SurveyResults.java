package de.offenekommune.node.survey;

import java.util.List;

/**
 * Counted answers. Local and fediverse responses are counted apart; shares are of the responders
 * who answered the question (so multiple choice shares may add up to more than 1).
 */
public record SurveyResults(Survey survey, long localResponses, long remoteResponses, List<QuestionResult> questions) {

    public long responses() {
        return localResponses + remoteResponses;
    }

    public record QuestionResult(Question question, long answered, List<ChoiceResult> choices,
                                 List<String> texts, boolean textsTruncated) {
    }

    public record ChoiceResult(Choice choice, long local, long remote, double share) {
        public long total() {
            return local + remote;
        }
    }
}
