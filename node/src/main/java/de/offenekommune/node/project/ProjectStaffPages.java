package de.offenekommune.node.project;

import java.util.List;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyService;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** Staff pages to create, edit and delete projects; the edit page also lists phases, links, news and surveys. */
public final class ProjectStaffPages implements HttpService {
    private final ProjectService projects;
    private final SurveyService surveys;
    private final Pages pages;
    private final Forms forms;

    public ProjectStaffPages(ProjectService projects, SurveyService surveys, Pages pages, Forms forms) {
        this.projects = projects;
        this.surveys = surveys;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/verwaltung/projekte/neu", this::newForm)
                .post("/verwaltung/projekte", this::create)
                .get("/verwaltung/projekte/{id}", this::edit)
                .post("/verwaltung/projekte/{id}", this::update)
                .post("/verwaltung/projekte/{id}/loeschen", this::delete);
    }

    private void newForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        pages.render(req, res, "staff/project-new.jte", "values", Map.of(), "topics", List.of());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Account staff = VisitorFilter.of(req).require(Role.STAFF);
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        try {
            Project p = projects.create(ProjectForms.project(form), FormKey.of(staff, form));
            Pages.redirect(res, "/verwaltung/projekte/" + p.id(), "project-created");
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "staff/project-new.jte",
                    "values", FormValues.of(form, ProjectForms.PROJECT_FIELDS), "topics", form.all("topics"));
        }
    }

    private void edit(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        ProjectDetail detail = projects.forEditing(Inputs.pathId(req.path().pathParameters().get("id")));
        render(req, res, Status.OK_200, Map.of(), detail, ProjectForms.values(detail.project()),
                ProjectForms.topics(detail.project()));
    }

    private void update(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        long id = Inputs.pathId(req.path().pathParameters().get("id"));
        try {
            projects.update(id, ProjectForms.project(form));
            Pages.redirect(res, "/verwaltung/projekte/" + id, "project-saved");
        } catch (InvalidInput e) {
            render(req, res, Status.BAD_REQUEST_400, e.fields(), projects.forEditing(id),
                    FormValues.of(form, ProjectForms.PROJECT_FIELDS), form.all("topics"));
        }
    }

    private void render(ServerRequest req, ServerResponse res, Status status, Map<String, String> errors,
                        ProjectDetail detail, Map<String, String> values, List<String> topics) {
        List<Survey> projectSurveys = surveys.ofProject(detail.project().id(), 100);
        pages.render(res, status, pages.page(req).withErrors(errors), "staff/project.jte", "detail", detail,
                "values", values, "topics", topics, "surveys", projectSurveys);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        forms.read(req, VisitorFilter.of(req));
        projects.delete(Inputs.pathId(req.path().pathParameters().get("id")));
        Pages.redirect(res, "/projekte", "project-deleted");
    }
}
