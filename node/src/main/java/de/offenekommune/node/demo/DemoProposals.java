package de.offenekommune.node.demo;

import java.util.List;

import de.offenekommune.node.CitizenParticipation;
import de.offenekommune.node.NodeApp;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.addressee.AddresseeService;
import de.offenekommune.node.comment.Comment;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.proposal.ProposalService;

/**
 * Musterstadt's addressees, proposals (one of each status, one answered officially), supports from
 * demo citizens and a few threaded discussions, created through the services as citizens and staff would.
 */
final class DemoProposals {
    private final NodeApp.Components c;
    private final CitizenParticipation p;
    private final Account staff;
    private final Account anna;
    private final Account jonas;

    DemoProposals(NodeApp.Components c, Account staff, Account anna, Account jonas) {
        this.c = c;
        this.p = c.participation();
        this.staff = staff;
        this.anna = anna;
        this.jonas = jonas;
    }

    void create() {
        String domain = DemoSeeder.mailDomain(c.config().baseUrl().getHost());
        Account lena = citizen("lena", "Lena Hoffmann", domain);
        Account murat = citizen("murat", "Murat Yıldız", domain);
        Account sophie = citizen("sophie", "Sophie Wagner", domain);
        Account mueller = citizen("mueller", "Klaus Müller", domain);
        long committee = addressee("Ausschuss für Umwelt und Verkehr", "COMMITTEE",
                "Berät den Stadtrat zu Klimaschutz, Grünflächen, Radverkehr und Nahverkehr.", "umwelt@" + domain, "");
        long councillor = addressee("Stadtrat Müller (Fraktion A)", "COUNCIL_MEMBER",
                "Mitglied des Stadtrats und Sprecher für Kultur und Bildung.", "mueller@" + domain, "mueller");
        long building = addressee("Bauamt", "DEPARTMENT",
                "Plant und baut Straßen, Wege, Plätze und städtische Gebäude.", "bauamt@" + domain, staff.username());

        long radweg = proposal(anna, "Sichere Radverbindung zwischen Bahnhof und Schulzentrum",
                "Ein durchgehender, baulich getrennter Radweg vom Bahnhof zum Schulzentrum an der Lindenallee.",
                """
                Jeden Morgen fahren über 300 Schülerinnen und Schüler mit dem Rad vom Bahnhof zum Schulzentrum. \
                Auf der Bahnhofstraße gibt es nur einen schmalen Schutzstreifen, und an der Kreuzung Lindenallee \
                wird es gefährlich.

                Ich schlage vor:

                - einen baulich getrennten Radweg auf der Bahnhofstraße,
                - eine eigene Ampelphase für Radfahrende an der Lindenallee,
                - abschließbare Fahrradbügel am Schulzentrum.
                """, "VERKEHR", "Bahnhofstraße / Lindenallee", committee, building);
        long brunnen = proposal(jonas, "Trinkwasserbrunnen in der Innenstadt",
                "Zwei öffentliche Trinkbrunnen am Marktplatz und im Stadtpark, damit alle im Sommer Wasser bekommen.",
                "Die Sommer werden heißer. Ältere Menschen, Kinder und Wohnungslose brauchen kostenloses "
                        + "Trinkwasser. Viele Städte haben gute Erfahrungen mit Trinkbrunnen gemacht.",
                "UMWELT", "Marktplatz und Stadtpark", committee);
        long buecherei = proposal(anna, "Längere Öffnungszeiten der Stadtbücherei am Samstag",
                "Die Stadtbücherei soll samstags bis 16 Uhr statt bis 12 Uhr geöffnet sein.",
                "Wer unter der Woche arbeitet, schafft es kaum in die Bücherei. Samstags ist sie nur drei Stunden offen.",
                "KULTUR", "", councillor);
        long bluehwiese = proposal(lena, "Blühwiesen statt Rasen auf städtischen Grünflächen",
                "Ein Teil der gemähten Rasenflächen soll zu Blühwiesen für Insekten werden.",
                "Blühwiesen sind gut für Bienen und Schmetterlinge und müssen seltener gemäht werden. "
                        + "Das spart auf Dauer auch Geld.", "UMWELT", "Grünflächen im Stadtgebiet", committee);
        long baenke = proposal(murat, "Sitzbänke entlang des Mühlbachwegs",
                "Auf dem Mühlbachweg fehlen Bänke. Ältere Menschen brauchen unterwegs eine Pause.",
                "Der Mühlbachweg ist 2 Kilometer lang und hat keine einzige Bank. Alle 300 Meter eine Bank wäre gut.",
                "SOZIALES", "Mühlbachweg", building);
        long termine = proposal(sophie, "Digitale Terminvergabe im Bürgerbüro",
                "Termine im Bürgerbüro sollen online buchbar sein, damit niemand lange warten muss.",
                "Heute muss man oft eine Stunde warten. Mit Online-Terminen wäre das vorbei.", "VERWALTUNG", "",
                councillor);

        support(radweg, jonas, lena, murat, sophie);
        support(brunnen, anna, lena, sophie);
        support(bluehwiese, anna, jonas, murat);
        support(baenke, sophie, lena);
        support(buecherei, jonas);

        answer(staff, brunnen, "ANSWERED", "ACCEPTED", """
                Vielen Dank für den Vorschlag. Der Ausschuss für Umwelt und Verkehr hat am 12. Mai beschlossen, \
                zwei Trinkbrunnen aufzustellen: am Marktplatz und am Eingang des Stadtparks.

                Die Brunnen werden **im Juni** angeschlossen und laufen von Mai bis September.""");
        answer(staff, bluehwiese, "ANSWERED", "PARTLY", """
                Wir legen in diesem Jahr drei Blühwiesen im Stadtpark und an der Lindenallee an. Auf Spiel- und \
                Liegewiesen bleibt der Rasen, weil er dort gebraucht wird.""");
        answer(mueller, buecherei, "IN_REVIEW", null, null);
        answer(staff, termine, "ANSWERED", "DONE", """
                Seit dem 1. April können Sie Termine im Bürgerbüro online buchen: \
                [Terminbuchung](https://www.musterstadt.example/termine).""");

        Comment q = p.comments().add(lena, ProposalRepository.KIND, radweg, null,
                "Sehr gute Idee! An der Kreuzung Lindenallee bin ich schon fast angefahren worden.");
        Comment a = p.comments().add(murat, ProposalRepository.KIND, radweg, q.id(),
                "Eine eigene Ampelphase würde viel helfen. In Nachbarstadt gibt es das schon.");
        p.comments().add(anna, ProposalRepository.KIND, radweg, a.id(),
                "Danke für den Hinweis, das nehme ich in den Vorschlag auf.");
        p.comments().add(jonas, ProposalRepository.KIND, radweg, null,
                "Wichtig sind auch genug Fahrradbügel am Schulzentrum.");
        Comment b = p.comments().add(sophie, ProposalRepository.KIND, baenke, null,
                "Meine Mutter geht dort gern spazieren. Bänke würden ihr sehr helfen.");
        p.comments().add(lena, ProposalRepository.KIND, baenke, b.id(), "Vielleicht auch mit Lehne und Armstützen?");
    }

    private Account citizen(String username, String name, String domain) {
        return c.accounts().createConfirmed(username + "@" + domain, name, username, DemoSeeder.DEMO_PASSWORD,
                Role.CITIZEN);
    }

    private long addressee(String name, String kind, String description, String email, String account) {
        return p.addressees().create(staff, new AddresseeService.Input(name, kind, description, email, account));
    }

    private long proposal(Account author, String title, String summary, String body, String topic, String location,
                          long... addressees) {
        List<String> ids = java.util.Arrays.stream(addressees).mapToObj(String::valueOf).toList();
        return p.proposals().submit(author, new ProposalService.Draft(title, summary, body, topic, location, ids,
                Tokens.random())).id();
    }

    private void support(long proposal, Account... supporters) {
        for (Account a : supporters) {
            p.supports().support(a, proposal);
        }
    }

    private void answer(Account by, long proposal, String status, String outcome, String text) {
        p.proposals().changeStatus(by, proposal, new ProposalService.StatusChange(status, outcome, text));
    }
}
