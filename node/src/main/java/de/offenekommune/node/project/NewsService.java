package de.offenekommune.node.project;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import io.helidon.http.Status;

import de.offenekommune.node.db.FormSubmissions;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HttpError;

/** News posts of projects. Callers have checked that the actor is staff. */
public final class NewsService {
    private final Sql sql;
    private final ProjectRepository projects;
    private final NewsRepository news;
    private final ContentEvents events;
    private final Clock clock;

    public NewsService(Sql sql, ProjectRepository projects, NewsRepository news, ContentEvents events, Clock clock) {
        this.sql = sql;
        this.projects = projects;
        this.news = news;
        this.events = events;
        this.clock = clock;
    }

    public News create(long projectId, NewsInput in) {
        return create(projectId, in, null);
    }

    /** @param key the form's one-time key: a repeat returns the post the first POST created */
    public News create(long projectId, NewsInput in, FormKey key) {
        Instant now = clock.instant();
        ProjectValidator.NewsData d = ProjectValidator.news(in, now);
        return sql.inTransaction(tx -> {
            OptionalLong earlier = FormSubmissions.claim(tx, key, "news", now);
            if (earlier.isPresent()) {
                return news.byId(tx, earlier.getAsLong()).orElseThrow();
            }
            if (!projects.touch(tx, projectId, now)) {
                throw HttpError.notFound();
            }
            long id = news.insert(tx, projectId, d, now);
            FormSubmissions.complete(tx, key, id);
            events.publish(tx, ContentEvent.Kind.NEWS, id, ContentEvent.Change.CREATED);
            return news.byId(tx, id).orElseThrow();
        });
    }

    public News update(long id, NewsInput in) {
        Instant now = clock.instant();
        ProjectValidator.NewsData d = ProjectValidator.news(in, now);
        return sql.inTransaction(tx -> {
            if (live(tx, id).deleted() || !news.update(tx, id, d, now)) {
                throw HttpError.notFound();
            }
            events.publish(tx, ContentEvent.Kind.NEWS, id, ContentEvent.Change.UPDATED);
            return news.byId(tx, id).orElseThrow();
        });
    }

    public News delete(long id) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            News n = live(tx, id);
            news.softDelete(tx, id, now);
            events.publish(tx, ContentEvent.Kind.NEWS, id, ContentEvent.Change.DELETED);
            return n;
        });
    }

    private News live(Sql tx, long id) {
        return news.byId(tx, id).filter(n -> !n.deleted()).orElseThrow(HttpError::notFound);
    }

    /** A post of a live project, including unpublished ones (staff and API). @throws HttpError 404 */
    public News byId(long id) {
        return live(sql, id);
    }

    /**
     * A post as the public sees it under its project's URL: 404 if unknown, not yet published or
     * under another project; 410 if it or its project was deleted.
     */
    public News visible(String projectSlug, long id) {
        News n = news.byId(sql, id).orElseThrow(HttpError::notFound);
        if (!n.projectSlug().equals(projectSlug) || n.publishedAt().isAfter(clock.instant())) {
            throw HttpError.notFound();
        }
        if (n.deleted()) {
            throw new HttpError(Status.GONE_410, "error.gone");
        }
        return n;
    }

    public List<News> published(long projectId, long afterId, int limit) {
        return news.published(sql, projectId, clock.instant(), afterId, limit);
    }

    public List<News> ofProject(long projectId, int limit) {
        return news.ofProject(sql, projectId, limit);
    }

    public List<News> latest(int limit) {
        return news.latest(sql, clock.instant(), limit);
    }
}
