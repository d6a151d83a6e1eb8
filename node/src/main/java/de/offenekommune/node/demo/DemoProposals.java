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

    /** The demo citizens besides Anna and Jonas, and the council member with an account. */
    private record People(Account lena, Account murat, Account sophie, Account mueller) {
    }

    private record Addressees(long committee, long councillor, long building) {
    }

    private record Proposals(long radweg, long brunnen, long buecherei, long bluehwiese, long baenke, long termine) {
    }

    void create() {
        String domain = DemoSeeder.mailDomain(c);
        People people = new People(citizen("lena", "Lena Hoffmann", domain), citizen("murat", "Murat Yıldız", domain),
                citizen("sophie", "Sophie Wagner", domain), citizen("mueller", "Klaus Müller", domain));
        Addressees to = addressees(domain);
        Proposals made = proposals(people, to);
        supports(people, made);
        answers(people, made);
        discussions(people, made);
    }

    private Addressees addressees(String domain) {
        return new Addressees(
                addressee("Ausschuss für Umwelt und Verkehr", "COMMITTEE",
                        "Berät den Stadtrat zu Klimaschutz, Grünflächen, Radverkehr und Nahverkehr.", "umwelt@" + domain,
                        ""),
                addressee("Stadtrat Müller (Fraktion A)", "COUNCIL_MEMBER",
                        "Mitglied des Stadtrats und Sprecher für Kultur und Bildung.", "mueller@" + domain, "mueller"),
                addressee("Bauamt", "DEPARTMENT", "Plant und baut Straßen, Wege, Plätze und städtische Gebäude.",
                        "bauamt@" + domain, staff.username()));
    }

    private Proposals proposals(People people, Addressees to) {
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
                """, "TRANSPORT", "Bahnhofstraße / Lindenallee", to.committee(), to.building());
        long brunnen = proposal(jonas, "Trinkwasserbrunnen in der Innenstadt",
                "Zwei öffentliche Trinkbrunnen am Marktplatz und im Stadtpark, damit alle im Sommer Wasser bekommen.",
                "Die Sommer werden heißer. Ältere Menschen, Kinder und Wohnungslose brauchen kostenloses "
                        + "Trinkwasser. Viele Städte haben gute Erfahrungen mit Trinkbrunnen gemacht.",
                "ENVIRONMENT", "Marktplatz und Stadtpark", to.committee());
        long buecherei = proposal(anna, "Längere Öffnungszeiten der Stadtbücherei am Samstag",
                "Die Stadtbücherei soll samstags bis 16 Uhr statt bis 12 Uhr geöffnet sein.",
                "Wer unter der Woche arbeitet, schafft es kaum in die Bücherei. Samstags ist sie nur drei Stunden offen.",
                "CULTURE", "", to.councillor());
        long bluehwiese = proposal(people.lena(), "Blühwiesen statt Rasen auf städtischen Grünflächen",
                "Ein Teil der gemähten Rasenflächen soll zu Blühwiesen für Insekten werden.",
                "Blühwiesen sind gut für Bienen und Schmetterlinge und müssen seltener gemäht werden. "
                        + "Das spart auf Dauer auch Geld.", "ENVIRONMENT", "Grünflächen im Stadtgebiet", to.committee());
        long baenke = proposal(people.murat(), "Sitzbänke entlang des Mühlbachwegs",
                "Auf dem Mühlbachweg fehlen Bänke. Ältere Menschen brauchen unterwegs eine Pause.",
                "Der Mühlbachweg ist 2 Kilometer lang und hat keine einzige Bank. Alle 300 Meter eine Bank wäre gut.",
                "SOCIAL", "Mühlbachweg", to.building());
        long termine = proposal(people.sophie(), "Digitale Terminvergabe im Bürgerbüro",
                "Termine im Bürgerbüro sollen online buchbar sein, damit niemand lange warten muss.",
                "Heute muss man oft eine Stunde warten. Mit Online-Terminen wäre das vorbei.", "ADMINISTRATION", "",
                to.councillor());
        return new Proposals(radweg, brunnen, buecherei, bluehwiese, baenke, termine);
    }

    private void supports(People people, Proposals made) {
        support(made.radweg(), jonas, people.lena(), people.murat(), people.sophie());
        support(made.brunnen(), anna, people.lena(), people.sophie());
        support(made.bluehwiese(), anna, jonas, people.murat());
        support(made.baenke(), people.sophie(), people.lena());
        support(made.buecherei(), jonas);
    }

    private void answers(People people, Proposals made) {
        answer(staff, made.brunnen(), "ANSWERED", "ACCEPTED", """
                Vielen Dank für den Vorschlag. Der Ausschuss für Umwelt und Verkehr hat am 12. Mai beschlossen, \
                zwei Trinkbrunnen aufzustellen: am Marktplatz und am Eingang des Stadtparks.

                Die Brunnen werden **im Juni** angeschlossen und laufen von Mai bis September.""");
        answer(staff, made.bluehwiese(), "ANSWERED", "PARTLY", """
                Wir legen in diesem Jahr drei Blühwiesen im Stadtpark und an der Lindenallee an. Auf Spiel- und \
                Liegewiesen bleibt der Rasen, weil er dort gebraucht wird.""");
        answer(people.mueller(), made.buecherei(), "IN_REVIEW", null, null);
        answer(staff, made.termine(), "ANSWERED", "DONE", """
                Seit dem 1. April können Sie Termine im Bürgerbüro online buchen: \
                [Terminbuchung](https://www.musterstadt.example/termine).""");
    }

    private void discussions(People people, Proposals made) {
        Comment q = comment(people.lena(), made.radweg(), null,
                "Sehr gute Idee! An der Kreuzung Lindenallee bin ich schon fast angefahren worden.");
        Comment a = comment(people.murat(), made.radweg(), q,
                "Eine eigene Ampelphase würde viel helfen. In Nachbarstadt gibt es das schon.");
        comment(anna, made.radweg(), a, "Danke für den Hinweis, das nehme ich in den Vorschlag auf.");
        comment(jonas, made.radweg(), null, "Wichtig sind auch genug Fahrradbügel am Schulzentrum.");
        Comment b = comment(people.sophie(), made.baenke(), null,
                "Meine Mutter geht dort gern spazieren. Bänke würden ihr sehr helfen.");
        comment(people.lena(), made.baenke(), b, "Vielleicht auch mit Lehne und Armstützen?");
    }

    private Comment comment(Account author, long proposal, Comment parent, String text) {
        return p.comments().add(author, ProposalRepository.KIND, proposal, parent == null ? null : parent.id(), text);
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
