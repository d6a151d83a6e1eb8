package de.offenekommune.node.demo;

import de.offenekommune.node.NodeApp;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.verification.RequestService;

/**
 * The demo town's organisations: the Stadtwerke have set up their account and asked for
 * verification, so the admin finds an open request on /admin/verifizierung. (Approving needs the
 * token on the real website, which a demo cannot publish; the request shows how far it got.)
 */
final class DemoOrganisations {
    private final NodeApp.Components c;
    private final String mailDomain;

    DemoOrganisations(NodeApp.Components c, String mailDomain) {
        this.c = c;
        this.mailDomain = mailDomain;
    }

    void create() {
        Account holder = c.accounts().createConfirmed("stadtwerke@" + mailDomain, "Stadtwerke Musterstadt",
                "stadtwerke", Tokens.random(), Role.CITIZEN);
        c.organisations().organisations().setUp(holder, "Stadtwerke Musterstadt",
                "Strom, Wasser, Wärme und der Stadtbus für Musterstadt.");
        c.verification().requests().submit(holder, new RequestService.Form("COMPANY", "Stadtwerke Musterstadt GmbH",
                "stadtwerke-musterstadt.de", "Petra Netz", "kommunikation@" + mailDomain,
                "Handelsregister Amtsgericht Musterstadt, HRB 1234. Die Stadt hält 100 % der Anteile "
                        + "(Beschluss des Rates vom 12. März 2019)."));
    }
}
