package de.offenekommune.node.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.helidon.http.Status;

import de.offenekommune.node.db.FormSubmissions;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Page;

/**
 * Projects with their phases and links: the rules, each change in one transaction that also
 * publishes its {@link ContentEvent}. Callers have checked that the actor is staff.
 */
public final class ProjectService {
    static final int NEWS_ON_PAGE = 10;
    private static final int SLUG_ATTEMPTS = 20;

    private final Sql sql;
    private final ProjectRepository projects;
    private final ProjectPartsRepository parts;
    private final NewsRepository news;
    private final ContentEvents events;
    private final Clock clock;

    public ProjectService(Sql sql, ProjectRepository projects, ProjectPartsRepository parts, NewsRepository news,
                          ContentEvents events, Clock clock) {
        this.sql = sql;
        this.projects = projects;
        this.parts = parts;
        this.news = news;
        this.events = events;
        this.clock = clock;
    }

    /** The town's calendar day: phases start and end on local dates. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Page.ZONE));
    }

    /** @throws de.offenekommune.node.web.InvalidInput for bad fields; nothing is written then */
    public Project create(ProjectInput in) {
        return create(in, null);
    }

    /** @param key the form's one-time key: a repeat returns the project the first POST created */
    public Project create(ProjectInput in, FormKey key) {
        ProjectValidator.ProjectData d = ProjectValidator.project(in);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            OptionalLong earlier = FormSubmissions.claim(tx, key, "project", now);
            if (earlier.isPresent()) {
                return projects.byId(tx, earlier.getAsLong()).orElseThrow();
            }
            long id = insertWithFreeSlug(tx, d, now);
            FormSubmissions.complete(tx, key, id);
            replaceParts(tx, id, d);
            events.publish(tx, ContentEvent.Kind.PROJECT, id, ContentEvent.Change.CREATED);
            return projects.byId(tx, id).orElseThrow();
        });
    }

    /** Picks "titel", "titel-2", ...; a concurrent insert of the same slug just moves on to the next. */
    private long insertWithFreeSlug(Sql tx, ProjectValidator.ProjectData d, Instant now) {
        String base = Slugs.of(d.title());
        Set<String> taken = projects.takenSlugs(tx, base);
        int n = 1;
        for (int attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
            while (taken.contains(Slugs.candidate(base, n))) {
                n++;
            }
            Optional<Long> id = projects.insert(tx, Slugs.candidate(base, n), d, now);
            if (id.isPresent()) {
                return id.get();
            }
            taken.add(Slugs.candidate(base, n));
        }
        throw HttpError.conflict("project.error.slug");
    }

    /** Slug and URL stay as they are: the URL is the project's public identity. */
    public Project update(long id, ProjectInput in) {
        ProjectValidator.ProjectData d = ProjectValidator.project(in);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            if (!projects.update(tx, id, d, now)) {
                throw HttpError.notFound();
            }
            replaceParts(tx, id, d);
            events.publish(tx, ContentEvent.Kind.PROJECT, id, ContentEvent.Change.UPDATED);
            return projects.byId(tx, id).orElseThrow();
        });
    }

    private void replaceParts(Sql tx, long projectId, ProjectValidator.ProjectData d) {
        if (d.phases() != null) {
            parts.deletePhases(tx, projectId);
            d.phases().forEach(p -> parts.insertPhase(tx, projectId, p));
        }
        if (d.links() != null) {
            parts.deleteLinks(tx, projectId);
            d.links().forEach(l -> parts.insertLink(tx, projectId, l));
        }
    }

    /** Soft delete: the page then answers 410 Gone. */
    public void delete(long id) {
        Instant now = clock.instant();
        sql.runInTransaction(tx -> {
            if (!projects.softDelete(tx, id, now)) {
                throw HttpError.notFound();
            }
            events.publish(tx, ContentEvent.Kind.PROJECT, id, ContentEvent.Change.DELETED);
        });
    }

    public Phase addPhase(long projectId, ProjectInput.PhaseInput in) {
        return addPhase(projectId, in, null);
    }

    /** @param key the form's one-time key: a repeat returns the phase the first POST added */
    public Phase addPhase(long projectId, ProjectInput.PhaseInput in, FormKey key) {
        ProjectValidator.PhaseData d = ProjectValidator.phase(in);
        long id = addPart(projectId, key, "phase", tx -> parts.insertPhase(tx, projectId, d));
        return parts.phase(sql, id).orElseThrow();
    }

    public Phase updatePhase(long phaseId, ProjectInput.PhaseInput in) {
        ProjectValidator.PhaseData d = ProjectValidator.phase(in);
        Phase phase = parts.phase(sql, phaseId).orElseThrow(HttpError::notFound);
        return changeProject(phase.projectId(), tx -> {
            parts.updatePhase(tx, phaseId, d);
            return parts.phase(tx, phaseId).orElseThrow();
        });
    }

    public Phase deletePhase(long phaseId) {
        Phase phase = parts.phase(sql, phaseId).orElseThrow(HttpError::notFound);
        return changeProject(phase.projectId(), tx -> {
            parts.deletePhase(tx, phaseId);
            return phase;
        });
    }

    public ProjectLink addLink(long projectId, ProjectInput.LinkInput in) {
        return addLink(projectId, in, null);
    }

    /** @param key the form's one-time key: a repeat returns the link the first POST added */
    public ProjectLink addLink(long projectId, ProjectInput.LinkInput in, FormKey key) {
        ProjectValidator.LinkData d = ProjectValidator.link(in);
        long id = addPart(projectId, key, "link", tx -> parts.insertLink(tx, projectId, d));
        return parts.link(sql, id).orElseThrow();
    }

    /**
     * Adds a phase or link once per form key: a repeated POST finds the first one's part and changes
     * nothing, so followers get no second Update either.
     */
    private long addPart(long projectId, FormKey key, String kind, java.util.function.ToLongFunction<Sql> insert) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            OptionalLong earlier = FormSubmissions.claim(tx, key, kind, now);
            if (earlier.isPresent()) {
                return earlier.getAsLong();
            }
            if (!projects.touch(tx, projectId, now)) {
                throw HttpError.notFound();
            }
            long id = insert.applyAsLong(tx);
            FormSubmissions.complete(tx, key, id);
            events.publish(tx, ContentEvent.Kind.PROJECT, projectId, ContentEvent.Change.UPDATED);
            return id;
        });
    }

    public ProjectLink updateLink(long linkId, ProjectInput.LinkInput in) {
        ProjectValidator.LinkData d = ProjectValidator.link(in);
        ProjectLink link = parts.link(sql, linkId).orElseThrow(HttpError::notFound);
        return changeProject(link.projectId(), tx -> {
            parts.updateLink(tx, linkId, d);
            return parts.link(tx, linkId).orElseThrow();
        });
    }

    public ProjectLink deleteLink(long linkId) {
        ProjectLink link = parts.link(sql, linkId).orElseThrow(HttpError::notFound);
        return changeProject(link.projectId(), tx -> {
            parts.deleteLink(tx, linkId);
            return link;
        });
    }

    /** A change to a part is a change to the (live) project: bumps updated_at and publishes UPDATED. */
    private <T> T changeProject(long projectId, java.util.function.Function<Sql, T> change) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            if (!projects.touch(tx, projectId, now)) {
                throw HttpError.notFound();
            }
            T result = change.apply(tx);
            events.publish(tx, ContentEvent.Kind.PROJECT, projectId, ContentEvent.Change.UPDATED);
            return result;
        });
    }

    public Optional<Project> byId(long id) {
        return projects.byId(sql, id);
    }

    /** A live project by id. @throws HttpError 404 */
    public Project live(long id) {
        return projects.byId(sql, id).filter(p -> !p.deleted()).orElseThrow(HttpError::notFound);
    }

    /** The public page's data: 404 for an unknown slug, 410 for a deleted project. */
    public ProjectDetail detail(String slug) {
        ProjectRepository.WithParts found = projects.bySlugWithParts(sql, checkedSlug(slug))
                .orElseThrow(HttpError::notFound);
        Project p = visible(found.project());
        List<News> latest = found.present().news()
                ? news.published(sql, p.id(), clock.instant(), 0, NEWS_ON_PAGE + 1) : List.of();
        boolean more = latest.size() > NEWS_ON_PAGE;
        return new ProjectDetail(p, found.phases(), found.links(), more ? latest.subList(0, NEWS_ON_PAGE) : latest,
                more, today(), found.present());
    }

    /** A project a visitor may see. @throws HttpError 404 unknown, 410 deleted */
    public Project visible(String slug) {
        return visible(projects.bySlug(sql, checkedSlug(slug)).orElseThrow(HttpError::notFound));
    }

    private static String checkedSlug(String slug) {
        if (slug == null || slug.length() > 100) {
            throw HttpError.notFound();
        }
        return slug;
    }

    private static Project visible(Project p) {
        if (p.deleted()) {
            throw new HttpError(Status.GONE_410, "error.gone");
        }
        return p;
    }

    /** For staff pages: the project with all its parts, including news not yet published. */
    public ProjectDetail forEditing(long id) {
        Project p = live(id);
        return new ProjectDetail(p, parts.phases(sql, id), parts.links(sql, id), news.ofProject(sql, id, 200), false,
                today(), ProjectParts.ALL);
    }

    public Phase phase(long id) {
        return parts.phase(sql, id).orElseThrow(HttpError::notFound);
    }

    public ProjectLink link(long id) {
        return parts.link(sql, id).orElseThrow(HttpError::notFound);
    }

    public List<ProjectSummary> list(ProjectFilter filter, int limit) {
        return projects.page(sql, filter, today(), limit);
    }

    public List<ProjectSummary> current(int limit) {
        return projects.current(sql, today(), limit);
    }

    /** Recently changed live projects (the town feed). */
    public List<Project> recentlyUpdated(int limit) {
        return projects.recentlyUpdated(sql, limit);
    }

    public List<ProjectRepository.ProjectRef> refs() {
        return projects.refs(sql, 500);
    }
}
