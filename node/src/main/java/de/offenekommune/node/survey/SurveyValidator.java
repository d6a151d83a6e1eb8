package de.offenekommune.node.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Markdown;

/** Checks submitted surveys and questions; every bad field is reported at once. */
final class SurveyValidator {
    static final int TITLE = 200;
    static final int INTRO = 10_000;
    static final int QUESTION = 1000;
    static final int OPTION = 300;
    static final int MAX_QUESTIONS = 50;
    static final int MAX_OPTIONS = 30;

    private SurveyValidator() {
    }

    record SurveyData(String title, String intro, String introHtml, Instant opensAt, Instant closesAt,
                      ResultsVisibility visibility, boolean allowFediverse, List<QuestionData> questions) {
    }

    record QuestionData(QuestionKind kind, String text, boolean required, List<String> options) {
    }

    static SurveyData survey(SurveyInput in) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String title = Inputs.text(errors, "title", in.title(), TITLE, true);
        String intro = Inputs.longText(errors, "intro", in.intro(), INTRO, false);
        Instant opens = Inputs.dateTime(errors, "opensAt", in.opensAt(), true);
        Instant closes = Inputs.dateTime(errors, "closesAt", in.closesAt(), true);
        errors.check(opens == null || closes == null || closes.isAfter(opens), "closesAt",
                "form.error.end-before-start");
        ResultsVisibility visibility = Inputs.choice(errors, "resultsVisibility", in.resultsVisibility(),
                ResultsVisibility.class, true);
        List<QuestionData> questions = null;
        if (in.questions() != null) {
            errors.check(in.questions().size() <= MAX_QUESTIONS, "questions", "survey.error.too-many-questions");
            questions = new ArrayList<>();
            for (int i = 0; i < in.questions().size(); i++) {
                questions.add(question(errors, "questions[" + i + "].", in.questions().get(i)));
            }
        }
        errors.throwIfAny();
        return new SurveyData(title, intro, Markdown.toHtml(intro), opens, closes, visibility,
                Boolean.TRUE.equals(in.allowFediverse()), questions);
    }

    static QuestionData question(SurveyInput.QuestionInput in) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        QuestionData data = question(errors, "", in);
        errors.throwIfAny();
        return data;
    }

    private static QuestionData question(InvalidInput.Collector errors, String prefix, SurveyInput.QuestionInput in) {
        if (in == null) {
            errors.check(false, prefix + "text", "form.error.required");
            return null;
        }
        QuestionKind kind = Inputs.choice(errors, prefix + "kind", in.kind(), QuestionKind.class, true);
        String text = Inputs.longText(errors, prefix + "text", in.text(), QUESTION, true);
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> given = in.options() == null ? List.of() : in.options();
        for (String o : given) {
            String label = Inputs.text(errors, prefix + "options", o, OPTION, false);
            if (label != null && seen.add(label)) {
                options.add(label);
            }
        }
        if (kind != null && kind.hasChoices()) {
            errors.check(options.size() >= 2, prefix + "options", "survey.error.options-few");
            errors.check(options.size() <= MAX_OPTIONS, prefix + "options", "survey.error.options-many");
        } else if (kind == QuestionKind.TEXT) {
            errors.check(options.isEmpty(), prefix + "options", "survey.error.options-text");
        }
        return new QuestionData(kind, text, Boolean.TRUE.equals(in.required()), List.copyOf(options));
    }
}
