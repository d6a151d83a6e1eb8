package de.offenekommune.federation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.testing.TestPostgres;

/**
 * Which signature a host gets, as {@code fed_host} remembers it: RSA RFC 9421 by default, Ed25519
 * once the host advertises it, RSA again for good after it refused Ed25519, draft-cavage for a host
 * that only speaks that. Each decision also holds for a second registry on the same database (a
 * restarted or second node process).
 */
class SignatureChoiceTest {
    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase("signature_choice");
    private PgHostRegistry hosts;

    @BeforeEach
    void migrate() {
        FederationSchema.migrate(db.dataSource());
        hosts = new PgHostRegistry(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private SignatureScheme afterRestart(String host) {
        return new PgHostRegistry(db.dataSource()).firstChoice(host);
    }

    @Test
    void anUnknownHostGetsRsaRfc9421() {
        assertEquals(SignatureScheme.RFC9421, hosts.firstChoice("mastodon.test"));
        assertEquals(Optional.empty(), hosts.known("mastodon.test"));
    }

    @Test
    void aHostThatAdvertisesEd25519GetsIt() {
        hosts.advertised("okn.test", SignatureScheme.RFC9421_ED25519);

        assertEquals(SignatureScheme.RFC9421_ED25519, hosts.firstChoice("okn.test"));
        assertEquals(SignatureScheme.RFC9421_ED25519, afterRestart("okn.test"));
        assertEquals("true", column("okn.test", "rfc9421_ed25519"));
    }

    @Test
    void aHostLearntAsRfc9421BeforeItAdvertisedIsUpgraded() {
        hosts.remember("okn.test", SignatureScheme.RFC9421);
        hosts.advertised("okn.test", SignatureScheme.RFC9421_ED25519);

        assertEquals(SignatureScheme.RFC9421_ED25519, hosts.firstChoice("okn.test"));
    }

    @Test
    void aRefusalOutlastsLaterAdvertisements() {
        hosts.advertised("odd.test", SignatureScheme.RFC9421_ED25519);
        hosts.refused("odd.test", SignatureScheme.RFC9421_ED25519);
        hosts.remember("odd.test", SignatureScheme.RFC9421);
        hosts.advertised("odd.test", SignatureScheme.RFC9421_ED25519);

        assertEquals(SignatureScheme.RFC9421, hosts.firstChoice("odd.test"));
        assertEquals(SignatureScheme.RFC9421, afterRestart("odd.test"));
        assertEquals("false", column("odd.test", "rfc9421_ed25519"));
    }

    @Test
    void aDraftCavageHostStaysOnDraftCavageWhateverItAdvertises() {
        hosts.remember("old.test", SignatureScheme.CAVAGE);
        hosts.advertised("old.test", SignatureScheme.RFC9421_ED25519);

        assertEquals(SignatureScheme.CAVAGE, hosts.firstChoice("old.test"));
        assertEquals(SignatureScheme.CAVAGE, afterRestart("old.test"));
    }

    @Test
    void anEd25519SignatureThatWorkedIsRememberedAsRfc9421WithEd25519() {
        hosts.remember("new.test", SignatureScheme.RFC9421_ED25519);

        assertEquals(SignatureScheme.RFC9421_ED25519, afterRestart("new.test"));
        assertEquals("RFC9421", column("new.test", "signature_scheme"));
    }

    @Test
    void advertisingAnotherSchemeChangesNothing() {
        hosts.advertised("x.test", SignatureScheme.CAVAGE);
        hosts.refused("x.test", SignatureScheme.RFC9421);

        assertEquals(SignatureScheme.RFC9421, afterRestart("x.test"));
    }

    private String column(String host, String column) {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + column + "::text FROM fed_host WHERE host = '" + host + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
