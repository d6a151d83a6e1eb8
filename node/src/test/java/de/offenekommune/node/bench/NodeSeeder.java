package de.offenekommune.node.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.offenekommune.node.NodeApp;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.addressee.AddresseeService;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectComments;
import de.offenekommune.node.project.ProjectInput;
import de.offenekommune.node.project.ProjectInput.PhaseInput;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.proposal.ProposalService;

/**
 * Fills a benchmark town through the node's own services (validation, Markdown, search vectors,
 * content events and ActivityPub activities included, as if citizens and staff had done it):
 * citizens, addressees, a dozen projects, one project with a long discussion, and many proposals.
 */
final class NodeSeeder {
    static final String PASSWORD = "Bench-Passwort-2026";
    private static final int CITIZENS = 20;
    private static final int THREADS = 4;
    private static final String[] TOPICS = {"TRANSPORT", "ENVIRONMENT", "BUILDING", "EDUCATION", "SOCIAL", "CULTURE",
        "SPORT", "HEALTH"};
    private static final String[][] IDEAS = {
        {"Sicherer Radweg an der Straße %d", "Ein baulich getrennter Radweg macht den Schulweg sicher.", "Radweg"},
        {"Mehr Bäume im Quartier %d", "Straßenbäume spenden Schatten und kühlen im Sommer die Wohnstraßen.", "Bäume"},
        {"Barrierefreie Haltestelle Nummer %d", "Ein höherer Bordstein hilft beim Einsteigen mit Rollator.", "Haltestelle"},
        {"Sanierung der Turnhalle %d", "Die Halle braucht neue Fenster und eine dichte Dachfläche.", "Turnhalle"},
        {"Treffpunkt für Jugendliche %d", "Ein überdachter Platz mit Bänken, an dem sich Jugendliche treffen können.", "Jugend"},
        {"Öffentliches Bücherregal %d", "Ein offenes Regal zum Tauschen von Büchern am Marktplatz.", "Bücher"},
        {"Beleuchtung am Fußweg %d", "Der Weg zum Bahnhof ist abends dunkel und wirkt unsicher.", "Beleuchtung"},
        {"Trinkbrunnen am Spielplatz %d", "Kostenloses Trinkwasser für Kinder und Eltern im Sommer.", "Trinkbrunnen"},
    };

    private final NodeApp.Components c;
    private final LocalDate today;

    NodeSeeder(NodeApp.Components c) {
        this.c = c;
        this.today = c.projects().today();
    }

    Map<String, Object> seed(int proposals, int comments) {
        Account staff = c.accounts().createConfirmed("staff@bench.test", "Sachbearbeitung", "staff", PASSWORD, Role.STAFF);
        List<Account> citizens = new ArrayList<>();
        for (int i = 0; i < CITIZENS; i++) {
            citizens.add(c.accounts().createConfirmed("buerger" + i + "@bench.test", "Bürgerin " + i, "buerger" + i,
                    PASSWORD, Role.CITIZEN));
        }
        List<String> addressees = addressees(staff);
        for (int i = 1; i < 12; i++) {
            project("Projekt %d im Stadtteil".formatted(i), i);
        }
        Project main = project("Neugestaltung Marktplatz", 0);
        discussion(main.id(), comments, citizens);
        long[] range = proposals(proposals, citizens, addressees);
        Map<String, Object> seeded = new LinkedHashMap<>();
        seeded.put("projectSlug", main.slug());
        seeded.put("projectId", main.id());
        seeded.put("firstProposal", range[0]);
        seeded.put("lastProposal", range[1]);
        seeded.put("citizenEmail", citizens.getFirst().email());
        seeded.put("password", PASSWORD);
        seeded.put("searchWord", "Radweg");
        return seeded;
    }

    private List<String> addressees(Account staff) {
        var service = c.participation().addressees();
        return List.of(
                String.valueOf(service.create(staff, new AddresseeService.Input("Ausschuss für Umwelt und Verkehr",
                        "COMMITTEE", "Berät den Rat zu Verkehr und Grünflächen.", "", ""))),
                String.valueOf(service.create(staff, new AddresseeService.Input("Bauamt", "DEPARTMENT",
                        "Plant Straßen, Wege und Plätze.", "", ""))),
                String.valueOf(service.create(staff, new AddresseeService.Input("Stadträtin Berger", "COUNCIL_MEMBER",
                        "Sprecherin für Soziales.", "", ""))));
    }

    private Project project(String title, int n) {
        return c.projects().create(new ProjectInput(n % 2 == 0 ? "CONSTRUCTION" : "PLANNING", title,
                "Der Platz soll grüner, schattiger und barrierefrei werden. Sagen Sie uns, was Ihnen wichtig ist.",
                """
                Der Platz ist das Herz des Stadtteils. Heute ist er vor allem ein Parkplatz.

                ## Was geplant ist

                - mehr Bäume und Schatten
                - Sitzgelegenheiten ohne Konsumzwang
                - ebene Wege für Rollator und Kinderwagen
                """, "Marktplatz", 51.26 + n / 100.0, 9.51, List.of("BUILDING", "ENVIRONMENT"), "Stadtplanungsamt",
                List.of(phase("INFORMATION", -60, -31), phase("PARTICIPATION", -30, 30), phase("EVALUATION", 31, 90)),
                List.of()));
    }

    private PhaseInput phase(String kind, int from, int to) {
        return new PhaseInput(kind, "", "", today.plusDays(from).toString(), today.plusDays(to).toString());
    }

    /** Three of four comments start a thread, the rest answer an earlier one. */
    private void discussion(long projectId, int count, List<Account> citizens) {
        var service = c.participation().comments();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long parent = i % 4 == 3 ? ids.get(i / 2) : null;
            String body = "Beitrag %d: Ich wünsche mir **mehr Schatten** und Bänke ohne Konsumzwang. Am Brunnen könnte "
                    .formatted(i + 1) + "ein Wasserspiel für Kinder entstehen, und die Wege sollten eben sein.";
            ids.add(service.add(citizens.get(i % citizens.size()), ProjectComments.PROJECT, projectId, parent, body).id());
        }
    }

    /** In parallel, as many citizens would; every twentieth gets a comment. Returns the first and last id. */
    private long[] proposals(int count, List<Account> citizens, List<String> addressees) {
        List<Future<long[]>> parts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    long first = Long.MAX_VALUE;
                    long last = 0;
                    for (int i = thread; i < count; i += THREADS) {
                        long id = proposal(i, citizens, addressees);
                        first = Math.min(first, id);
                        last = Math.max(last, id);
                    }
                    return new long[] {first, last};
                }));
            }
            long first = Long.MAX_VALUE;
            long last = 0;
            for (Future<long[]> part : parts) {
                first = Math.min(first, part.get()[0]);
                last = Math.max(last, part.get()[1]);
            }
            return new long[] {first, last};
        } catch (Exception e) {
            throw new IllegalStateException("seeding proposals failed", e);
        }
    }

    private long proposal(int i, List<Account> citizens, List<String> addressees) {
        String[] idea = IDEAS[i % IDEAS.length];
        Account author = citizens.get(i % citizens.size());
        long id = c.participation().proposals().submit(author, new ProposalService.Draft(idea[0].formatted(i + 1),
                idea[1], idea[1] + "\n\nDas würde vielen Menschen im Alltag helfen. Ich bitte darum, den Vorschlag "
                        + "zu prüfen.", TOPICS[i % TOPICS.length], "Stadtteil " + (i % 12 + 1),
                addressees.subList(0, 1 + i % 2), UUID.randomUUID().toString())).id();
        if (i % 20 == 0) {
            c.participation().comments().add(citizens.get((i + 1) % citizens.size()), ProposalRepository.KIND, id,
                    null, "Gute Idee, das unterstütze ich.");
        }
        return id;
    }
}
