package de.offenekommune.node.survey;

import java.time.Instant;
import java.util.List;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.api.ApiLists;
import de.offenekommune.node.api.Json;
import de.offenekommune.node.web.Inputs;

/** Staff API for surveys with their questions, and their results (under {@code /api/v1}). */
public final class SurveyApi implements HttpService {
    static final int LIST_LIMIT = 100;

    private final SurveyService surveys;
    private final ResponseService responses;
    private final String baseUrl;

    public SurveyApi(SurveyService surveys, ResponseService responses, String baseUrl) {
        this.surveys = surveys;
        this.responses = responses;
        this.baseUrl = baseUrl;
    }

    record SurveyView(long id, long projectId, String url, String title, String intro, Instant opensAt,
                      Instant closesAt, ResultsVisibility resultsVisibility, boolean allowFediverse, Survey.State state,
                      List<QuestionView> questions, Instant createdAt, Instant updatedAt) {
    }

    record SurveyListItem(long id, long projectId, String url, String title, Instant opensAt, Instant closesAt,
                          Survey.State state) {
    }

    record QuestionView(long id, int position, QuestionKind kind, String text, boolean required,
                        List<OptionView> options) {
    }

    record OptionView(long id, int position, String label) {
    }

    record ResultsView(long surveyId, long localResponses, long remoteResponses, List<QuestionResultView> questions) {
    }

    record QuestionResultView(long id, QuestionKind kind, String text, long answered, List<OptionResultView> options,
                              List<String> texts) {
    }

    record OptionResultView(long id, String label, long local, long remote, double share) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/projects/{id}/surveys", this::list)
                .post("/projects/{id}/surveys", this::create)
                .get("/surveys/{id}", this::get)
                .put("/surveys/{id}", this::update)
                .delete("/surveys/{id}", this::delete)
                .get("/surveys/{id}/results", this::results);
    }

    private static long id(ServerRequest req) {
        return Inputs.pathId(req.path().pathParameters().get("id"));
    }

    private SurveyView view(SurveyService.SurveyWithQuestions s) {
        Survey v = s.survey();
        return new SurveyView(v.id(), v.projectId(), baseUrl + v.path(), v.title(), v.intro(), v.opensAt(),
                v.closesAt(), v.resultsVisibility(), v.allowFediverse(), v.state(surveys.now()),
                s.questions().stream().map(q -> new QuestionView(q.id(), q.position(), q.kind(), q.text(), q.required(),
                        q.choices().stream().map(c -> new OptionView(c.id(), c.position(), c.label())).toList()))
                        .toList(), v.createdAt(), v.updatedAt());
    }

    private void list(ServerRequest req, ServerResponse res) {
        long projectId = id(req);
        List<SurveyListItem> items = surveys.ofLiveProject(projectId, LIST_LIMIT).stream()
                .map(s -> new SurveyListItem(s.id(), s.projectId(), baseUrl + s.path(), s.title(), s.opensAt(),
                        s.closesAt(), s.state(surveys.now()))).toList();
        Json.ok(res, new ApiLists.Page<>(items, null));
    }

    private void create(ServerRequest req, ServerResponse res) {
        long projectId = id(req);
        Survey s = surveys.create(projectId, Json.read(req, SurveyInput.class));
        Json.created(res, baseUrl + "/api/v1/surveys/" + s.id(), view(surveys.get(s.id())));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Json.ok(res, view(surveys.get(id(req))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = id(req);
        surveys.update(id, Json.read(req, SurveyInput.class));
        Json.ok(res, view(surveys.get(id)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        surveys.delete(id(req));
        Json.noContent(res);
    }

    /** Staff see everything, free texts included, whatever the visibility rule says. */
    private void results(ServerRequest req, ServerResponse res) {
        SurveyResults r = responses.results(surveys.get(id(req)), true);
        Json.ok(res, new ResultsView(r.survey().id(), r.localResponses(), r.remoteResponses(),
                r.questions().stream().map(q -> new QuestionResultView(q.question().id(), q.question().kind(),
                        q.question().text(), q.answered(), q.choices().stream().map(c -> new OptionResultView(
                                c.choice().id(), c.choice().label(), c.local(), c.remote(), c.share())).toList(),
                        q.texts())).toList()));
    }
}
