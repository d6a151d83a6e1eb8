package de.offenekommune.node.project;

import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** Staff pages to write, edit and delete a project's news posts. */
public final class NewsStaffPages implements HttpService {
    private final ProjectService projects;
    private final NewsService news;
    private final Pages pages;
    private final Forms forms;

    public NewsStaffPages(ProjectService projects, NewsService news, Pages pages, Forms forms) {
        this.projects = projects;
        this.news = news;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/verwaltung/projekte/{id}/neuigkeiten/neu", this::newForm)
                .post("/verwaltung/projekte/{id}/neuigkeiten", this::create)
                .get("/verwaltung/neuigkeiten/{id}", this::edit)
                .post("/verwaltung/neuigkeiten/{id}", this::update)
                .post("/verwaltung/neuigkeiten/{id}/loeschen", this::delete);
    }

    private static long id(ServerRequest req) {
        return Inputs.pathId(req.path().pathParameters().get("id"));
    }

    private void form(ServerRequest req, ServerResponse res, Status status, Map<String, String> errors,
                      Project project, News post, Map<String, String> values) {
        String action = post == null ? "/verwaltung/projekte/" + project.id() + "/neuigkeiten"
                : "/verwaltung/neuigkeiten/" + post.id();
        pages.render(res, status, pages.page(req).withErrors(errors), "staff/news-form.jte", "project", project,
                "news", post, "action", action, "values", values);
    }

    private void newForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        form(req, res, Status.OK_200, Map.of(), projects.live(id(req)), null, Map.of());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Account staff = VisitorFilter.of(req).require(Role.STAFF);
        Forms.Form f = forms.read(req, VisitorFilter.of(req));
        Project project = projects.live(id(req));
        try {
            news.create(project.id(), ProjectForms.news(f), FormKey.of(staff, f));
            Pages.redirect(res, "/verwaltung/projekte/" + project.id(), "news-saved");
        } catch (InvalidInput e) {
            form(req, res, Status.BAD_REQUEST_400, e.fields(), project, null,
                    FormValues.of(f, ProjectForms.NEWS_FIELDS));
        }
    }

    private void edit(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        News post = news.byId(id(req));
        form(req, res, Status.OK_200, Map.of(), projects.live(post.projectId()), post, ProjectForms.values(post));
    }

    private void update(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        Forms.Form f = forms.read(req, VisitorFilter.of(req));
        News post = news.byId(id(req));
        try {
            news.update(post.id(), ProjectForms.news(f));
            Pages.redirect(res, "/verwaltung/projekte/" + post.projectId(), "news-saved");
        } catch (InvalidInput e) {
            form(req, res, Status.BAD_REQUEST_400, e.fields(), projects.live(post.projectId()), post,
                    FormValues.of(f, ProjectForms.NEWS_FIELDS));
        }
    }

    private void delete(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        forms.read(req, VisitorFilter.of(req));
        News post = news.delete(id(req));
        Pages.redirect(res, "/verwaltung/projekte/" + post.projectId(), "news-deleted");
    }
}
