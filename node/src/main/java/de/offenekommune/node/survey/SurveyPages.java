package de.offenekommune.node.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/** Taking part in a survey, its results, and the CSV export for staff. */
public final class SurveyPages implements HttpService {
    private final SurveyService surveys;
    private final ResponseService responses;
    private final Pages pages;
    private final Forms forms;

    public SurveyPages(SurveyService surveys, ResponseService responses, Pages pages, Forms forms) {
        this.surveys = surveys;
        this.responses = responses;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/umfragen/{id}", this::show)
                .post("/umfragen/{id}", this::answer)
                .get("/umfragen/{id}/ergebnisse", this::results)
                .get("/umfragen/{id}/ergebnisse.csv", this::csv);
    }

    private SurveyService.SurveyWithQuestions survey(ServerRequest req) {
        return surveys.visible(Inputs.pathId(req.path().pathParameters().get("id")));
    }

    private void show(ServerRequest req, ServerResponse res) {
        SurveyService.SurveyWithQuestions s = survey(req);
        render(req, res, Status.OK_200, s, Map.of(), Map.of());
    }

    private void render(ServerRequest req, ServerResponse res, Status status, SurveyService.SurveyWithQuestions s,
                        Map<String, String> errors, Map<String, List<String>> answers) {
        Optional<Account> account = VisitorFilter.of(req).account();
        boolean answered = responses.hasResponded(s.survey().id(), account);
        pages.render(res, status, pages.page(req).withErrors(errors), "survey/survey.jte", "survey", s.survey(),
                "questions", s.questions(), "answered", answered, "answers", answers,
                "state", s.survey().state(surveys.now()),
                "resultsVisible", responses.access(s.survey(), account) == ResponseService.ResultsAccess.VISIBLE);
    }

    private void answer(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account account = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        SurveyService.SurveyWithQuestions s = survey(req);
        Map<String, List<String>> answers = new HashMap<>();
        s.questions().forEach(q -> answers.put(q.field(), form.all(q.field())));
        try {
            switch (responses.submit(s, account, answers)) {
                case ResponseService.SubmitResult.Recorded r -> Pages.redirect(res, s.survey().path(), "survey-answered");
                case ResponseService.SubmitResult.AlreadyAnswered a ->
                        Pages.redirect(res, s.survey().path(), "survey-already-answered");
            }
        } catch (InvalidInput e) {
            render(req, res, Status.BAD_REQUEST_400, s, e.fields(), answers);
        }
    }

    private void results(ServerRequest req, ServerResponse res) {
        SurveyService.SurveyWithQuestions s = survey(req);
        Optional<Account> viewer = VisitorFilter.of(req).account();
        switch (responses.access(s.survey(), viewer)) {
            case VISIBLE -> {
                boolean staff = viewer.map(a -> a.is(Role.STAFF)).orElse(false);
                pages.render(req, res, "survey/results.jte", "results", responses.results(s, staff),
                        "staff", staff, "state", s.survey().state(surveys.now()));
            }
            case AFTER_VOTING -> throw HttpError.forbidden("survey.error.results-after-voting");
            case AFTER_CLOSING -> throw HttpError.forbidden("survey.error.results-after-closing");
        }
    }

    private void csv(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        visitor.require(Role.STAFF);
        SurveyService.SurveyWithQuestions s = survey(req);
        byte[] body = SurveyCsv.write(s.questions(), responses.export(s.survey().id()), Messages.of(visitor.locale()));
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8"));
        res.header(HeaderValues.create(HeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"umfrage-" + s.survey().id() + "-ergebnisse.csv\""));
        res.send(body);
    }
}
