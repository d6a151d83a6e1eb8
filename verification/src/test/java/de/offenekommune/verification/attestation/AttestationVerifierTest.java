package de.offenekommune.verification.attestation;

import static de.offenekommune.verification.attestation.AttestationFixture.ANCHOR;
import static de.offenekommune.verification.attestation.AttestationFixture.CLOCK;
import static de.offenekommune.verification.attestation.AttestationFixture.FAKE_TOWN;
import static de.offenekommune.verification.attestation.AttestationFixture.NOW;
import static de.offenekommune.verification.attestation.AttestationFixture.REGION;
import static de.offenekommune.verification.attestation.AttestationFixture.STADTWERKE;
import static de.offenekommune.verification.attestation.AttestationFixture.TOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.proof.EddsaJcs2022;
import de.offenekommune.verification.testing.TestActors;
import de.offenekommune.verification.trust.NodeKind;
import de.offenekommune.verification.trust.TrustList;
import de.offenekommune.verification.trust.TrustRole;

class AttestationVerifierTest {
    private final AttestationFixture fixture = new AttestationFixture();
    private final Attestation stadtwerke = AttestationFixture.stadtwerke();
    private final ObjectNode signed = fixture.issue(fixture.townKey, stadtwerke);

    @Test
    void anIssuedAttestationVerifiesWithItsStatementsAndIssuer() {
        AttestationVerification result = fixture.verifier().verify(signed, STADTWERKE);

        AttestationVerification.Valid valid = assertInstanceOf(AttestationVerification.Valid.class, result);
        assertEquals(stadtwerke, valid.attestation());
        assertEquals(TOWN, valid.issuer().actor());
        assertEquals(TrustRole.SELF, valid.issuer().role());
    }

    @Test
    void theSameAttestationAsTextVerifiesToo() {
        assertInstanceOf(AttestationVerification.Valid.class,
                fixture.verifier().verify(signed.toString(), STADTWERKE));
    }

    @Test
    void attestationsOfTheRegionAndOfAnchorsAreTrusted() {
        Attestation byRegion = AttestationFixture.attestation(REGION, STADTWERKE,
                AttestationCategory.MUNICIPAL_COMPANY, Optional.empty());
        Attestation byAnchor = AttestationFixture.attestation(ANCHOR, STADTWERKE,
                AttestationCategory.MUNICIPAL_COMPANY, Optional.empty());

        AttestationVerification region = fixture.verifier().verify(fixture.issue(fixture.regionKey, byRegion), STADTWERKE);
        AttestationVerification anchor = fixture.verifier().verify(fixture.issue(fixture.anchorKey, byAnchor), STADTWERKE);

        assertEquals(TrustRole.REGION, assertInstanceOf(AttestationVerification.Valid.class, region).issuer().role());
        assertEquals(TrustRole.ANCHOR, assertInstanceOf(AttestationVerification.Valid.class, anchor).issuer().role());
    }

    @Test
    void anUntrustedIssuerGetsNoBadgeAndCostsNoFetch() {
        Attestation byFake = AttestationFixture.attestation(FAKE_TOWN, STADTWERKE,
                AttestationCategory.MUNICIPAL_COMPANY, Optional.empty());
        ObjectNode fake = fixture.issue(fixture.fakeKey, byFake);
        int lookupsBefore = fixture.actors.lookups();

        assertInvalid(InvalidReason.UNTRUSTED_ISSUER, fixture.verifier().verify(fake, STADTWERKE));
        assertEquals(lookupsBefore, fixture.actors.lookups());
    }

    @Test
    void anAttestationSignedByAnUntrustedKeyInTheIssuersNameFails() {
        ObjectNode forged = new EddsaJcs2022().sign(AttestationJson.toJson(stadtwerke), forgedKeyClaimingTown(),
                NOW);

        assertInvalid(InvalidReason.BAD_PROOF, fixture.verifier().verify(forged, STADTWERKE));
    }

    @Test
    void anAttestationSignedWithTheFakeTownsOwnKeyButNamingTheTownFails() {
        ObjectNode forged = new EddsaJcs2022().sign(AttestationJson.toJson(stadtwerke), fixture.fakeKey, NOW);

        assertInvalid(InvalidReason.KEY_NOT_ISSUERS, fixture.verifier().verify(forged, STADTWERKE));
    }

    @Test
    void aKeyOfAnotherActorOnTheIssuersServerIsNotTheIssuers() {
        SigningKey mallory = TestActors.newKey("https://musterstadt.example/users/mallory");
        fixture.actors.put(TestActors.actorDocument(mallory, "Person"));
        ObjectNode forged = new EddsaJcs2022().sign(AttestationJson.toJson(stadtwerke), mallory, NOW);

        assertInvalid(InvalidReason.KEY_NOT_ISSUERS, fixture.verifier().verify(forged, STADTWERKE));
    }

    @Test
    void aKeyWhoseDocumentClaimsTheIssuerButIsNotListedByItIsRejected() {
        SigningKey stray = SigningKey.of(TOWN, URI.create("https://musterstadt.example/keys/stray"), Ed25519.generate());
        ObjectNode strayDocument = TestActors.actorDocument(stray, "Organization");
        fixture.actors.putAt(URI.create("https://musterstadt.example/keys/stray"), strayDocument);
        ObjectNode forged = new EddsaJcs2022().sign(AttestationJson.toJson(stadtwerke), stray, NOW);

        // The stray document says its id is the town, but the town's own document does not list this key.
        assertInvalid(InvalidReason.KEY_NOT_ISSUERS, fixture.verifier().verify(forged, STADTWERKE));
    }

    @Test
    void anAttestationCopiedOntoAnotherActorIsASubjectMismatch() {
        URI otherOrganisation = URI.create("https://elsewhere.example/actors/fake-stadtwerke");

        assertInvalid(InvalidReason.SUBJECT_MISMATCH, fixture.verifier().verify(signed, otherOrganisation));
    }

    @Test
    void expiredAndNotYetValidAttestationsFail() {
        Clock afterExpiry = Clock.fixed(stadtwerke.validUntil(), ZoneOffset.UTC);
        Clock beforeStart = Clock.fixed(stadtwerke.validFrom().minusSeconds(3600), ZoneOffset.UTC);
        Clock slightlyEarly = Clock.fixed(stadtwerke.validFrom().minusSeconds(60), ZoneOffset.UTC);

        assertInvalid(InvalidReason.EXPIRED, fixture.verifier(AttestationFixture.townTrust(), afterExpiry)
                .verify(signed, STADTWERKE));
        assertInvalid(InvalidReason.NOT_YET_VALID, fixture.verifier(AttestationFixture.townTrust(), beforeStart)
                .verify(signed, STADTWERKE));
        assertInstanceOf(AttestationVerification.Valid.class,
                fixture.verifier(AttestationFixture.townTrust(), slightlyEarly).verify(signed, STADTWERKE));
    }

    @Test
    void aRevokedAttestationFailsWithTheIssuersReason() {
        RevocationList list = new RevocationList(stadtwerke.revocationList(), TOWN, NOW, List.of())
                .with(new Revocation(stadtwerke.id(), "Organisation aufgelöst", NOW.minusSeconds(60)));
        fixture.publish(fixture.townKey, list);

        AttestationVerification result = fixture.verifier().verify(signed, STADTWERKE);

        AttestationVerification.Invalid invalid = assertInvalid(InvalidReason.REVOKED, result);
        assertTrue(invalid.message().contains("Organisation aufgelöst"), invalid.message());
    }

    @Test
    void aRevocationPublishedLaterIsSeenOnTheNextCheck() {
        AttestationVerifier verifier = fixture.verifier();
        assertInstanceOf(AttestationVerification.Valid.class, verifier.verify(signed, STADTWERKE));

        fixture.publish(fixture.townKey, new RevocationList(stadtwerke.revocationList(), TOWN, NOW, List.of(
                new Revocation(stadtwerke.id(), "Domain nicht mehr unter Kontrolle", NOW))));

        assertInvalid(InvalidReason.REVOKED, verifier.verify(signed, STADTWERKE));
    }

    @Test
    void anUnchangedRevocationListIsVerifiedOnlyOnce() {
        AttestationVerifier verifier = fixture.verifier();
        verifier.verify(signed, STADTWERKE);
        int lookupsAfterFirst = fixture.actors.lookups();

        assertInstanceOf(AttestationVerification.Valid.class, verifier.verify(signed, STADTWERKE));
        assertEquals(lookupsAfterFirst + 1, fixture.actors.lookups(), "only the attestation's key is looked up again");
    }

    @Test
    void otherRevocationsDoNotAffectThisAttestation() {
        fixture.publish(fixture.townKey, new RevocationList(stadtwerke.revocationList(), TOWN, NOW, List.of(
                new Revocation(TOWN.resolve("/attestations/other"), "abgelaufen", NOW))));

        assertInstanceOf(AttestationVerification.Valid.class, fixture.verifier().verify(signed, STADTWERKE));
    }

    @Test
    void aMissingOrUnfetchableRevocationListFailsClosed() {
        fixture.publishedLists.clear();
        AttestationVerifier throwing = new AttestationVerifier(AttestationFixture.townTrust(), fixture.actors,
                (issuer, list) -> {
                    throw new IllegalStateException("timeout");
                }, CLOCK);

        assertInvalid(InvalidReason.REVOCATION_UNAVAILABLE, fixture.verifier().verify(signed, STADTWERKE));
        assertInvalid(InvalidReason.REVOCATION_UNAVAILABLE, throwing.verify(signed, STADTWERKE));
    }

    @Test
    void aRevocationListThatIsForgedOrNotTheIssuersIsRejected() {
        RevocationList empty = new RevocationList(stadtwerke.revocationList(), TOWN, NOW, List.of());
        RevocationList revoking = empty.with(new Revocation(stadtwerke.id(), "widerrufen", NOW));
        ObjectNode signedRevoking = new AttestationIssuer(fixture.townKey, CLOCK).publish(revoking);
        ObjectNode revocationRemoved = signedRevoking.deepCopy();
        revocationRemoved.putArray("revoked");
        ObjectNode byOtherKey = new EddsaJcs2022().sign(RevocationListJson.toJson(empty), forgedKeyClaimingTown(), NOW);
        ObjectNode regionList = new AttestationIssuer(fixture.regionKey, CLOCK).publish(
                new RevocationList(AttestationFixture.revocationListOf(REGION), REGION, NOW, List.of()));

        for (ObjectNode bad : List.of(revocationRemoved, byOtherKey, regionList)) {
            AttestationVerifier verifier = new AttestationVerifier(AttestationFixture.townTrust(), fixture.actors,
                    (issuer, list) -> new RevocationLookup.Found(bad), CLOCK);
            assertInvalid(InvalidReason.REVOCATION_UNAVAILABLE, verifier.verify(signed, STADTWERKE));
        }
    }

    @Test
    void onlyRegionsAndAnchorsMayAttestMunicipalityNodes() {
        URI townActor = TOWN;
        Attestation node = AttestationFixture.attestation(REGION, townActor, AttestationCategory.MUNICIPALITY_NODE,
                Optional.of("05315000"));
        Attestation selfCrowned = AttestationFixture.attestation(FAKE_TOWN, FAKE_TOWN,
                AttestationCategory.MUNICIPALITY_NODE, Optional.of("05315000"));
        Attestation byTown = AttestationFixture.attestation(TOWN, FAKE_TOWN, AttestationCategory.MUNICIPALITY_NODE,
                Optional.of("05315000"));
        TrustList fakeTrustsItself = new TrustList(FAKE_TOWN, NodeKind.TOWN, Optional.empty(), Set.of());

        AttestationVerification.Valid valid = assertInstanceOf(AttestationVerification.Valid.class,
                fixture.verifier().verify(fixture.issue(fixture.regionKey, node), townActor));
        assertEquals(Optional.of("05315000"), valid.attestation().ags());
        assertInvalid(InvalidReason.UNTRUSTED_ISSUER, fixture.verifier().verify(
                fixture.issue(fixture.fakeKey, selfCrowned), FAKE_TOWN));
        assertInvalid(InvalidReason.UNTRUSTED_ISSUER, fixture.verifier(fakeTrustsItself, CLOCK).verify(
                fixture.issue(fixture.fakeKey, selfCrowned), FAKE_TOWN));
        assertInvalid(InvalidReason.UNTRUSTED_ISSUER, fixture.verifier().verify(
                fixture.issue(fixture.townKey, byTown), FAKE_TOWN));
    }

    @Test
    void aNodeAttestationNamingAnotherHostThanItsActorsIsASubjectMismatch() {
        Attestation otherHost = new Attestation(REGION.resolve("/attestations/node-1"), REGION, FAKE_TOWN,
                AttestationCategory.MUNICIPALITY_NODE, "Musterstadt", TOWN.getHost(), Optional.of("05315000"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                AttestationFixture.revocationListOf(REGION));
        Attestation ownHost = AttestationFixture.attestation(REGION, FAKE_TOWN, AttestationCategory.MUNICIPALITY_NODE,
                Optional.of("05315000"));

        AttestationVerification.Invalid invalid = assertInvalid(InvalidReason.SUBJECT_MISMATCH,
                fixture.verifier().verify(fixture.issue(fixture.regionKey, otherHost), FAKE_TOWN));
        assertTrue(invalid.message().contains(TOWN.getHost()), invalid.message());
        assertInstanceOf(AttestationVerification.Valid.class,
                fixture.verifier().verify(fixture.issue(fixture.regionKey, ownHost), FAKE_TOWN));
        // an organisation's domain is its website, not its actor's host: no such rule there
        assertInstanceOf(AttestationVerification.Valid.class, fixture.verifier().verify(signed, STADTWERKE));
    }

    @Test
    void aRegionNodeTrustsItsOwnNodeAttestations() {
        Attestation node = AttestationFixture.attestation(REGION, TOWN, AttestationCategory.MUNICIPALITY_NODE,
                Optional.of("05315000"));
        TrustList regionTrust = new TrustList(REGION, NodeKind.REGION, Optional.empty(), Set.of());

        AttestationVerification result = fixture.verifier(regionTrust, CLOCK)
                .verify(fixture.issue(fixture.regionKey, node), TOWN);

        assertEquals(TrustRole.SELF, assertInstanceOf(AttestationVerification.Valid.class, result).issuer().role());
    }

    @Test
    void keyResolutionFailuresAreResultsNotExceptions() {
        AttestationVerifier throwing = new AttestationVerifier(AttestationFixture.townTrust(), method -> {
            throw new IllegalStateException("blocked by SSRF guard");
        }, fixture::lookup, CLOCK);
        AttestationVerifier empty = new AttestationVerifier(AttestationFixture.townTrust(), method -> Optional.empty(),
                fixture::lookup, CLOCK);

        assertInvalid(InvalidReason.ISSUER_KEY_UNRESOLVED, throwing.verify(signed, STADTWERKE));
        assertInvalid(InvalidReason.ISSUER_KEY_UNRESOLVED, empty.verify(signed, STADTWERKE));
    }

    private SigningKey forgedKeyClaimingTown() {
        return SigningKey.of(TOWN, fixture.townKey.keyId(), Ed25519.generate());
    }

    static AttestationVerification.Invalid assertInvalid(InvalidReason expected, AttestationVerification result) {
        AttestationVerification.Invalid invalid = assertInstanceOf(AttestationVerification.Invalid.class, result,
                () -> "expected " + expected + " but got " + result);
        assertEquals(expected, invalid.reason(), invalid.message());
        return invalid;
    }
}
