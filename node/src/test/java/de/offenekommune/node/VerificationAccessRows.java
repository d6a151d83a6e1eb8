package de.offenekommune.node;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import de.offenekommune.node.AccessTable.Caller;
import de.offenekommune.node.AccessTable.Row;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.statement.Statement;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;
import de.offenekommune.node.verification.VerificationRequest;

/**
 * The rows of {@link AccessTable} for the verification of organisations (issue 6): the organisation's
 * pages, the admins' review and audit log, the public badge explanation, attestations and the
 * revocation list, organisation actors and statements. Kept apart so the table's other blocks merge
 * without conflicts.
 */
final class VerificationAccessRows {
    /** Statements are deleted only by the organisation that wrote them: none of the table's callers. */
    private static final java.util.Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);

    private VerificationAccessRows() {
    }

    static List<Row> rows(TestNode node, Fixtures.Cast cast) {
        Account holder = node.components().accounts().createConfirmed("matrix@stadtwerke.example", "Matrixwerke",
                "matrixwerke", Fixtures.PASSWORD, Role.CITIZEN);
        Organisation org = Verifications.verifiedOrganisation(node, cast.admin(), holder, "Matrixwerke",
                "matrixwerke.test");
        Account other = node.components().accounts().createConfirmed("offen@verein.example", "Offener Verein",
                "offenerverein", Fixtures.PASSWORD, Role.CITIZEN);
        VerificationRequest open = Verifications.openRequest(node, other, "Offener Verein", "offener-verein.test");
        long proposal = Fixtures.proposal(node, cast.carla(), "Vorschlag mit Stellungnahme", cast.bauamt());
        Statement statement = node.components().organisations().statements().add(holder, "proposal", proposal,
                "Unsere Stellungnahme.", null);

        List<Row> rows = new ArrayList<>();
        String review = "/admin/verifizierung/" + open.id();
        rows.add(new Row("GET", "/organisation", "/organisation", AccessTable.SIGNED_IN));
        rows.add(new Row("POST", "/organisation", "/organisation", AccessTable.SIGNED_IN));
        rows.add(new Row("GET", "/organisation/verifizierung", "/organisation/verifizierung", AccessTable.SIGNED_IN));
        rows.add(new Row("POST", "/organisation/verifizierung", "/organisation/verifizierung", AccessTable.SIGNED_IN));
        rows.add(new Row("POST", "/organisation/verifizierung/{id}/pruefen",
                "/organisation/verifizierung/" + open.id() + "/pruefen", AccessTable.SIGNED_IN));
        rows.add(new Row("GET", "/admin/verifizierung", "/admin/verifizierung", AccessTable.ADMIN));
        rows.add(new Row("GET", "/admin/verifizierung/protokoll", "/admin/verifizierung/protokoll", AccessTable.ADMIN));
        rows.add(new Row("GET", "/admin/verifizierung/{id}", review, AccessTable.ADMIN));
        rows.add(new Row("POST", "/admin/verifizierung/{id}/pruefen", review + "/pruefen", AccessTable.ADMIN));
        rows.add(new Row("POST", "/admin/verifizierung/{id}/freigeben", review + "/freigeben", AccessTable.ADMIN));
        rows.add(new Row("POST", "/admin/verifizierung/{id}/ablehnen", review + "/ablehnen", AccessTable.ADMIN));
        rows.add(new Row("POST", "/admin/verifizierung/{id}/widerrufen", review + "/widerrufen", AccessTable.ADMIN));
        rows.add(new Row("GET", "/verifizierung/pruefen", "/verifizierung/pruefen?actor="
                + node.url(org.path()), AccessTable.EVERYONE));
        rows.add(new Row("GET", "/attestierungen/widerrufen", "/attestierungen/widerrufen", AccessTable.EVERYONE));
        rows.add(new Row("GET", "/attestierungen/{uuid}", "/attestierungen/" + UUID.randomUUID(),
                AccessTable.EVERYONE));
        rows.add(new Row("GET", "/organisationen/{handle}", org.path(), AccessTable.EVERYONE));
        rows.add(new Row("GET", "/organisationen/{handle}/outbox", org.path() + "/outbox", AccessTable.EVERYONE));
        rows.add(new Row("GET", "/organisationen/{handle}/followers", org.path() + "/followers",
                AccessTable.EVERYONE));
        rows.add(Row.inbox("/organisationen/{handle}/inbox/*", org.path() + "/inbox"));
        rows.add(new Row("POST", "/stellungnahmen", "/stellungnahmen", AccessTable.SIGNED_IN));
        rows.add(new Row("GET", "/stellungnahmen/{id}", Statement.path(statement.id()), AccessTable.EVERYONE));
        rows.add(new Row("POST", "/stellungnahmen/{id}/loeschen", Statement.path(statement.id()) + "/loeschen",
                NOBODY));
        return rows;
    }
}
