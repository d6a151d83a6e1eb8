package de.offenekommune.node.project;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.api.ApiLists;
import de.offenekommune.node.api.Json;
import de.offenekommune.node.web.Inputs;

/**
 * Staff API for projects (under {@code /api/v1}, authenticated by the API filter). Phases and links
 * travel inside the project: a PUT with {@code phases} or {@code links} replaces them.
 */
public final class ProjectApi implements HttpService {
    private final ProjectService projects;
    private final String baseUrl;

    public ProjectApi(ProjectService projects, String baseUrl) {
        this.projects = projects;
        this.baseUrl = baseUrl;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/projects", this::list)
                .post("/projects", this::create)
                .get("/projects/{id}", this::get)
                .put("/projects/{id}", this::update)
                .delete("/projects/{id}", this::delete);
    }

    private static long id(ServerRequest req) {
        return Inputs.pathId(req.path().pathParameters().get("id"));
    }

    private void list(ServerRequest req, ServerResponse res) {
        int limit = ApiLists.limit(req);
        var found = projects.list(ProjectFilter.all().after(ApiLists.after(req)), limit + 1).stream()
                .map(s -> ProjectJson.item(s, baseUrl)).toList();
        Json.ok(res, ApiLists.page(found, limit, ProjectJson.ProjectListItem::id, "/api/v1/projects"));
    }

    private void create(ServerRequest req, ServerResponse res) {
        ProjectInput in = Json.read(req, ProjectInput.class);
        Project p = projects.create(in);
        Json.created(res, baseUrl + "/api/v1/projects/" + p.id(), ProjectJson.view(projects.forEditing(p.id()), baseUrl));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Json.ok(res, ProjectJson.view(projects.forEditing(id(req)), baseUrl));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = id(req);
        ProjectInput in = Json.read(req, ProjectInput.class);
        projects.update(id, in);
        Json.ok(res, ProjectJson.view(projects.forEditing(id), baseUrl));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        projects.delete(id(req));
        Json.noContent(res);
    }
}
