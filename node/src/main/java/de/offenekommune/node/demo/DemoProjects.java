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
import de.offenekommune.node.project.NewsInput;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectInput;
import de.offenekommune.node.project.ProjectInput.LinkInput;
import de.offenekommune.node.project.ProjectInput.PhaseInput;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyInput;
import de.offenekommune.node.survey.SurveyInput.QuestionInput;
import de.offenekommune.node.survey.SurveyService;
import de.offenekommune.node.web.Page;

/**
 * Musterstadt's projects for the demo: five projects in different phases and of different kinds,
 * with news, two events (one Bürgerversammlung) and an open survey with all three question kinds,
 * answered by the demo citizens. Dates are relative to today, so the demo always looks current.
 */
final class DemoProjects {
    private final NodeApp.Components c;
    private final Account anna;
    private final Account jonas;
    private final LocalDate today;

    DemoProjects(NodeApp.Components c, Account anna, Account jonas) {
        this.c = c;
        this.anna = anna;
        this.jonas = jonas;
        this.today = LocalDate.now(c.clock().withZone(Page.ZONE));
    }

    void create() {
        Project marktplatz = marktplatz();
        muehlbach();
        radverkehr();
        Project schule = grundschule();
        buergerhaushalt();
        event("Bürgerversammlung zur Neugestaltung des Marktplatzes", "Die drei Entwürfe werden vorgestellt.",
                """
                Das Planungsbüro stellt die drei Entwürfe vor. Danach können Sie Fragen stellen und mitdiskutieren.

                Der Saal ist barrierefrei erreichbar. Eine Gebärdensprachdolmetscherin ist anwesend.""",
                10, LocalTime.of(19, 0), Duration.ofHours(2), "Rathaus, Großer Saal", "Marktplatz 1, 12345 Musterstadt",
                51.2562, 9.5102, marktplatz);
        event("Tag der offenen Baustelle: Grundschule Lindenweg", "Schauen Sie sich die Sanierung an.",
                "Führungen um 10, 12 und 14 Uhr. Festes Schuhwerk ist nötig.", 17, LocalTime.of(10, 0),
                Duration.ofHours(5), "Grundschule Lindenweg", "Lindenweg 12, 12345 Musterstadt", 51.2601, 9.5003, schule);
    }

    private PhaseInput phase(String kind, String title, String description, int fromDays, int toDays) {
        return new PhaseInput(kind, title, description, today.plusDays(fromDays).toString(),
                today.plusDays(toDays).toString());
    }

    private Instant at(int days, LocalTime time) {
        return ZonedDateTime.of(today.plusDays(days), time, Page.ZONE).toInstant();
    }

    private void news(Project p, String title, String summary, String body, int daysAgo) {
        c.news().create(p.id(), new NewsInput(title, summary, body, at(-daysAgo, LocalTime.of(9, 30)).toString()));
    }

    private Project marktplatz() {
        Project p = c.projects().create(new ProjectInput("CONSTRUCTION", "Neugestaltung Marktplatz",
                "Der Marktplatz soll grüner, schattiger und barrierefrei werden. Sagen Sie uns, was Ihnen wichtig ist.",
                """
                Der Marktplatz ist das Herz von Musterstadt. Heute ist er vor allem ein Parkplatz. Im Sommer wird er \
                sehr heiß, und die Wege sind für Menschen mit Rollator oder Kinderwagen schwierig.

                ## Was geplant ist

                - mehr Bäume und Schatten
                - Bänke und ein Trinkbrunnen
                - ebene Wege ohne Stufen
                - Platz für den Wochenmarkt und für Feste

                Ein Planungsbüro hat **drei Entwürfe** gemacht. Sie können sie ansehen und bewerten.""",
                "Marktplatz", 51.2562, 9.5102, List.of("BUILDING", "TRANSPORT", "CULTURE"), "Stadtplanungsamt",
                List.of(phase("INFORMATION", "Bestandsaufnahme", "Wie wird der Platz heute genutzt?", -60, -22),
                        phase("PARTICIPATION", "Online-Beteiligung und Bürgerversammlung",
                                "Bewerten Sie die Entwürfe und sagen Sie uns Ihre Meinung.", -21, 25),
                        phase("EVALUATION", "", "Wir werten alle Beiträge aus.", 26, 70),
                        phase("IMPLEMENTATION", "Umbau", "", 71, 500)),
                List.of(new LinkInput("Die drei Entwürfe (PDF)", "https://www.musterstadt.example/marktplatz/entwuerfe.pdf"),
                        new LinkInput("Ratsbeschluss vom März", "https://www.musterstadt.example/rat/beschluss-marktplatz"))));
        news(p, "Die Beteiligung hat begonnen", "Ab heute können Sie die drei Entwürfe bewerten.",
                "Bis zum Ende der Beteiligung können Sie online mitmachen. Im Rathaus liegen die Pläne außerdem aus.", 21);
        news(p, "Schon 200 Rückmeldungen", "Vielen Dank für die vielen Beiträge!",
                "Besonders oft gewünscht: **mehr Schatten** und ein Trinkbrunnen.", 5);
        survey(p);
        return p;
    }

    private void survey(Project p) {
        Survey s = c.surveys().create(p.id(), new SurveyInput("Wie soll der neue Marktplatz werden?",
                "Die Umfrage dauert etwa drei Minuten. Ihre Antworten werden ohne Namen ausgewertet.",
                at(-21, LocalTime.of(8, 0)).toString(), at(25, LocalTime.of(23, 59)).toString(), "AFTER_VOTING", true,
                List.of(new QuestionInput("SINGLE", "Welcher Entwurf gefällt Ihnen am besten?", true,
                                List.of("Entwurf A: Platz mit Baumdach", "Entwurf B: Wasserspiel und Bänke",
                                        "Entwurf C: Offener Marktplatz", "Keiner davon")),
                        new QuestionInput("MULTIPLE", "Was ist Ihnen auf dem Marktplatz wichtig?", false,
                                List.of("Schatten", "Sitzplätze", "Trinkbrunnen", "Spielgeräte", "Fahrradständer",
                                        "Platz für Feste")),
                        new QuestionInput("TEXT", "Was möchten Sie uns noch sagen?", false, List.of()))));
        SurveyService.SurveyWithQuestions sw = c.surveys().get(s.id());
        List<Question> q = sw.questions();
        c.responses().submit(sw, anna, Map.of(
                q.get(0).field(), List.of(String.valueOf(q.get(0).choices().get(0).id())),
                q.get(1).field(), List.of(String.valueOf(q.get(1).choices().get(0).id()),
                        String.valueOf(q.get(1).choices().get(2).id())),
                q.get(2).field(), List.of("Bitte auch an Menschen mit Rollator denken.")));
        c.responses().submit(sw, jonas, Map.of(
                q.get(0).field(), List.of(String.valueOf(q.get(0).choices().get(1).id())),
                q.get(1).field(), List.of(String.valueOf(q.get(1).choices().get(4).id()))));
    }

    private void muehlbach() {
        Project p = c.projects().create(new ProjectInput("PLANNING", "Bebauungsplan Nr. 42 „Am Mühlbach“",
                "Am Mühlbach sollen etwa 120 Wohnungen entstehen, davon ein Drittel gefördert. Informieren Sie sich "
                        + "über den Planentwurf.",
                """
                Der Rat hat beschlossen, für das Gebiet am Mühlbach einen Bebauungsplan aufzustellen.

                Zuerst informieren wir über die Ziele (frühzeitige Beteiligung nach § 3 Abs. 1 BauGB). \
                Danach liegt der Entwurf öffentlich aus. Dann können Sie Stellungnahmen abgeben.""",
                "Am Mühlbach, nördlich der Bahnlinie", 51.2689, 9.5187, List.of("BUILDING", "ENVIRONMENT"),
                "Stadtplanungsamt",
                List.of(phase("INFORMATION", "Frühzeitige Öffentlichkeitsbeteiligung", "", -7, 30),
                        phase("PARTICIPATION", "Öffentliche Auslegung", "Stellungnahmen sind möglich.", 60, 91),
                        phase("EVALUATION", "Abwägung und Satzungsbeschluss", "", 92, 200)),
                List.of(new LinkInput("Vorentwurf (PDF)", "https://www.musterstadt.example/bplan42/vorentwurf.pdf"),
                        new LinkInput("Umweltbericht (PDF)", "https://www.musterstadt.example/bplan42/umwelt.pdf"))));
        news(p, "Vorentwurf veröffentlicht", "Der Vorentwurf für das Gebiet am Mühlbach ist online.",
                "Sie finden ihn unter den Links und Dokumenten.", 6);
    }

    private void radverkehr() {
        Project p = c.projects().create(new ProjectInput("OTHER", "Radverkehrskonzept 2030",
                "Wie kommen Sie sicher mit dem Rad durch Musterstadt? Ihre Hinweise werden gerade ausgewertet.",
                """
                Im Frühjahr haben über 600 Menschen Gefahrenstellen und Wünsche auf einer Karte eingetragen. \
                Jetzt werten wir alles aus. Im Herbst stellen wir den Entwurf des Konzepts vor.""",
                "ganzes Stadtgebiet", null, null, List.of("TRANSPORT", "ENVIRONMENT"), "Tiefbauamt, Verkehrsplanung",
                List.of(phase("INFORMATION", "", "", -150, -101), phase("PARTICIPATION", "Online-Karte", "", -100, -40),
                        phase("EVALUATION", "", "", -39, 40), phase("IMPLEMENTATION", "", "", 41, 1500)),
                List.of()));
        news(p, "Beteiligung abgeschlossen", "Danke für über 600 Hinweise!",
                "Die häufigsten Themen: Radwege an der Hauptstraße und sichere Abstellplätze am Bahnhof.", 38);
    }

    private Project grundschule() {
        Project p = c.projects().create(new ProjectInput("CONSTRUCTION", "Sanierung Grundschule Lindenweg",
                "Die Grundschule Lindenweg wird energetisch saniert und bekommt einen Aufzug. Die Arbeiten laufen.",
                """
                Neue Fenster, ein gedämmtes Dach und eine Photovoltaikanlage senken den Energieverbrauch. \
                Ein Aufzug macht die Schule barrierefrei.

                Der Unterricht findet während der Bauzeit in Containern auf dem Schulhof statt.""",
                "Grundschule Lindenweg", 51.2601, 9.5003, List.of("EDUCATION", "ENVIRONMENT"), "Hochbauamt",
                List.of(phase("INFORMATION", "Elternabende und Planung", "", -400, -181),
                        phase("IMPLEMENTATION", "Bauarbeiten", "", -180, 240)),
                List.of(new LinkInput("Bauzeitenplan", "https://www.musterstadt.example/schule-lindenweg/bauzeitenplan"))));
        news(p, "Das Dach ist fertig", "Die Dämmung und die Solaranlage sind eingebaut.",
                "Als Nächstes werden die Fenster getauscht. Das dauert etwa sechs Wochen.", 12);
        return p;
    }

    private void buergerhaushalt() {
        c.projects().create(new ProjectInput("BUDGET", "Bürgerhaushalt 2027",
                "Sie entscheiden mit, wofür 100.000 Euro im nächsten Haushalt ausgegeben werden.",
                "Ab dem Start können Sie Vorschläge machen und über Vorschläge abstimmen.",
                null, null, null, List.of("ADMINISTRATION", "SOCIAL"), "Kämmerei",
                List.of(phase("INFORMATION", "Vorstellung", "", 30, 44), phase("PARTICIPATION", "Vorschläge", "", 45, 90)),
                List.of()));
    }

    private void event(String title, String summary, String description, int inDays, LocalTime start, Duration length,
                       String place, String address, double lat, double lon, Project project) {
        Instant from = at(inDays, start);
        c.eventService().create(new EventInput(title, summary, description, from.toString(),
                from.plus(length).toString(), place, address, lat, lon, project.id()));
    }
}
