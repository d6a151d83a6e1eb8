package de.offenekommune.node.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.project.News;
import de.offenekommune.node.project.NewsService;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectService;
import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** Atom feeds: the town's projects and news ({@code /feed.atom}) and one project's news. */
public final class FeedPages implements HttpService {
    static final int ENTRIES = 50;

    private final ProjectService projects;
    private final NewsService news;
    private final Pages pages;
    private final String baseUrl;

    public FeedPages(ProjectService projects, NewsService news, Pages pages, String baseUrl) {
        this.projects = projects;
        this.news = news;
        this.pages = pages;
        this.baseUrl = baseUrl;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/feed.atom", this::town)
                .get("/projekte/{slug}/feed.atom", this::project);
    }

    private void town(ServerRequest req, ServerResponse res) {
        Messages msg = Messages.of(VisitorFilter.of(req).locale());
        List<AtomEntry> entries = new ArrayList<>();
        projects.recentlyUpdated(ENTRIES).forEach(p -> entries.add(entry(p)));
        news.latest(ENTRIES).forEach(n -> entries.add(entry(n)));
        entries.sort(Comparator.comparing(AtomEntry::updated).reversed());
        List<AtomEntry> shown = entries.subList(0, Math.min(ENTRIES, entries.size()));
        String town = pages.site().name();
        send(res, new AtomWriter.Feed(baseUrl + "/feed.atom", baseUrl + "/projekte",
                msg.get("feed.town-title", town), msg.get("feed.town-subtitle", town), town, newest(shown), shown));
    }

    private void project(ServerRequest req, ServerResponse res) {
        Messages msg = Messages.of(VisitorFilter.of(req).locale());
        Project p = projects.visible(req.path().pathParameters().get("slug"));
        List<AtomEntry> entries = new ArrayList<>();
        entries.add(entry(p));
        news.published(p.id(), 0, ENTRIES).forEach(n -> entries.add(entry(n)));
        entries.sort(Comparator.comparing(AtomEntry::updated).reversed());
        send(res, new AtomWriter.Feed(baseUrl + p.path() + "/feed.atom", baseUrl + p.path(),
                msg.get("feed.project-title", p.title()), p.summary(), pages.site().name(), newest(entries), entries));
    }

    private AtomEntry entry(Project p) {
        return new AtomEntry(baseUrl + p.path(), p.title(), p.summary(), p.descriptionHtml(), p.createdAt(),
                p.updatedAt());
    }

    /** A post scheduled ahead counts as changed when it appears, not when it was written. */
    private AtomEntry entry(News n) {
        Instant updated = n.updatedAt().isAfter(n.publishedAt()) ? n.updatedAt() : n.publishedAt();
        return new AtomEntry(baseUrl + n.path(), n.title(), n.summary(), n.bodyHtml(), n.publishedAt(), updated);
    }

    private static Instant newest(List<AtomEntry> entries) {
        return entries.stream().map(AtomEntry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static void send(ServerResponse res, AtomWriter.Feed feed) {
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/atom+xml; charset=UTF-8"));
        res.send(AtomWriter.write(feed));
    }
}
