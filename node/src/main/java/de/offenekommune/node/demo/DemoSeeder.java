package de.offenekommune.node.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

import de.offenekommune.node.NodeApp;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.account.Tokens;

/**
 * Seeds the demo town on the first start with {@code --demo}: accounts (admin, staff, citizens) and
 * the town's content, all through the same services real users go through. The admin password is
 * printed once and written to {@code <data-dir>/demo-admin.txt}.
 */
public final class DemoSeeder {
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
    static final String SEEDED_KEY = "demo.seeded";
    public static final String DEMO_PASSWORD = "musterstadt-demo";

    private final NodeApp.Components c;

    public DemoSeeder(NodeApp.Components components) {
        this.c = components;
    }

    public void seedIfEmpty() {
        boolean first = c.sql().update("INSERT INTO node_setting (key, value) VALUES (?, 'running') "
                + "ON CONFLICT (key) DO NOTHING", SEEDED_KEY) == 1;
        if (!first) {
            return;
        }
        String domain = mailDomain(c);
        String adminPassword = Tokens.random().substring(0, 16);
        Account admin = c.accounts().createConfirmed("admin@" + domain, "Verwaltung (Admin)", "admin",
                adminPassword, Role.ADMIN);
        Account staff = c.accounts().createConfirmed("bauamt@" + domain, staffName(c.config().demoData()), "bauamt",
                DEMO_PASSWORD, Role.STAFF);
        Account anna = c.accounts().createConfirmed("anna@" + domain, "Anna Schmidt", "anna",
                DEMO_PASSWORD, Role.CITIZEN);
        Account jonas = c.accounts().createConfirmed("jonas@" + domain, "Jonas Weber", "jonas",
                DEMO_PASSWORD, Role.CITIZEN);
        new DemoContent(c, admin, staff, anna, jonas).create();
        c.sql().update("UPDATE node_setting SET value = 'done' WHERE key = ?", SEEDED_KEY);
        writeCredentials(admin, adminPassword);
    }

    private void writeCredentials(Account admin, String password) {
        Path file = c.config().dataDir().resolve("demo-admin.txt");
        String text = "OffeneKommune demo node " + c.config().baseUrl() + "/\n"
                + "Admin:   " + admin.email() + " / " + password + "\n"
                + "Staff:   bauamt@" + mailDomain(c) + " / " + DEMO_PASSWORD + "\n"
                + "Citizen: anna@" + mailDomain(c) + " / " + DEMO_PASSWORD + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            LOG.warning("Could not write " + file + ": " + e.getMessage());
        }
        System.out.println("\n  Demo accounts (also in " + file + "):\n  " + text.replace("\n", "\n  "));
    }

    /**
     * "127.0.0.1" is not a mail domain; demo addresses use a reserved example domain named after the
     * data set then ({@code musterstadt.example}, {@code beispielheim.example}, {@code musterkreis.example}).
     */
    static String mailDomain(NodeApp.Components c) {
        String host = c.config().baseUrl().getHost();
        String set = c.config().demoData();
        return host.matches("[0-9.]+|localhost|\\[.*]") ? (set.equals("region") ? "musterkreis" : set) + ".example"
                : host;
    }

    private static String staffName(String set) {
        return switch (set) {
            case "beispielheim" -> "Bauamt Beispielheim";
            case "region" -> "Kreisverwaltung Musterkreis";
            default -> "Bauamt Musterstadt";
        };
    }
}
