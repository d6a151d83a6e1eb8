package de.offenekommune.node.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.offenekommune.node.topic.Topic;

/** How the staff API shows projects and news. */
final class ProjectJson {
    private ProjectJson() {
    }

    record ProjectView(long id, String slug, String url, ProjectKind kind, String title, String summary,
                       String description, String descriptionHtml, String locationName, Double latitude,
                       Double longitude, List<Topic> topics, String department, List<PhaseView> phases,
                       List<LinkView> links, Instant createdAt, Instant updatedAt) {
    }

    record ProjectListItem(long id, String slug, String url, ProjectKind kind, String title, String summary,
                           List<Topic> topics, PhaseKind currentPhase, Instant updatedAt) {
    }

    record PhaseView(long id, PhaseKind kind, String title, String description, LocalDate startsOn,
                     LocalDate endsOn) {
    }

    record LinkView(long id, String title, String url) {
    }

    record NewsView(long id, long projectId, String url, String title, String summary, String body, String bodyHtml,
                    Instant publishedAt, Instant createdAt, Instant updatedAt) {
    }

    static ProjectView view(ProjectDetail d, String baseUrl) {
        Project p = d.project();
        return new ProjectView(p.id(), p.slug(), baseUrl + p.path(), p.kind(), p.title(), p.summary(), p.description(),
                p.descriptionHtml(), p.locationName(), p.latitude(), p.longitude(), p.topics(), p.department(),
                d.phases().stream().map(ph -> new PhaseView(ph.id(), ph.kind(), ph.title(), ph.description(),
                        ph.startsOn(), ph.endsOn())).toList(),
                d.links().stream().map(l -> new LinkView(l.id(), l.title(), l.url())).toList(),
                p.createdAt(), p.updatedAt());
    }

    static ProjectListItem item(ProjectSummary s, String baseUrl) {
        return new ProjectListItem(s.id(), s.slug(), baseUrl + s.path(), s.kind(), s.title(), s.summary(), s.topics(),
                s.currentPhase() == null ? null : s.currentPhase().kind(), s.updatedAt());
    }

    static NewsView view(News n, String baseUrl) {
        return new NewsView(n.id(), n.projectId(), baseUrl + n.path(), n.title(), n.summary(), n.body(), n.bodyHtml(),
                n.publishedAt(), n.createdAt(), n.updatedAt());
    }
}
