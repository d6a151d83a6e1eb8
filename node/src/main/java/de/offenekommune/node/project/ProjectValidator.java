package de.offenekommune.node.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.HtmlSanitizer;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Markdown;

/** Turns submitted project, phase, link and news input into checked data, or throws every field error at once. */
final class ProjectValidator {
    static final int TITLE = 200;
    static final int SUMMARY = 500;
    static final int TEXT = 50_000;
    static final int NAME = 200;
    static final int PHASE_TEXT = 2000;
    static final int MAX_PHASES = 20;
    static final int MAX_LINKS = 50;

    private ProjectValidator() {
    }

    record ProjectData(ProjectKind kind, String title, String summary, String description, String descriptionHtml,
                       String locationName, Double latitude, Double longitude, List<Topic> topics,
                       String department, List<PhaseData> phases, List<LinkData> links) {
    }

    record PhaseData(PhaseKind kind, String title, String description, LocalDate startsOn, LocalDate endsOn) {
    }

    record LinkData(String title, String url) {
    }

    record NewsData(String title, String summary, String body, String bodyHtml, Instant publishedAt) {
    }

    static ProjectData project(ProjectInput in) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        ProjectKind kind = Inputs.choice(errors, "kind", in.kind(), ProjectKind.class, true);
        String title = Inputs.text(errors, "title", in.title(), TITLE, true);
        String summary = Inputs.longText(errors, "summary", in.summary(), SUMMARY, true);
        String description = Inputs.longText(errors, "description", in.description(), TEXT, false);
        String location = Inputs.text(errors, "locationName", in.locationName(), NAME, false);
        Inputs.coordinates(errors, in.latitude(), in.longitude());
        List<Topic> topics = topics(errors, in.topics());
        String department = Inputs.text(errors, "department", in.department(), NAME, false);
        List<PhaseData> phases = null;
        if (in.phases() != null) {
            errors.check(in.phases().size() <= MAX_PHASES, "phases", "project.error.too-many-phases");
            phases = new ArrayList<>();
            for (int i = 0; i < in.phases().size(); i++) {
                phases.add(phase(errors, "phases[" + i + "].", in.phases().get(i)));
            }
        }
        List<LinkData> links = null;
        if (in.links() != null) {
            errors.check(in.links().size() <= MAX_LINKS, "links", "project.error.too-many-links");
            links = new ArrayList<>();
            for (int i = 0; i < in.links().size(); i++) {
                links.add(link(errors, "links[" + i + "].", in.links().get(i)));
            }
        }
        errors.throwIfAny();
        return new ProjectData(kind, title, summary, description, Markdown.toHtml(description), location,
                in.latitude(), in.longitude(), topics, department, phases, links);
    }

    private static List<Topic> topics(InvalidInput.Collector errors, List<String> names) {
        Set<Topic> topics = new LinkedHashSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            Topic t = Inputs.choice(errors, "topics", name, Topic.class, true);
            if (t != null) {
                topics.add(t);
            }
        }
        return List.copyOf(topics);
    }

    static PhaseData phase(ProjectInput.PhaseInput in) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        PhaseData data = phase(errors, "", in);
        errors.throwIfAny();
        return data;
    }

    private static PhaseData phase(InvalidInput.Collector errors, String prefix, ProjectInput.PhaseInput in) {
        if (in == null) {
            errors.check(false, prefix + "kind", "form.error.required");
            return null;
        }
        PhaseKind kind = Inputs.choice(errors, prefix + "kind", in.kind(), PhaseKind.class, true);
        String title = Inputs.text(errors, prefix + "title", in.title(), TITLE, false);
        String description = Inputs.longText(errors, prefix + "description", in.description(), PHASE_TEXT, false);
        LocalDate starts = Inputs.date(errors, prefix + "startsOn", in.startsOn(), true);
        LocalDate ends = Inputs.date(errors, prefix + "endsOn", in.endsOn(), true);
        errors.check(starts == null || ends == null || !ends.isBefore(starts), prefix + "endsOn",
                "form.error.end-before-start");
        return new PhaseData(kind, title == null ? "" : title, description, starts, ends);
    }

    static LinkData link(ProjectInput.LinkInput in) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        LinkData data = link(errors, "", in);
        errors.throwIfAny();
        return data;
    }

    private static LinkData link(InvalidInput.Collector errors, String prefix, ProjectInput.LinkInput in) {
        if (in == null) {
            errors.check(false, prefix + "url", "form.error.required");
            return null;
        }
        String title = Inputs.text(errors, prefix + "title", in.title(), TITLE, true);
        String url = Inputs.httpUrl(errors, prefix + "url", in.url(), true);
        return new LinkData(title, url);
    }

    static NewsData news(NewsInput in, Instant now) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String title = Inputs.text(errors, "title", in.title(), TITLE, true);
        String summary = Inputs.longText(errors, "summary", in.summary(), SUMMARY, false);
        String body = Inputs.longText(errors, "body", in.body(), TEXT, false);
        Instant published = Inputs.dateTime(errors, "publishedAt", in.publishedAt(), false);
        errors.check(!summary.isEmpty() || !body.isEmpty(), "summary", "project.error.news-empty");
        errors.throwIfAny();
        String html = Markdown.toHtml(body);
        // Mastodon shows only title and summary: a post without one gets a teaser of its text.
        String teaser = summary.isEmpty() ? HtmlSanitizer.teaser(HtmlSanitizer.text(html), SUMMARY) : summary;
        return new NewsData(title, teaser, body, html, published == null ? now : published);
    }
}
