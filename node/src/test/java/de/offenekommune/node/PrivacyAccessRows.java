package de.offenekommune.node;

import java.util.List;

import de.offenekommune.node.AccessTable.Row;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;

/**
 * The rows of {@link AccessTable} for the data rights: every signed-in role has "Meine Daten" (export
 * and deletion of the own account; the table's empty form is refused with 400 for want of a password,
 * so nothing is deleted), only admins open another account to export or delete it. Anonymous
 * visitors and API tokens are sent to sign in (GET) or get 401 (POST).
 */
final class PrivacyAccessRows {
    private PrivacyAccessRows() {
    }

    static List<Row> rows(TestNode node, Fixtures.Cast cast) {
        String other = "/admin/konten/" + cast.dora().id();
        return List.of(
                new Row("GET", "/konto/daten", "/konto/daten", AccessTable.SIGNED_IN),
                new Row("POST", "/konto/daten/export", "/konto/daten/export", AccessTable.SIGNED_IN),
                new Row("GET", "/konto/loeschen", "/konto/loeschen", AccessTable.SIGNED_IN),
                new Row("POST", "/konto/loeschen", "/konto/loeschen", AccessTable.SIGNED_IN),
                new Row("GET", "/admin/konten/{id}", other, AccessTable.ADMIN),
                new Row("POST", "/admin/konten/{id}/export", other + "/export", AccessTable.ADMIN),
                new Row("POST", "/admin/konten/{id}/loeschen", other + "/loeschen", AccessTable.ADMIN));
    }
}
