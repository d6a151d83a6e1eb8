package de.offenekommune.verification.attestation;

import static de.offenekommune.verification.attestation.AttestationFixture.STADTWERKE;
import static de.offenekommune.verification.attestation.AttestationFixture.TOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import de.offenekommune.verification.trust.NodeKind;
import de.offenekommune.verification.trust.TrustList;
import de.offenekommune.verification.trust.TrustRole;

class AttestationTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final URI ID = URI.create("https://musterstadt.example/attestations/1");
    private static final URI LIST = URI.create("https://musterstadt.example/attestations/revoked");

    private static Attestation with(AttestationCategory category, String legalName, String domain,
                                    Optional<String> ags, Instant from, Instant until) {
        return new Attestation(ID, TOWN, STADTWERKE, category, legalName, domain, ags, from, until, LIST);
    }

    @Test
    void jsonRoundTripKeepsEveryStatement() {
        Attestation node = with(AttestationCategory.MUNICIPALITY_NODE, "Stadt Musterstadt", "musterstadt.de",
                Optional.of("05315000"), FROM, UNTIL);
        AttestationFixture fixture = new AttestationFixture();

        assertEquals(node, AttestationJson.fromJson(fixture.issue(fixture.townKey, node)));
    }

    @Test
    void categoriesUseTheirJsonNames() {
        assertEquals(AttestationCategory.MUNICIPAL_COMPANY, AttestationCategory.fromJson("municipal_company"));
        assertEquals("municipality_node", AttestationCategory.MUNICIPALITY_NODE.json());
        assertThrows(IllegalArgumentException.class, () -> AttestationCategory.fromJson("MUNICIPAL_COMPANY"));
    }

    @Test
    void statementsAreValidatedWhenBuilt() {
        Optional<String> none = Optional.empty();
        AttestationCategory politics = AttestationCategory.POLITICS;
        assertThrows(IllegalArgumentException.class, () -> with(politics, "", "a.de", none, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> with(politics, "x".repeat(301), "a.de", none, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> with(politics, "Fraktion\nX", "a.de", none, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> with(politics, "Fraktion X", "A.DE", none, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> with(politics, "Fraktion X", "https://a.de", none, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> with(politics, "Fraktion X", "localhost", none, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> with(politics, "Fraktion X", "a.de", none, UNTIL, FROM));
        assertThrows(IllegalArgumentException.class,
                () -> with(politics, "Fraktion X", "a.de", Optional.of("05315000"), FROM, UNTIL));
        AttestationCategory node = AttestationCategory.MUNICIPALITY_NODE;
        assertThrows(IllegalArgumentException.class, () -> with(node, "Stadt X", "x.de", none, FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> with(node, "Stadt X", "x.de", Optional.of("0531500"), FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> with(node, "Stadt X", "x.de", Optional.of("0531500a"), FROM, UNTIL));
        assertThrows(IllegalArgumentException.class, () -> new Attestation(URI.create("https://other.example/a/1"), TOWN,
                STADTWERKE, politics, "Fraktion X", "a.de", none, FROM, UNTIL, LIST));
        assertEquals("xn--mnchen-3ya.de", with(politics, "Fraktion X", "xn--mnchen-3ya.de", none, FROM, UNTIL).domain());
    }

    @Test
    void timesAreCutToSeconds() {
        Attestation a = with(AttestationCategory.INSTITUTION, "Kirchengemeinde", "kirche.de", Optional.empty(),
                FROM.plusMillis(999), UNTIL);

        assertEquals(FROM, a.validFrom());
    }

    @Test
    void revocationListsRoundTripAndRejectDuplicates() {
        Revocation one = new Revocation(ID, "Organisation aufgelöst", FROM);
        RevocationList list = new RevocationList(LIST, TOWN, FROM, List.of()).with(one);
        AttestationFixture fixture = new AttestationFixture();

        assertEquals(list, RevocationListJson.fromJson(new AttestationIssuer(fixture.townKey, AttestationFixture.CLOCK)
                .publish(list)));
        assertEquals(Optional.of(one), list.find(ID));
        assertEquals(one, list.byAttestation().get(ID));
        assertThrows(IllegalArgumentException.class, () -> list.with(new Revocation(ID, "doppelt", UNTIL)));
        assertThrows(IllegalArgumentException.class, () -> new Revocation(ID, " ", FROM));
    }

    @Test
    void theIssuerSignsOnlyForItsOwnActor() {
        AttestationFixture fixture = new AttestationFixture();
        Attestation byRegion = AttestationFixture.attestation(AttestationFixture.REGION, STADTWERKE,
                AttestationCategory.POLITICS, Optional.empty());

        assertThrows(IllegalArgumentException.class, () -> fixture.issue(fixture.townKey, byRegion));
    }

    @Test
    void trustListRoles() {
        URI region = URI.create("https://kreis.example/actor");
        URI anchor = URI.create("https://land.example/actor");
        TrustList town = new TrustList(TOWN, NodeKind.TOWN, Optional.of(region), java.util.Set.of(anchor));

        assertEquals(TrustRole.SELF, town.find(TOWN).orElseThrow().role());
        assertEquals(false, town.find(TOWN).orElseThrow().mayAttestNodes());
        assertEquals(TrustRole.REGION, town.find(region).orElseThrow().role());
        assertEquals(true, town.find(anchor).orElseThrow().mayAttestNodes());
        assertEquals(Optional.empty(), town.find(URI.create("https://fake.example/actor")));
        assertEquals(3, town.issuers().size());
        assertEquals(true, new TrustList(region, NodeKind.REGION, Optional.empty(), java.util.Set.of())
                .find(region).orElseThrow().mayAttestNodes());
    }
}
