package de.offenekommune.node.demo;

import de.offenekommune.node.NodeApp;
import de.offenekommune.node.account.Account;

/**
 * The demo town's content (projects, proposals, comments, surveys, events), or a region's. Each piece is created
 * through the participation services, exactly as staff and citizens would create it.
 */
final class DemoContent {
    private final NodeApp.Components c;
    private final Account admin;
    private final Account staff;
    private final Account anna;
    private final Account jonas;

    DemoContent(NodeApp.Components c, Account admin, Account staff, Account anna, Account jonas) {
        this.c = c;
        this.admin = admin;
        this.staff = staff;
        this.anna = anna;
        this.jonas = jonas;
    }

    /** The data set of {@code node.demo-data}: Musterstadt, the smaller Beispielheim, or the region's own. */
    void create() {
        switch (c.config().demoData()) {
            case "beispielheim" -> new DemoBeispielheim(c, staff, anna, jonas).create();
            case "region" -> new DemoRegion(c, anna, jonas).create();
            default -> {
                new DemoProjects(c, anna, jonas).create();
                new DemoComments(c, staff, anna, jonas).create();
                new DemoProposals(c, staff, anna, jonas).create();
            }
        }
    }
}
