package de.offenekommune.node.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.TestNode;

class StaffDashboardPagesTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("Dashboardstadt");
        var accounts = node.components().accounts();
        accounts.createConfirmed("c@example.org", "Carla", "carla", "passwort-carla", Role.CITIZEN);
        accounts.createConfirmed("s@example.org", "Sven", "sven", "passwort-sven1", Role.STAFF);
        accounts.createConfirmed("a@example.org", "Ada", "ada", "passwort-ada12", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void toolsDependOnTheRole() {
        assertEquals(303, node.browser().get("/verwaltung").status());
        assertEquals(403, node.browser().signIn("c@example.org", "passwort-carla").get("/verwaltung").status());
        String staff = node.browser().signIn("s@example.org", "passwort-sven1").get("/verwaltung").body();
        assertTrue(staff.contains("href=\"/moderation\""), staff);
        assertTrue(staff.contains("href=\"/verwaltung/projekte/neu\""));
        assertFalse(staff.contains("href=\"/admin/rollen\""), "admin tools are for admins");
        String admin = node.browser().signIn("a@example.org", "passwort-ada12").get("/verwaltung").body();
        assertTrue(admin.contains("href=\"/admin/rollen\"") && admin.contains("href=\"/admin/api-tokens\""), admin);
    }
}
