package de.offenekommune.node.privacy;

import io.helidon.webserver.http.HttpRouting;

import de.offenekommune.node.NodeApp;
import de.offenekommune.node.account.PasswordHasher;
import de.offenekommune.node.activitypub.ActivityPub;

/**
 * The data rights of DSGVO Art. 15, 17 and 20, wired from the node's components: the export, the
 * deletion (with its announcement to the fediverse) and their pages for citizens and admins.
 */
public final class DataRights {
    private final DataExport export;
    private final AccountDeletion deletion;

    private DataRights(DataExport export, AccountDeletion deletion) {
        this.export = export;
        this.deletion = deletion;
    }

    public static DataRights create(NodeApp.Components c) {
        ActivityPub ap = c.activityPub();
        ActorDeletions actors = new ActorDeletions(ap.uris(), ap.activities(), ap.publications(),
                ap.federation().followers(), c.config().federation().enabled(), c.clock());
        return new DataRights(new DataExport(c.sql(), ap.uris(), ap.federation().followers(), c.clock()),
                new AccountDeletion(c.sql(), c.accountRepository(), new PasswordHasher(), actors, ap.uris(),
                        c.clock()));
    }

    public DataExport export() {
        return export;
    }

    public AccountDeletion deletion() {
        return deletion;
    }

    public void routing(HttpRouting.Builder routing, NodeApp.Components c) {
        routing.register("/", new DataRightsPages(export, deletion, c.rateLimiter(), c.pages(), c.forms(), c.cookies()))
                .register("/admin/konten", new AdminDataRightsPages(c.accounts(), export, deletion, c.rateLimiter(),
                        c.pages(), c.forms()));
    }
}
