package de.offenekommune.node.support;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Ids;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/** The support and withdraw buttons of a proposal page (POST /vorschlaege/{id}/unterstuetzen|zurueckziehen). */
public final class SupportPages implements HttpService {
    private final SupportService supports;
    private final Forms forms;

    public SupportPages(SupportService supports, Forms forms) {
        this.supports = supports;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/unterstuetzen", this::support)
                .post("/{id}/zurueckziehen", this::withdraw);
    }

    private void support(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account account = visitor.require(Role.CITIZEN);
        forms.read(req, visitor);
        long id = Ids.path(req, "id");
        String notice = switch (supports.support(account, id)) {
            case SupportService.Added.Supported s -> "supported";
            case SupportService.Added.AlreadySupported a -> "already-supported";
        };
        Pages.redirect(res, ProposalRepository.path(id), notice);
    }

    private void withdraw(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account account = visitor.require(Role.CITIZEN);
        forms.read(req, visitor);
        long id = Ids.path(req, "id");
        String notice = supports.withdraw(account, id) instanceof SupportService.Removed.Withdrawn
                ? "support-withdrawn" : "not-supported";
        Pages.redirect(res, ProposalRepository.path(id), notice);
    }
}
