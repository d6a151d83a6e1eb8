package de.offenekommune.node.project;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.comment.CommentService;
import de.offenekommune.node.statement.StatementService;
import de.offenekommune.node.event.EventRepository;
import de.offenekommune.node.event.EventService;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyService;
import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** The public project pages: the filtered list, a project, its news. */
public final class ProjectPages implements HttpService {
    static final int PAGE_SIZE = 20;
    static final int NEWS_PAGE_SIZE = 20;
    static final int EVENTS_SHOWN = 10;
    static final int PAST_EVENTS_SHOWN = 5;
    static final int SURVEYS_SHOWN = 20;

    private final ProjectService projects;
    private final NewsService news;
    private final EventService events;
    private final SurveyService surveys;
    private final CommentService comments;
    private final StatementService statements;
    private final Pages pages;

    public ProjectPages(ProjectService projects, NewsService news, EventService events, SurveyService surveys,
                        CommentService comments, StatementService statements, Pages pages) {
        this.projects = projects;
        this.news = news;
        this.events = events;
        this.surveys = surveys;
        this.comments = comments;
        this.statements = statements;
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/projekte", this::list)
                .get("/projekte/{slug}", this::detail)
                .get("/projekte/{slug}/neuigkeiten", this::newsList)
                .get("/projekte/{slug}/neuigkeiten/{id}", this::newsDetail);
    }

    private void list(ServerRequest req, ServerResponse res) {
        ProjectFilter filter = new ProjectFilter(
                filter(req, "phase", PhaseKind::byCode),
                filter(req, "thema", Topic::byCode),
                filter(req, "art", ProjectKind::byCode),
                cursor(req));
        List<ProjectSummary> found = projects.list(filter, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<ProjectSummary> shown = more ? found.subList(0, PAGE_SIZE) : found;
        pages.render(req, res, "project/list.jte", "projects", shown, "filter", filter,
                "nextAfter", more ? shown.getLast().id() : 0L);
    }

    /** An unknown filter value is a bad link: 400 rather than silently showing everything. */
    private static <T> T filter(ServerRequest req, String name, Function<String, Optional<T>> byCode) {
        Optional<String> value = req.query().first(name).asOptional().filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return null;
        }
        return byCode.apply(value.get()).orElseThrow(() -> HttpError.badRequest("project.error.filter"));
    }

    static long cursor(ServerRequest req) {
        Optional<String> after = req.query().first("nach").asOptional().filter(v -> !v.isBlank());
        if (after.isEmpty()) {
            return 0;
        }
        try {
            long id = Long.parseLong(after.get());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpError.badRequest("form.error.bad-id");
    }

    private void detail(ServerRequest req, ServerResponse res) {
        ProjectDetail detail = projects.detail(req.path().pathParameters().get("slug"));
        long id = detail.project().id();
        ProjectParts present = detail.present();
        EventRepository.OfProject projectEvents = present.events()
                ? events.ofProject(id, EVENTS_SHOWN, PAST_EVENTS_SHOWN) : EventRepository.OfProject.NONE;
        List<Survey> projectSurveys = present.surveys() ? surveys.ofProject(id, SURVEYS_SHOWN) : List.of();
        pages.render(req, res, "project/detail.jte", "detail", detail, "upcoming", projectEvents.upcoming(),
                "past", projectEvents.past(),
                "surveys", projectSurveys, "now", events.now(), "thread", comments.thread(ProjectComments.PROJECT, id),
                "statements", statements.section(ProjectComments.PROJECT, id, VisitorFilter.of(req).verifiedOrganisation(),
                        present.statements()));
    }

    private void newsList(ServerRequest req, ServerResponse res) {
        Project project = projects.visible(req.path().pathParameters().get("slug"));
        List<News> found = news.published(project.id(), cursor(req), NEWS_PAGE_SIZE + 1);
        boolean more = found.size() > NEWS_PAGE_SIZE;
        List<News> shown = more ? found.subList(0, NEWS_PAGE_SIZE) : found;
        pages.render(req, res, "project/news-list.jte", "project", project, "news", shown,
                "nextAfter", more ? shown.getLast().id() : 0L);
    }

    private void newsDetail(ServerRequest req, ServerResponse res) {
        String slug = req.path().pathParameters().get("slug");
        News post = news.visible(slug, Inputs.pathId(req.path().pathParameters().get("id")));
        pages.render(req, res, "project/news.jte", "news", post, "thread",
                comments.thread(ProjectComments.NEWS, post.id()));
    }
}
