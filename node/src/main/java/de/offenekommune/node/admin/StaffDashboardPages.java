package de.offenekommune.node.admin;

import java.util.ArrayList;
import java.util.List;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/** "Verwaltung": one page that lists the tools staff and admins have, so the main navigation stays short. */
public final class StaffDashboardPages implements HttpService {

    /** A tool: where it is, its name and what it is for (message keys). */
    public record Tool(String path, String titleKey, String descriptionKey) {
    }

    private static final List<Tool> STAFF_TOOLS = List.of(
            new Tool("/verwaltung/projekte/neu", "dashboard.new-project", "dashboard.new-project-text"),
            new Tool("/verwaltung/termine/neu", "dashboard.new-event", "dashboard.new-event-text"),
            new Tool("/vorschlaege?status=SUBMITTED", "dashboard.proposals", "dashboard.proposals-text"),
            new Tool("/moderation", "nav.moderation", "dashboard.moderation-text"),
            new Tool("/admin/adressaten", "nav.addressees", "dashboard.addressees-text"));
    private static final List<Tool> ADMIN_TOOLS = List.of(
            new Tool("/admin/rollen", "nav.admin-roles", "dashboard.roles-text"),
            new Tool("/admin/api-tokens", "nav.admin-api-tokens", "dashboard.api-tokens-text"),
            new Tool("/admin/einstellungen", "nav.settings", "dashboard.settings-text"),
            new Tool("/admin/seiten", "nav.pages", "dashboard.pages-text"),
            new Tool("/admin/nachbarn", "neighbours.title", "dashboard.neighbours-text"),
            new Tool("/admin/sperren", "blocks.title", "dashboard.blocks-text"),
            new Tool("/admin/verifizierung", "review.title", "dashboard.verification-text"),
            new Tool("/admin/verifizierung/protokoll", "audit.title", "dashboard.audit-text"));
    private static final Tool MEMBERS = new Tool("/admin/mitglieder", "region.members.title", "dashboard.members-text");

    private final Pages pages;

    public StaffDashboardPages(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/verwaltung", this::dashboard);
    }

    private void dashboard(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        visitor.require(Role.STAFF);
        List<Tool> tools = new ArrayList<>(STAFF_TOOLS);
        if (visitor.has(Role.ADMIN)) {
            tools.addAll(ADMIN_TOOLS);
            if (pages.site().region()) {
                tools.add(MEMBERS);
            }
        }
        pages.render(req, res, "admin/dashboard.jte", "tools", tools);
    }
}
