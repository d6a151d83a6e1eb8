package de.offenekommune.node.proposal;

import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** Admins set the support threshold and the collection period for new proposals (/admin/einstellungen). */
public final class ProposalSettingsPages implements HttpService {
    private final ProposalSettings settings;
    private final Pages pages;
    private final Forms forms;

    public ProposalSettingsPages(ProposalSettings settings, Pages pages, Forms forms) {
        this.settings = settings;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::show)
                .post("/", this::save);
    }

    private void show(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.ADMIN);
        ProposalSettings.Values v = settings.current();
        pages.render(req, res, "proposal/settings.jte", "values",
                Map.of("threshold", String.valueOf(v.threshold()), "weeks", String.valueOf(v.weeks())));
    }

    private void save(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        String threshold = form.text("threshold", 20);
        String weeks = form.text("weeks", 20);
        try {
            settings.save(admin, threshold, weeks);
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "proposal/settings.jte",
                    "values", Map.of("threshold", threshold, "weeks", weeks));
            return;
        }
        Pages.redirect(res, "/admin/einstellungen", "settings-saved");
    }
}
