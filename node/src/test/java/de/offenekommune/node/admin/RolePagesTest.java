package de.offenekommune.node.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

class RolePagesTest {
    private static TestNode node;
    private static Account admin;
    private static Account citizen;

    @BeforeAll
    static void start() {
        node = TestNode.start("Rollenstadt");
        admin = node.components().accounts().createConfirmed("admin@example.org", "Admin", "admin", "admin-passwort-1",
                Role.ADMIN);
        citizen = node.components().accounts().createConfirmed("citizen@example.org", "Carla", "carla",
                "citizen-passwort-1", Role.CITIZEN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private Role roleOf(Account account) {
        return node.components().accounts().byId(account.id()).orElseThrow().role();
    }

    @Test
    void citizenGets403AndChangesNothing() {
        TestBrowser browser = node.browser().signIn("citizen@example.org", "citizen-passwort-1");
        assertEquals(403, browser.get("/admin/rollen").status());
        var post = browser.post("/admin/rollen/" + citizen.id(), browser.withCsrf(Map.of("role", "ADMIN")));
        assertEquals(403, post.status());
        assertEquals(Role.CITIZEN, roleOf(citizen));
    }

    @Test
    void anonymousIsSentToLogin() {
        var r = node.browser().get("/admin/rollen");
        assertEquals(303, r.status());
        assertEquals("/anmelden?weiter=%2Fadmin%2Frollen", r.location());
    }

    @Test
    void adminSeesAccountsAndAssignsRoles() {
        TestBrowser browser = node.browser().signIn("admin@example.org", "admin-passwort-1");
        var list = browser.get("/admin/rollen");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("citizen@example.org"), list.body());
        var staff = browser.post("/admin/rollen/" + citizen.id(), browser.withCsrf(Map.of("role", "STAFF")));
        assertEquals(303, staff.status());
        assertEquals(Role.STAFF, roleOf(citizen));
        assertEquals(400, browser.post("/admin/rollen/" + citizen.id(), browser.withCsrf(Map.of("role", "KING"))).status());
        assertEquals(400, browser.post("/admin/rollen/abc", browser.withCsrf(Map.of("role", "STAFF"))).status());
        assertEquals(404, browser.post("/admin/rollen/999999", browser.withCsrf(Map.of("role", "STAFF"))).status());
        var demoteSelf = browser.post("/admin/rollen/" + admin.id(), browser.withCsrf(Map.of("role", "CITIZEN")));
        assertEquals(409, demoteSelf.status(), "the last admin keeps the role");
        assertEquals(Role.ADMIN, roleOf(admin));
        browser.post("/admin/rollen/" + citizen.id(), browser.withCsrf(Map.of("role", "CITIZEN")));
        assertEquals(Role.CITIZEN, roleOf(citizen));
    }

    @Test
    void roleChangeWithoutCsrfIsRefused() {
        TestBrowser browser = node.browser().signIn("admin@example.org", "admin-passwort-1");
        browser.get("/admin/rollen");
        assertEquals(403, browser.post("/admin/rollen/" + citizen.id(), Map.of("role", "ADMIN")).status());
        assertEquals(Role.CITIZEN, roleOf(citizen));
    }
}
