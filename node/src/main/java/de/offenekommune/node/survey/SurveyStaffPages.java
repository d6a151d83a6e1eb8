package de.offenekommune.node.survey;

import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectService;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Page;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** Staff pages for surveys and their questions. */
public final class SurveyStaffPages implements HttpService {
    private final SurveyService surveys;
    private final ProjectService projects;
    private final Pages pages;
    private final Forms forms;

    public SurveyStaffPages(SurveyService surveys, ProjectService projects, Pages pages, Forms forms) {
        this.surveys = surveys;
        this.projects = projects;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/verwaltung/projekte/{id}/umfragen/neu", this::newSurvey)
                .post("/verwaltung/projekte/{id}/umfragen", this::createSurvey)
                .get("/verwaltung/umfragen/{id}", this::editSurvey)
                .post("/verwaltung/umfragen/{id}", this::updateSurvey)
                .post("/verwaltung/umfragen/{id}/loeschen", this::deleteSurvey)
                .get("/verwaltung/umfragen/{id}/fragen/neu", this::newQuestion)
                .post("/verwaltung/umfragen/{id}/fragen", this::createQuestion)
                .get("/verwaltung/fragen/{id}", this::editQuestion)
                .post("/verwaltung/fragen/{id}", this::updateQuestion)
                .post("/verwaltung/fragen/{id}/loeschen", this::deleteQuestion);
    }

    private static long id(ServerRequest req) {
        return Inputs.pathId(req.path().pathParameters().get("id"));
    }

    private Forms.Form staffForm(ServerRequest req) {
        VisitorFilter.of(req).require(Role.STAFF);
        return forms.read(req, VisitorFilter.of(req));
    }

    private void newSurvey(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        Project project = projects.live(id(req));
        renderNew(req, res, Status.OK_200, Map.of(), project, Map.of("resultsVisibility", "AFTER_VOTING"));
    }

    private void renderNew(ServerRequest req, ServerResponse res, Status status, Map<String, String> errors,
                           Project project, Map<String, String> values) {
        Page page = pages.page(req).withErrors(errors);
        pages.render(res, status, page, "survey/staff-new.jte", "project", project, "values", values,
                "visibilities", SurveyForms.visibilities(page));
    }

    private void createSurvey(ServerRequest req, ServerResponse res) {
        Forms.Form form = staffForm(req);
        Project project = projects.live(id(req));
        try {
            Survey s = surveys.create(project.id(), SurveyForms.survey(form));
            Pages.redirect(res, "/verwaltung/umfragen/" + s.id(), "survey-saved");
        } catch (InvalidInput e) {
            renderNew(req, res, Status.BAD_REQUEST_400, e.fields(), project,
                    FormValues.of(form, SurveyForms.SURVEY_FIELDS));
        }
    }

    private void renderEdit(ServerRequest req, ServerResponse res, Status status, Map<String, String> errors,
                            SurveyService.SurveyWithQuestions s, Map<String, String> values) {
        Page page = pages.page(req).withErrors(errors);
        pages.render(res, status, page, "survey/staff-edit.jte", "survey", s.survey(), "questions", s.questions(),
                "values", values, "visibilities", SurveyForms.visibilities(page),
                "locked", surveys.hasResponses(s.survey().id()));
    }

    private void editSurvey(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        SurveyService.SurveyWithQuestions s = surveys.get(id(req));
        renderEdit(req, res, Status.OK_200, Map.of(), s, SurveyForms.values(s.survey()));
    }

    private void updateSurvey(ServerRequest req, ServerResponse res) {
        Forms.Form form = staffForm(req);
        SurveyService.SurveyWithQuestions s = surveys.get(id(req));
        try {
            surveys.update(s.survey().id(), SurveyForms.survey(form));
            Pages.redirect(res, "/verwaltung/umfragen/" + s.survey().id(), "survey-saved");
        } catch (InvalidInput e) {
            renderEdit(req, res, Status.BAD_REQUEST_400, e.fields(), s, FormValues.of(form, SurveyForms.SURVEY_FIELDS));
        }
    }

    private void deleteSurvey(ServerRequest req, ServerResponse res) {
        staffForm(req);
        Survey s = surveys.delete(id(req));
        Pages.redirect(res, "/verwaltung/projekte/" + s.projectId(), "survey-deleted");
    }

    private void renderQuestion(ServerRequest req, ServerResponse res, Status status, Map<String, String> errors,
                                Survey survey, Question question, Map<String, String> values) {
        Page page = pages.page(req).withErrors(errors);
        String action = question == null ? "/verwaltung/umfragen/" + survey.id() + "/fragen"
                : "/verwaltung/fragen/" + question.id();
        pages.render(res, status, page, "survey/staff-question.jte", "survey", survey, "question", question,
                "action", action, "values", values, "kinds", SurveyForms.kinds(page));
    }

    private void newQuestion(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        renderQuestion(req, res, Status.OK_200, Map.of(), surveys.get(id(req)).survey(), null,
                Map.of("kind", "SINGLE"));
    }

    private void createQuestion(ServerRequest req, ServerResponse res) {
        Forms.Form form = staffForm(req);
        Survey survey = surveys.get(id(req)).survey();
        try {
            surveys.addQuestion(survey.id(), SurveyForms.question(form),
                    FormKey.of(VisitorFilter.of(req).require(Role.STAFF), form));
            Pages.redirect(res, "/verwaltung/umfragen/" + survey.id(), "question-saved");
        } catch (InvalidInput e) {
            renderQuestion(req, res, Status.BAD_REQUEST_400, e.fields(), survey, null,
                    FormValues.of(form, SurveyForms.QUESTION_FIELDS));
        }
    }

    private void editQuestion(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        Question q = surveys.question(id(req));
        renderQuestion(req, res, Status.OK_200, Map.of(), surveys.get(q.surveyId()).survey(), q,
                SurveyForms.values(q));
    }

    private void updateQuestion(ServerRequest req, ServerResponse res) {
        Forms.Form form = staffForm(req);
        Question q = surveys.question(id(req));
        try {
            surveys.updateQuestion(q.id(), SurveyForms.question(form));
            Pages.redirect(res, "/verwaltung/umfragen/" + q.surveyId(), "question-saved");
        } catch (InvalidInput e) {
            renderQuestion(req, res, Status.BAD_REQUEST_400, e.fields(), surveys.get(q.surveyId()).survey(), q,
                    FormValues.of(form, SurveyForms.QUESTION_FIELDS));
        }
    }

    private void deleteQuestion(ServerRequest req, ServerResponse res) {
        staffForm(req);
        long surveyId = surveys.deleteQuestion(id(req));
        Pages.redirect(res, "/verwaltung/umfragen/" + surveyId, "question-deleted");
    }
}
