package de.offenekommune.node.project;

import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** Staff pages for a project's phases and links, one small form each. */
public final class ProjectPartPages implements HttpService {
    private final ProjectService projects;
    private final Pages pages;
    private final Forms forms;

    public ProjectPartPages(ProjectService projects, Pages pages, Forms forms) {
        this.projects = projects;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/verwaltung/projekte/{id}/phasen/neu", this::newPhase)
                .post("/verwaltung/projekte/{id}/phasen", this::createPhase)
                .get("/verwaltung/phasen/{id}", this::editPhase)
                .post("/verwaltung/phasen/{id}", this::updatePhase)
                .post("/verwaltung/phasen/{id}/loeschen", this::deletePhase)
                .get("/verwaltung/projekte/{id}/links/neu", this::newLink)
                .post("/verwaltung/projekte/{id}/links", this::createLink)
                .get("/verwaltung/links/{id}", this::editLink)
                .post("/verwaltung/links/{id}", this::updateLink)
                .post("/verwaltung/links/{id}/loeschen", this::deleteLink);
    }

    private static long id(ServerRequest req) {
        return Inputs.pathId(req.path().pathParameters().get("id"));
    }

    private Forms.Form staffForm(ServerRequest req) {
        VisitorFilter.of(req).require(Role.STAFF);
        return forms.read(req, VisitorFilter.of(req));
    }

    private static FormKey staffKey(ServerRequest req, Forms.Form form) {
        return FormKey.of(VisitorFilter.of(req).require(Role.STAFF), form);
    }

    private void phaseForm(ServerRequest req, ServerResponse res, Status status, Map<String, String> errors,
                           Project project, Phase phase, Map<String, String> values) {
        String action = phase == null ? "/verwaltung/projekte/" + project.id() + "/phasen" : "/verwaltung/phasen/" + phase.id();
        pages.render(res, status, pages.page(req).withErrors(errors), "staff/phase-form.jte", "project", project,
                "phase", phase, "action", action, "values", values);
    }

    private void newPhase(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        phaseForm(req, res, Status.OK_200, Map.of(), projects.live(id(req)), null, Map.of());
    }

    private void createPhase(ServerRequest req, ServerResponse res) {
        Forms.Form form = staffForm(req);
        Project project = projects.live(id(req));
        try {
            projects.addPhase(project.id(), ProjectForms.phase(form), staffKey(req, form));
            Pages.redirect(res, "/verwaltung/projekte/" + project.id(), "phase-saved");
        } catch (InvalidInput e) {
            phaseForm(req, res, Status.BAD_REQUEST_400, e.fields(), project, null,
                    FormValues.of(form, ProjectForms.PHASE_FIELDS));
        }
    }

    private void editPhase(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        Phase phase = projects.phase(id(req));
        phaseForm(req, res, Status.OK_200, Map.of(), projects.live(phase.projectId()), phase,
                ProjectForms.values(phase));
    }

    private void updatePhase(ServerRequest req, ServerResponse res) {
        Forms.Form form = staffForm(req);
        Phase phase = projects.phase(id(req));
        try {
            projects.updatePhase(phase.id(), ProjectForms.phase(form));
            Pages.redirect(res, "/verwaltung/projekte/" + phase.projectId(), "phase-saved");
        } catch (InvalidInput e) {
            phaseForm(req, res, Status.BAD_REQUEST_400, e.fields(), projects.live(phase.projectId()), phase,
                    FormValues.of(form, ProjectForms.PHASE_FIELDS));
        }
    }

    private void deletePhase(ServerRequest req, ServerResponse res) {
        staffForm(req);
        Phase phase = projects.deletePhase(id(req));
        Pages.redirect(res, "/verwaltung/projekte/" + phase.projectId(), "phase-deleted");
    }

    private void linkForm(ServerRequest req, ServerResponse res, Status status, Map<String, String> errors,
                          Project project, ProjectLink link, Map<String, String> values) {
        String action = link == null ? "/verwaltung/projekte/" + project.id() + "/links" : "/verwaltung/links/" + link.id();
        pages.render(res, status, pages.page(req).withErrors(errors), "staff/link-form.jte", "project", project,
                "link", link, "action", action, "values", values);
    }

    private void newLink(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        linkForm(req, res, Status.OK_200, Map.of(), projects.live(id(req)), null, Map.of());
    }

    private void createLink(ServerRequest req, ServerResponse res) {
        Forms.Form form = staffForm(req);
        Project project = projects.live(id(req));
        try {
            projects.addLink(project.id(), ProjectForms.link(form), staffKey(req, form));
            Pages.redirect(res, "/verwaltung/projekte/" + project.id(), "link-saved");
        } catch (InvalidInput e) {
            linkForm(req, res, Status.BAD_REQUEST_400, e.fields(), project, null,
                    FormValues.of(form, ProjectForms.LINK_FIELDS));
        }
    }

    private void editLink(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        ProjectLink link = projects.link(id(req));
        linkForm(req, res, Status.OK_200, Map.of(), projects.live(link.projectId()), link, ProjectForms.values(link));
    }

    private void updateLink(ServerRequest req, ServerResponse res) {
        Forms.Form form = staffForm(req);
        ProjectLink link = projects.link(id(req));
        try {
            projects.updateLink(link.id(), ProjectForms.link(form));
            Pages.redirect(res, "/verwaltung/projekte/" + link.projectId(), "link-saved");
        } catch (InvalidInput e) {
            linkForm(req, res, Status.BAD_REQUEST_400, e.fields(), projects.live(link.projectId()), link,
                    FormValues.of(form, ProjectForms.LINK_FIELDS));
        }
    }

    private void deleteLink(ServerRequest req, ServerResponse res) {
        staffForm(req);
        ProjectLink link = projects.deleteLink(id(req));
        Pages.redirect(res, "/verwaltung/projekte/" + link.projectId(), "link-deleted");
    }
}
