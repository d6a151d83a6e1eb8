package de.offenekommune.node.project;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.api.Json;
import de.offenekommune.node.web.Inputs;

/** Staff API for news posts (under {@code /api/v1}). */
public final class NewsApi implements HttpService {
    static final int LIST_LIMIT = 200;

    private final ProjectService projects;
    private final NewsService news;
    private final String baseUrl;

    public NewsApi(ProjectService projects, NewsService news, String baseUrl) {
        this.projects = projects;
        this.news = news;
        this.baseUrl = baseUrl;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/projects/{id}/news", this::list)
                .post("/projects/{id}/news", this::create)
                .get("/news/{id}", this::get)
                .put("/news/{id}", this::update)
                .delete("/news/{id}", this::delete);
    }

    private static long id(ServerRequest req) {
        return Inputs.pathId(req.path().pathParameters().get("id"));
    }

    /** All posts of the project (also scheduled ones), newest first, at most 200. */
    private void list(ServerRequest req, ServerResponse res) {
        Project p = projects.live(id(req));
        Json.ok(res, new de.offenekommune.node.api.ApiLists.Page<>(news.ofProject(p.id(), LIST_LIMIT).stream()
                .map(n -> ProjectJson.view(n, baseUrl)).toList(), null));
    }

    private void create(ServerRequest req, ServerResponse res) {
        long projectId = id(req);
        NewsInput in = Json.read(req, NewsInput.class);
        News n = news.create(projectId, in);
        Json.created(res, baseUrl + "/api/v1/news/" + n.id(), ProjectJson.view(n, baseUrl));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Json.ok(res, ProjectJson.view(news.byId(id(req)), baseUrl));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = id(req);
        NewsInput in = Json.read(req, NewsInput.class);
        Json.ok(res, ProjectJson.view(news.update(id, in), baseUrl));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        news.delete(id(req));
        Json.noContent(res);
    }
}
