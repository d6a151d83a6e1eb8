package de.offenekommune.node.testing;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.addressee.Addressee;
import de.offenekommune.node.addressee.AddresseeService;
import de.offenekommune.node.proposal.ProposalService;

/**
 * The named cast of Musterstadt for participation tests: citizens, staff, an admin, a council member
 * with an account, and three addressees. Everything is created through the services.
 */
public final class Fixtures {
    public static final String PASSWORD = "test-passwort-1";
    private static final Pattern FORM_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    private Fixtures() {
    }

    /**
     * @param mueller the account linked to the addressee {@code stadtrat}
     */
    public record Cast(Account anna, Account ben, Account carla, Account dora, Account staff, Account admin,
                       Account mueller, Addressee bauamt, Addressee umwelt, Addressee stadtrat) {
    }

    public static Cast musterstadt(TestNode node) {
        var accounts = node.components().accounts();
        Account anna = accounts.createConfirmed("anna@example.org", "Anna Schmidt", "anna", PASSWORD, Role.CITIZEN);
        Account ben = accounts.createConfirmed("ben@example.org", "Ben Becker", "ben", PASSWORD, Role.CITIZEN);
        Account carla = accounts.createConfirmed("carla@example.org", "Carla Klein", "carla", PASSWORD, Role.CITIZEN);
        Account dora = accounts.createConfirmed("dora@example.org", "Dora Wolf", "dora", PASSWORD, Role.CITIZEN);
        Account staff = accounts.createConfirmed("verwaltung@example.org", "Petra Amtmann", "verwaltung", PASSWORD,
                Role.STAFF);
        Account admin = accounts.createConfirmed("admin@example.org", "Admin Istrator", "admin", PASSWORD, Role.ADMIN);
        Account mueller = accounts.createConfirmed("mueller@example.org", "Hans Müller", "mueller", PASSWORD,
                Role.CITIZEN);
        AddresseeService addressees = node.components().participation().addressees();
        Addressee bauamt = addressee(addressees, staff, new AddresseeService.Input("Bauamt", "DEPARTMENT",
                "Plant und baut Straßen, Wege und Gebäude.", "bauamt@example.org", ""));
        Addressee umwelt = addressee(addressees, staff, new AddresseeService.Input("Ausschuss für Umwelt und Verkehr",
                "COMMITTEE", "Berät den Stadtrat zu Umwelt und Verkehr.", "umwelt@example.org", ""));
        Addressee stadtrat = addressee(addressees, staff, new AddresseeService.Input("Stadtrat Müller (Fraktion A)",
                "COUNCIL_MEMBER", "", "stadtrat.mueller@example.org", "mueller"));
        return new Cast(anna, ben, carla, dora, staff, admin, mueller, bauamt, umwelt, stadtrat);
    }

    private static Addressee addressee(AddresseeService service, Account staff, AddresseeService.Input input) {
        return service.byId(service.create(staff, input)).orElseThrow();
    }

    /** A proposal through the service, as if submitted by the form. */
    public static long proposal(TestNode node, Account author, String title, Addressee... to) {
        List<String> ids = Arrays.stream(to).map(a -> String.valueOf(a.id())).toList();
        return node.components().participation().proposals().submit(author, new ProposalService.Draft(title,
                "Eine kurze Zusammenfassung von „" + title + "“.", "Der Text zu **" + title + "**.", "TRANSPORT",
                "", ids, Tokens.random())).id();
    }

    /** The one-time value of a proposal form page. */
    public static String formKey(String html) {
        Matcher m = FORM_KEY.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form key on the page");
        }
        return m.group(1);
    }
}
