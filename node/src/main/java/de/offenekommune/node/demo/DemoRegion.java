package de.offenekommune.node.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import de.offenekommune.node.NodeApp;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.event.EventInput;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectInput;
import de.offenekommune.node.project.ProjectInput.PhaseInput;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyInput;
import de.offenekommune.node.survey.SurveyInput.QuestionInput;
import de.offenekommune.node.survey.SurveyService;
import de.offenekommune.node.web.Page;

/**
 * The region Musterkreis's own content ({@code node.demo-data: region}): two region-wide projects
 * (a cycle route between the member towns with a survey, the public transport plan) and a regional
 * conference. The members' content reaches the region by federation, not from here.
 */
final class DemoRegion {
    private final NodeApp.Components c;
    private final Account anna;
    private final Account jonas;
    private final LocalDate today;

    DemoRegion(NodeApp.Components c, Account anna, Account jonas) {
        this.c = c;
        this.anna = anna;
        this.jonas = jonas;
        this.today = LocalDate.now(c.clock().withZone(Page.ZONE));
    }

    void create() {
        Project route = c.projects().create(new ProjectInput("CONSTRUCTION", "Radschnellweg Musterstadt–Beispielheim",
                "Ein sicherer, beleuchteter Radweg verbindet Musterstadt und Beispielheim. Welche Route ist die beste?",
                """
                Der Kreis plant gemeinsam mit beiden Gemeinden einen 8 Kilometer langen Radschnellweg. \
                Zwei Routen sind möglich: entlang der Kreisstraße oder durch das Tal an der Aue.

                Bis zum Ende der Beteiligung können Sie die Routen bewerten.""",
                "zwischen Musterstadt und Beispielheim", 51.2741, 9.5573, List.of("TRANSPORT", "ENVIRONMENT"),
                "Kreisverwaltung, Straßenbau", List.of(phase("INFORMATION", "Machbarkeitsstudie", -90, -15),
                        phase("PARTICIPATION", "Routen bewerten", -14, 30),
                        phase("EVALUATION", "", 31, 90)), List.of()));
        c.projects().create(new ProjectInput("OTHER", "Nahverkehrsplan Musterkreis 2030",
                "Der Kreis schreibt den Nahverkehrsplan neu: Busse, Takt und Anschlüsse für alle Gemeinden.",
                "Im ersten Schritt erheben wir, wie Sie heute unterwegs sind. Danach folgt ein Entwurf.",
                null, null, null, List.of("TRANSPORT", "ADMINISTRATION"), "Kreisverwaltung, Nahverkehr",
                List.of(phase("INFORMATION", "Bestandsaufnahme", -20, 60)), List.of()));
        survey(route);
        Instant conference = ZonedDateTime.of(today.plusDays(14), LocalTime.of(17, 0), Page.ZONE).toInstant();
        c.eventService().create(new EventInput("Regionalkonferenz Mobilität",
                "Kreis und Gemeinden stellen die Pläne für Rad und Bus vor.",
                "Mit Vorträgen und Gesprächen an Thementischen. Alle sind eingeladen.", conference.toString(),
                conference.plus(Duration.ofHours(3)).toString(), "Kreishaus, Sitzungssaal",
                "Kreisplatz 1, 12345 Musterstadt", 51.2575, 9.5131, route.id()));
    }

    private void survey(Project p) {
        Survey s = c.surveys().create(p.id(), new SurveyInput("Welche Route soll der Radschnellweg nehmen?",
                "Eine Frage, eine Minute.", ZonedDateTime.of(today.minusDays(14), LocalTime.of(8, 0), Page.ZONE)
                        .toInstant().toString(),
                ZonedDateTime.of(today.plusDays(30), LocalTime.of(23, 59), Page.ZONE).toInstant().toString(),
                "AFTER_VOTING", true, List.of(new QuestionInput("SINGLE", "Welche Route ist Ihnen lieber?", true,
                        List.of("Entlang der Kreisstraße (kürzer)", "Durch das Tal an der Aue (ruhiger)")))));
        SurveyService.SurveyWithQuestions sw = c.surveys().get(s.id());
        Question q = sw.questions().getFirst();
        c.responses().submit(sw, anna, Map.of(q.field(), List.of(String.valueOf(q.choices().get(1).id()))));
        c.responses().submit(sw, jonas, Map.of(q.field(), List.of(String.valueOf(q.choices().get(0).id()))));
    }

    private PhaseInput phase(String kind, String title, int fromDays, int toDays) {
        return new PhaseInput(kind, title, "", today.plusDays(fromDays).toString(), today.plusDays(toDays).toString());
    }
}
