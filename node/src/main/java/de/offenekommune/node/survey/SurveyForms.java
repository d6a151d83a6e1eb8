package de.offenekommune.node.survey;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Formats;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Page;
import de.offenekommune.node.web.SelectOption;

/** Between the staff survey forms and the service inputs. */
final class SurveyForms {
    static final String[] SURVEY_FIELDS = {"title", "intro", "opensAt", "closesAt", "resultsVisibility",
            "allowFediverse"};
    static final String[] QUESTION_FIELDS = {"kind", "text", "required", "options", FormKey.FIELD};

    private SurveyForms() {
    }

    static SurveyInput survey(Forms.Form f) {
        return new SurveyInput(FormValues.raw(f, "title"), FormValues.raw(f, "intro"), FormValues.raw(f, "opensAt"),
                FormValues.raw(f, "closesAt"), FormValues.raw(f, "resultsVisibility"), f.checked("allowFediverse"),
                null);
    }

    static Map<String, String> values(Survey s) {
        Map<String, String> v = new HashMap<>();
        v.put("title", s.title());
        v.put("intro", s.intro());
        v.put("opensAt", Formats.localInput(s.opensAt()));
        v.put("closesAt", Formats.localInput(s.closesAt()));
        v.put("resultsVisibility", s.resultsVisibility().name());
        v.put("allowFediverse", s.allowFediverse() ? "on" : "");
        return v;
    }

    /** Options are typed one per line. */
    static SurveyInput.QuestionInput question(Forms.Form f) {
        List<String> options = Arrays.stream(FormValues.raw(f, "options").split("\\R"))
                .map(String::strip).filter(o -> !o.isEmpty()).toList();
        return new SurveyInput.QuestionInput(FormValues.raw(f, "kind"), FormValues.raw(f, "text"),
                f.checked("required"), options);
    }

    static Map<String, String> values(Question q) {
        return Map.of("kind", q.kind().name(), "text", q.text(), "required", q.required() ? "on" : "",
                "options", String.join("\n", q.choices().stream().map(Choice::label).toList()));
    }

    static List<SelectOption> visibilities(Page page) {
        return Arrays.stream(ResultsVisibility.values())
                .map(v -> new SelectOption(v.name(), page.t("survey.visibility." + v.name()))).toList();
    }

    static List<SelectOption> kinds(Page page) {
        return Arrays.stream(QuestionKind.values())
                .map(k -> new SelectOption(k.name(), page.t("survey.kind." + k.name()))).toList();
    }
}
