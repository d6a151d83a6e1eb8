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
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.addressee.AddresseeService;
import de.offenekommune.node.event.EventInput;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectInput;
import de.offenekommune.node.project.ProjectInput.PhaseInput;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.proposal.ProposalService;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyInput;
import de.offenekommune.node.survey.SurveyInput.QuestionInput;
import de.offenekommune.node.survey.SurveyService;
import de.offenekommune.node.web.Page;

/**
 * The smaller demo village Beispielheim ({@code node.demo-data: beispielheim}), Musterstadt's
 * neighbour in the three-towns example: three projects (a fire station, the village hall with a
 * survey, a building plan), a village meeting, two proposals with a support and a comment.
 * Dates are relative to today.
 */
final class DemoBeispielheim {
    private final NodeApp.Components c;
    private final Account staff;
    private final Account anna;
    private final Account jonas;
    private final LocalDate today;

    DemoBeispielheim(NodeApp.Components c, Account staff, Account anna, Account jonas) {
        this.c = c;
        this.staff = staff;
        this.anna = anna;
        this.jonas = jonas;
        this.today = LocalDate.now(c.clock().withZone(Page.ZONE));
    }

    void create() {
        Project feuerwehr = c.projects().create(new ProjectInput("CONSTRUCTION", "Neues Feuerwehrhaus Beispielheim",
                "Das alte Feuerwehrhaus ist zu klein. Am Ortsrand entsteht ein neues. Sagen Sie uns, was Sie dazu denken.",
                """
                Die Freiwillige Feuerwehr braucht mehr Platz für zwei neue Fahrzeuge und Umkleiden für alle.

                Das neue Haus steht am Ortsrand an der Kreisstraße. So sind die Einsatzkräfte schnell auf der Straße \
                und der Dorfplatz bleibt ruhig.""",
                "Kreisstraße, Ortsausgang Richtung Musterstadt", 51.2941, 9.5963, List.of("BUILDING", "ADMINISTRATION"),
                "Bauamt", List.of(phase("INFORMATION", "Vorstellung der Pläne", -40, -11),
                        phase("PARTICIPATION", "Fragen und Hinweise", -10, 30),
                        phase("IMPLEMENTATION", "Bau", 31, 400)), List.of()));
        Project dgh = c.projects().create(new ProjectInput("OTHER", "Dorfgemeinschaftshaus: Wer nutzt es wie?",
                "Das Dorfgemeinschaftshaus wird renoviert. Wir wollen wissen, wofür Sie es nutzen möchten.",
                "Vereine, Familien und Gruppen nutzen das Haus. Nach der Renovierung sollen die Räume besser passen.",
                "Dorfgemeinschaftshaus, Lindenplatz 2", 51.2918, 9.6069, List.of("CULTURE", "SOCIAL"), "Hauptamt",
                List.of(phase("PARTICIPATION", "Umfrage", -5, 40), phase("EVALUATION", "", 41, 80)), List.of()));
        c.projects().create(new ProjectInput("PLANNING", "Bebauungsplan „Am Sonnenhang“",
                "Am Sonnenhang sollen 24 Bauplätze für Einfamilien- und Doppelhäuser entstehen.",
                "Der Gemeinderat hat die Aufstellung beschlossen. Zuerst informieren wir über die Ziele.",
                "Am Sonnenhang", 51.2972, 9.6101, List.of("BUILDING", "ENVIRONMENT"), "Bauamt",
                List.of(phase("INFORMATION", "Frühzeitige Beteiligung", -3, 45)), List.of()));
        survey(dgh);
        Instant meeting = at(8, LocalTime.of(19, 30));
        c.eventService().create(new EventInput("Dorfversammlung zum Feuerwehrhaus",
                "Bürgermeisterin und Feuerwehr stellen die Pläne vor.",
                "Sie können Fragen stellen. Der Saal ist barrierefrei.", meeting.toString(),
                meeting.plus(Duration.ofHours(2)).toString(), "Dorfgemeinschaftshaus", "Lindenplatz 2, 12346 Beispielheim",
                51.2918, 9.6069, feuerwehr.id()));
        proposals();
    }

    private void survey(Project p) {
        Survey s = c.surveys().create(p.id(), new SurveyInput("Wofür nutzen Sie das Dorfgemeinschaftshaus?",
                "Die Umfrage dauert zwei Minuten.", at(-5, LocalTime.of(8, 0)).toString(),
                at(40, LocalTime.of(23, 59)).toString(), "AFTER_VOTING", true,
                List.of(new QuestionInput("SINGLE", "Wie oft sind Sie im Dorfgemeinschaftshaus?", true,
                                List.of("Jede Woche", "Jeden Monat", "Ein paar Mal im Jahr", "Nie")),
                        new QuestionInput("MULTIPLE", "Was fehlt Ihnen dort?", false,
                                List.of("Eine größere Küche", "Ein Raum für Jugendliche", "WLAN", "Ein Aufzug")))));
        SurveyService.SurveyWithQuestions sw = c.surveys().get(s.id());
        List<Question> q = sw.questions();
        c.responses().submit(sw, anna, Map.of(
                q.get(0).field(), List.of(String.valueOf(q.get(0).choices().get(1).id())),
                q.get(1).field(), List.of(String.valueOf(q.get(1).choices().get(1).id()))));
    }

    private void proposals() {
        var p = c.participation();
        long council = p.addressees().create(staff, new AddresseeService.Input("Gemeinderat Beispielheim", "COMMITTEE",
                "Entscheidet über alle wichtigen Fragen der Gemeinde.", "gemeinderat@beispielheim.example", ""));
        long buildingOffice = p.addressees().create(staff, new AddresseeService.Input("Bauamt", "DEPARTMENT",
                "Plant Wege, Plätze und gemeindliche Gebäude.", "bauamt@beispielheim.example", staff.username()));
        long bank = p.proposals().submit(anna, new ProposalService.Draft("Mitfahrbank nach Musterstadt",
                "Eine Mitfahrbank am Dorfplatz: Wer dort sitzt, möchte nach Musterstadt mitgenommen werden.",
                "Der Bus fährt am Wochenende nur zweimal am Tag. Eine Mitfahrbank hilft allen ohne Auto.",
                "TRANSPORT", "Dorfplatz", List.of(String.valueOf(council)), Tokens.random())).id();
        long shelf = p.proposals().submit(jonas, new ProposalService.Draft("Offener Bücherschrank am Lindenplatz",
                "Ein wetterfester Bücherschrank, in dem alle Bücher tauschen können.",
                "Viele haben Bücher übrig. Ein Bücherschrank bringt Menschen ins Gespräch.", "CULTURE", "Lindenplatz",
                List.of(String.valueOf(buildingOffice)), Tokens.random())).id();
        p.supports().support(jonas, bank);
        p.supports().support(anna, shelf);
        p.comments().add(jonas, ProposalRepository.KIND, bank, null,
                "Gute Idee! Am besten mit einem Schild, wohin man möchte.");
    }

    private PhaseInput phase(String kind, String title, int fromDays, int toDays) {
        return new PhaseInput(kind, title, "", today.plusDays(fromDays).toString(), today.plusDays(toDays).toString());
    }

    private Instant at(int days, LocalTime time) {
        return ZonedDateTime.of(today.plusDays(days), time, Page.ZONE).toInstant();
    }
}
