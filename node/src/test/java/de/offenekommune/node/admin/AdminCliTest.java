package de.offenekommune.node.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/**
 * The operator's commands against a running node's database: the first admin of an empty node, a
 * new password for a locked-out admin, roles with the last-admin rule, and clear refusals.
 */
class AdminCliTest {
    private static final Pattern PASSWORD = Pattern.compile("\\): (\\S{20})$", Pattern.MULTILINE);
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("Neustadt");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    record Run(int code, String out, String err) {
    }

    private static Run admin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdminCli.run(node.app().config(), List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String password(Run run) {
        Matcher m = PASSWORD.matcher(run.out());
        assertTrue(m.find(), "a password is printed: " + run.out());
        return m.group(1);
    }

    @Test
    void theFirstAdminSignsInWithThePrintedPasswordAndALostPasswordIsReplaced() {
        Run created = admin("create-admin", "it@neustadt.example", "IT Neustadt");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().contains("Admin account created: it@neustadt.example (user name it_admin)"),
                created.out());
        String first = password(created);

        TestBrowser browser = node.browser().signIn("it@neustadt.example", first);
        assertEquals(200, browser.get("/admin/rollen").status(), "the new account is an admin");
        assertTrue(admin("list-staff").out().contains("admin\tit@neustadt.example\tit_admin\tIT Neustadt"));

        Run reset = admin("reset-password", "IT@neustadt.example");
        assertEquals(0, reset.code(), reset.err());
        String second = password(reset);
        assertTrue(!second.equals(first));
        assertEquals(303, browser.get("/admin/rollen").status(), "the old session has ended");
        assertThrows(AssertionError.class, () -> node.browser().signIn("it@neustadt.example", first));
        node.browser().signIn("it@neustadt.example", second);

        Run again = admin("create-admin", "it@neustadt.example", "Noch einmal");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("schon vergeben"), again.err());
    }

    @Test
    void rolesChangeButTheLastAdminKeepsTheRole() {
        node.components().accounts().createConfirmed("leitung@neustadt.example", "Leitung", "leitung",
                "ein-langes-passwort", Role.CITIZEN);
        Run promoted = admin("set-role", "leitung@neustadt.example", "admin");
        assertEquals(0, promoted.code(), promoted.err());
        assertTrue(promoted.out().contains("leitung@neustadt.example is now admin."));
        assertEquals(Role.ADMIN, node.components().accounts().byEmail("leitung@neustadt.example").orElseThrow().role());

        long admins = node.sql().count("SELECT count(*) FROM account WHERE role = 'ADMIN' AND deleted_at IS NULL");
        node.sql().update("UPDATE account SET role = 'STAFF' WHERE role = 'ADMIN' AND email <> 'leitung@neustadt.example'");
        Run demoted = admin("set-role", "leitung@neustadt.example", "citizen");
        assertEquals(1, demoted.code());
        assertTrue(demoted.err().contains("letzte Administratorin oder der letzte Administrator"), demoted.err());
        assertEquals(Role.ADMIN, node.components().accounts().byEmail("leitung@neustadt.example").orElseThrow().role(),
                "nothing changed");
        assertTrue(admins >= 1);
    }

    @Test
    void badInputIsRefusedWithAMessageAndWritesNothing() {
        long before = node.sql().count("SELECT count(*) FROM account");
        Run badEmail = admin("create-admin", "keine-adresse", "Jemand");
        assertEquals(1, badEmail.code());
        assertTrue(badEmail.err().contains("email: "), badEmail.err());

        Run unknown = admin("reset-password", "niemand@neustadt.example");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("No account with this e-mail address."), unknown.err());

        Run role = admin("set-role", "leitung@neustadt.example", "kaiser");
        assertEquals(2, role.code());
        assertTrue(role.err().contains("Unknown role kaiser"), role.err());

        Run command = admin("drop-everything");
        assertEquals(2, command.code());
        assertTrue(command.err().contains("usage: bin/offenekommune admin"), command.err());
        assertEquals(2, admin().code());
        assertEquals(2, admin("create-admin", "nur@adresse.example").code(), "missing display name");

        assertEquals(before, node.sql().count("SELECT count(*) FROM account"));
        assertEquals(200, node.browser().get("/").status(), "the node keeps serving");
    }

    @Test
    void userNamesFollowTheFormRules() {
        assertEquals("it_admin", AdminCli.usernameFrom("it@x.example"));
        assertEquals("anna_mueller", AdminCli.usernameFrom("Anna.Mueller@x.example"));
        assertEquals("abcdefghijabcdefghijabcdefghij", AdminCli.usernameFrom("abcdefghijabcdefghijabcdefghijXYZ@x.example"));
    }
}
