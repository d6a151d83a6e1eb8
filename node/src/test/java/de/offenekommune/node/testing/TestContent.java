package de.offenekommune.node.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.offenekommune.node.event.Event;
import de.offenekommune.node.event.EventInput;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.NewsInput;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectInput;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyInput;

/** Builds projects, news, events and surveys for tests through the node's services. */
public final class TestContent {
    private final TestNode node;

    public TestContent(TestNode node) {
        this.node = node;
    }

    public static ProjectInput.PhaseInput phase(String kind, LocalDate start, LocalDate end) {
        return new ProjectInput.PhaseInput(kind, "", "", start.toString(), end.toString());
    }

    public Project project(String title, String kind, List<String> topics, List<ProjectInput.PhaseInput> phases) {
        return node.components().projects().create(new ProjectInput(kind, title, "Kurzbeschreibung von " + title,
                "Beschreibung von **" + title + "**", null, null, null, topics, "Stadtplanungsamt", phases, List.of()));
    }

    public Project project(String title) {
        return project(title, "OTHER", List.of(), List.of());
    }

    public News news(Project p, String title, Instant publishedAt) {
        return node.components().news().create(p.id(), new NewsInput(title, "Zusammenfassung " + title,
                "Text zu " + title, publishedAt == null ? "" : publishedAt.toString()));
    }

    public Event event(Project p, String title, Instant start, Instant end) {
        return node.components().eventService().create(new EventInput(title, "", "Beschreibung", start.toString(),
                end.toString(), "Rathaus, Großer Saal", "Marktplatz 1, 12345 Musterstadt", null, null,
                p == null ? null : p.id()));
    }

    /** A survey with one question of each kind: single (Ja/Nein/Weiß nicht), multiple (A/B/C), free text. */
    public Survey survey(Project p, Instant opens, Instant closes, String visibility) {
        return node.components().surveys().create(p.id(), new SurveyInput("Umfrage " + p.title(), "Bitte mitmachen.",
                opens.toString(), closes.toString(), visibility, false, List.of(
                        new SurveyInput.QuestionInput("SINGLE", "Gefällt Ihnen der Entwurf?", true,
                                List.of("Ja", "Nein", "Weiß nicht")),
                        new SurveyInput.QuestionInput("MULTIPLE", "Was ist Ihnen wichtig?", false,
                                List.of("Bäume", "Bänke", "Brunnen")),
                        new SurveyInput.QuestionInput("TEXT", "Was möchten Sie noch sagen?", false, List.of()))));
    }
}
