package de.offenekommune.node.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.attestation.NodeAttestationReceiver;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;
import de.offenekommune.node.verification.NodeAttestation;
import de.offenekommune.node.verification.RemoteStatus;
import de.offenekommune.verification.attestation.Attestation;
import de.offenekommune.verification.attestation.AttestationCategory;
import de.offenekommune.verification.attestation.AttestationIssuer;
import de.offenekommune.verification.attestation.AttestationVerification;
import de.offenekommune.verification.attestation.AttestationVerifier;
import de.offenekommune.verification.attestation.InvalidReason;
import de.offenekommune.verification.key.SigningKey;

/**
 * Node attestations with real nodes, each on its own loopback address: the region Landkreis München
 * attests its two member towns Aschheim and Baierbrunn ("this actor at this host is the official node
 * of AGS N"); the towns trust the region ({@code verification.region}), keep the attestation and carry
 * it on their town actor. Unterföhring, a third town that trusts the region, follows both and shows the
 * town badge; a fake "Aschheim" claiming Aschheim's AGS (a self-issued attestation, a copy of the real
 * one, one by the region's key for its actor but Aschheim's host) gets none. Removing Baierbrunn from
 * the region revokes its attestation: Baierbrunn drops it and Unterföhring the badge.
 */
class NodeAttestationFederationTest {
    static final String ASCHHEIM = "09184112";
    static final String BAIERBRUNN = "09184113";

    private static TestNode region;
    private static TestNode aschheim;
    private static TestNode baierbrunn;
    private static TestNode unterfoehring;
    private static TestNode fake;
    private static Fixtures.Cast regionCast;
    private static Fixtures.Cast thirdCast;
    private static Fediverse fediverse;

    @BeforeAll
    static void start() {
        fediverse = new Fediverse();
        Map<String, String> regionConfig = new HashMap<>();
        regionConfig.put("node.kind", "region");
        regionConfig.put("node.ags", "09184");
        regionConfig.put("neighbours.retry-interval", "PT1S");
        regionConfig.put("region.figures-interval", "PT1H");
        region = TestNode.startAt("Landkreis München", "127.0.0.2", regionConfig);
        regionCast = Fixtures.musterstadt(region);
        Map<String, String> trustsRegion = Map.of("verification.region", region.url("/kommune"));
        aschheim = TestNode.startAt("Aschheim", "127.0.0.3", with(trustsRegion, "node.ags", ASCHHEIM));
        baierbrunn = TestNode.startAt("Baierbrunn", "127.0.0.4", with(trustsRegion, "node.ags", BAIERBRUNN));
        unterfoehring = TestNode.startAt("Unterföhring", "127.0.0.5", with(trustsRegion, "node.ags", "09184147"));
        thirdCast = Fixtures.musterstadt(unterfoehring);
        // the fake claims Aschheim's name and key, trusts nobody, and is not a member
        fake = TestNode.startAt("Aschheim", "127.0.0.6", Map.of("node.ags", ASCHHEIM));
        new TestContent(aschheim).project("Neuer Dorfplatz Aschheim");

        RegionMembers members = region.components().region().members();
        members.add(regionCast.admin(), ASCHHEIM, handle(aschheim));
        members.add(regionCast.admin(), BAIERBRUNN, handle(baierbrunn));
        for (TestNode town : List.of(aschheim, baierbrunn)) {
            Fediverse.await("the attestation reaches " + town.baseUrl(), () -> town.sql().count(
                    "SELECT count(*) FROM verification_held_attestation") == 1);
        }
    }

    @AfterAll
    static void stop() {
        for (TestNode n : List.of(fake, unterfoehring, baierbrunn, aschheim, region)) {
            n.close();
        }
        fediverse.close();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new HashMap<>(base);
        all.put(key, value);
        return all;
    }

    private static String handle(TestNode node) {
        return node.components().config().handle() + "@" + node.baseUrl().getAuthority();
    }

    private static String actor(TestNode node) {
        return node.url("/kommune");
    }

    private static void follow(TestNode follower, TestNode town) {
        follower.components().activityPub().neighbours().followHandle(handle(town));
        Fediverse.await(follower.baseUrl() + " follows " + town.baseUrl(), () -> follower.sql().count(
                "SELECT count(*) FROM ap_neighbour WHERE actor_uri = ? AND state = 'ACCEPTED'", actor(town)) == 1);
    }

    private static Optional<RemoteStatus> status(TestNode at, TestNode town) {
        return at.components().organisations().remoteStatus().byActor(at.sql(), actor(town));
    }

    /** The town badge of a neighbour on the admin's neighbour page, or null. */
    private static Element badgeOnNeighbourPage(TestBrowser admin, TestNode town) {
        Document page = Jsoup.parse(admin.get("/admin/nachbarn").body());
        Element row = page.select("tbody tr").stream()
                .filter(r -> r.select("code").text().contains(town.baseUrl().getAuthority())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + town.baseUrl()));
        return row.selectFirst(".kern-badge");
    }

    private static AttestationVerifier verifierOfUnterfoehring() {
        return Verifications.verifierTrusting(URI.create(actor(unterfoehring)), URI.create(actor(region)));
    }

    @Test
    void theRegionAttestsItsMembersAndTheTownsShowItOnTheirAboutPage() {
        Document about = Jsoup.parse(aschheim.browser().get("/ueber").body());
        String text = about.text();
        assertTrue(text.contains("Landkreis München bestätigt: Dies ist die offizielle Plattform der Gemeinde "
                + "Aschheim (Gemeindeschlüssel 09184112)."), text);
        assertTrue(text.contains(actor(region)), "names the issuer's actor");
        assertTrue(text.contains("Die Region, zu der diese Plattform gehört"), "why it is trusted: " + text);
        assertTrue(about.select("dd").eachText().stream().anyMatch(t -> t.matches("vom \\d\\d\\.\\d\\d\\.\\d{4} bis "
                + "\\d\\d\\.\\d\\d\\.\\d{4}")), "validity: " + about.select("dd").eachText());
        assertTrue(text.contains("Amtlicher Name Aschheim"), "the official name from the list: " + text);

        JsonNode attestation = Verifications.json(actor(aschheim)).path("attestations").get(0);
        assertNotNull(attestation, "the town actor carries it");
        assertEquals("municipality_node", attestation.path("credentialSubject").path("category").asText());
        assertEquals(ASCHHEIM, attestation.path("credentialSubject").path("ags").asText());
        assertEquals(aschheim.baseUrl().getHost(), attestation.path("credentialSubject").path("domain").asText());
        assertEquals(actor(region), attestation.path("issuer").asText());
        Attestation valid = assertInstanceOf(AttestationVerification.Valid.class,
                verifierOfUnterfoehring().verify(attestation, URI.create(actor(aschheim)))).attestation();
        assertEquals(Optional.of(ASCHHEIM), valid.ags());
        // the document is served by the region at its id, exactly as signed
        assertEquals(attestation, Verifications.json(attestation.path("id").asText()));

        Document regionAbout = Jsoup.parse(region.browser().get("/ueber").body());
        assertTrue(regionAbout.text().contains("Bestätigte Mitgliedskommunen"), regionAbout.text());
        Element row = regionAbout.select("tbody tr").stream().filter(r -> r.text().contains("Aschheim")).findFirst()
                .orElseThrow();
        assertTrue(row.text().contains("Bestätigt bis"), row.text());
        TestBrowser admin = region.browser().signIn(regionCast.admin().email(), Fixtures.PASSWORD);
        assertTrue(admin.get("/admin/mitglieder").body().contains("Bestätigt bis"), "the member list shows it");
    }

    @Test
    void aNodeThatTrustsTheRegionShowsTheTownBadgeAndExplainsIt() {
        follow(unterfoehring, aschheim);
        Fediverse.await("Unterföhring verified Aschheim's node", () -> status(unterfoehring, aschheim)
                .map(s -> s.verified() && s.town()).orElse(false));
        RemoteStatus s = status(unterfoehring, aschheim).orElseThrow();
        assertEquals(ASCHHEIM, s.ags());
        assertEquals("Aschheim", s.legalName());
        assertEquals("REGION", s.trustRole());

        TestBrowser admin = unterfoehring.browser().signIn(thirdCast.admin().email(), Fixtures.PASSWORD);
        Element badge = badgeOnNeighbourPage(admin, aschheim);
        assertNotNull(badge, "town badge on /admin/nachbarn");
        assertTrue(badge.text().startsWith("Offizielle Gemeinde"), badge.text());
        Fediverse.await("Aschheim's project on Unterföhring's home page", () -> unterfoehring.browser().get("/").body()
                .contains("Neuer Dorfplatz Aschheim"));
        Element item = Jsoup.parse(unterfoehring.browser().get("/").body()).select(".ok-neighbour-items li").stream()
                .filter(li -> li.text().contains("Neuer Dorfplatz Aschheim")).findFirst().orElseThrow();
        assertTrue(item.text().contains("Offizielle Gemeinde"), "badge next to the town's name: " + item.text());
        String why = item.select("a[href^=/verifizierung/pruefen]").attr("href");
        Document explanation = Jsoup.parse(unterfoehring.browser().get(why).body());
        assertTrue(explanation.text().contains("Offizielle Plattform der Gemeinde Aschheim"), explanation.text());
        assertTrue(explanation.text().contains("Gemeindeschlüssel (AGS) 09184112"), explanation.text());
        assertTrue(explanation.text().contains(actor(region)), "names the region as issuer");
        // a statement of the town is no organisation's statement: no "Verifiziert" badge for it
        assertFalse(item.text().contains("Verifiziert"), item.text());
    }

    @Test
    void aFakeNodeClaimingAMembersAgsGetsNoBadge() {
        Instant now = Instant.now();
        String fakeActor = actor(fake);
        SigningKey fakeKey = fake.components().activityPub().organisations().townKey();
        SigningKey regionKey = region.components().activityPub().organisations().townKey();
        JsonNode selfIssued = issue(fakeKey, fakeActor, fakeActor, fake.baseUrl().getHost(), now);
        JsonNode copied = Verifications.json(actor(aschheim)).path("attestations").get(0);
        JsonNode otherHost = issue(regionKey, actor(region), fakeActor, aschheim.baseUrl().getHost(), now);
        AttestationVerifier verifier = verifierOfUnterfoehring();
        assertReason(InvalidReason.UNTRUSTED_ISSUER, verifier.verify(selfIssued, URI.create(fakeActor)));
        assertReason(InvalidReason.SUBJECT_MISMATCH, verifier.verify(copied, URI.create(fakeActor)));
        AttestationVerification.Invalid host = assertReason(InvalidReason.SUBJECT_MISMATCH,
                verifier.verify(otherHost, URI.create(fakeActor)));
        assertTrue(host.message().contains("another host"), host.message());

        // the fake node carries all three on its town actor (put there behind its own back)
        int i = 0;
        for (JsonNode forged : List.of(selfIssued, copied, otherHost)) {
            fake.sql().update("""
                    INSERT INTO verification_held_attestation (id, issuer, issuer_name, trust_role, ags, legal_name,
                        domain, document, valid_from, valid_until, received_at)
                    VALUES (?, ?, 'Landkreis München', 'REGION', ?, 'Aschheim', ?, ?, ?, ?, ?)""",
                    forged.path("id").asText() + "#" + i++, forged.path("issuer").asText(), ASCHHEIM,
                    forged.path("credentialSubject").path("domain").asText(), ActivityJson.writeString(forged),
                    now.minusSeconds(60 + i), now.plus(Duration.ofDays(30)), now);
        }
        assertEquals(3, Verifications.json(fakeActor).path("attestations").size());

        follow(unterfoehring, fake);
        Fediverse.await("Unterföhring checked the fake", () -> status(unterfoehring, fake).isPresent());
        RemoteStatus s = unterfoehring.components().activityPub().organisations().remoteAttestations().check(fakeActor);
        assertFalse(s.verified(), "no badge for the fake");
        assertTrue(List.of("UNTRUSTED_ISSUER", "SUBJECT_MISMATCH").contains(s.reason()), s.reason());
        TestBrowser admin = unterfoehring.browser().signIn(thirdCast.admin().email(), Fixtures.PASSWORD);
        assertEquals(null, badgeOnNeighbourPage(admin, fake), "no town badge on /admin/nachbarn");
        String page = admin.get("/admin/nachbarn").body();
        assertTrue(page.contains("Nicht bestätigt – warum?"), "the page says why on request");
        Document explanation = Jsoup.parse(unterfoehring.browser().get("/verifizierung/pruefen?actor=" + fakeActor)
                .body());
        assertTrue(explanation.text().contains("Nicht verifiziert"), explanation.text());
    }

    @Test
    void aMemberRemovedFromTheRegionLosesItsAttestationAndTheBadge() {
        follow(unterfoehring, baierbrunn);
        Fediverse.await("Unterföhring verified Baierbrunn's node", () -> status(unterfoehring, baierbrunn)
                .map(RemoteStatus::verified).orElse(false));
        String attestationId = Verifications.json(actor(baierbrunn)).path("attestations").get(0).path("id").asText();

        region.components().region().members().remove(regionCast.admin(), BAIERBRUNN);

        JsonNode list = Verifications.json(region.url("/attestierungen/widerrufen"));
        assertTrue(list.path("revoked").findValuesAsText("attestation").contains(attestationId), list.toString());
        assertTrue(list.toString().contains("nicht mehr Mitglied"), "the public reason");
        Fediverse.await("Baierbrunn dropped it", () -> baierbrunn.sql().count(
                "SELECT count(*) FROM verification_held_attestation") == 0);
        assertTrue(baierbrunn.browser().get("/ueber").body().contains("Noch keine Bestätigung"));
        assertTrue(Verifications.json(actor(baierbrunn)).path("attestations").isMissingNode());
        Fediverse.await("Unterföhring dropped the badge", () -> !status(unterfoehring, baierbrunn).orElseThrow()
                .verified());
        TestBrowser admin = unterfoehring.browser().signIn(thirdCast.admin().email(), Fixtures.PASSWORD);
        assertEquals(null, badgeOnNeighbourPage(admin, baierbrunn));
    }

    @Test
    void aMemberKeepsOnlyWhatItsRegionIssuedForExactlyThisNode() {
        NodeAttestationReceiver receiver = aschheim.components().activityPub().nodeAttestations().receiver();
        long held = aschheim.sql().count("SELECT count(*) FROM verification_held_attestation");
        String regionAttestation = Verifications.json(actor(aschheim)).path("attestations").get(0).path("id").asText();

        // a town that is not trusted to attest nodes issues one for Aschheim with the same machinery
        NodeAttestation byFake = fake.sql().inTransaction(tx -> fake.components().verification().nodeAttestations()
                .issue(tx, ASCHHEIM, "Aschheim", URI.create(actor(aschheim))));
        String fakeId = fake.components().verification().nodeAttestations().id(byFake.uuid()).toString();
        assertRefused(receiver.added(actor(fake), fakeId), "UNTRUSTED_ISSUER");
        // the region's attestation of Aschheim, but announced by someone else
        assertRefused(receiver.added(actor(fake), regionAttestation), "not on the sender's host");
        // the region's attestation of another member, sent to Aschheim
        NodeAttestation other = region.sql().inTransaction(tx -> region.components().verification()
                .nodeAttestations().issue(tx, "09184119", "Garching b.München, St", URI.create(actor(unterfoehring))));
        assertRefused(receiver.added(actor(region), region.components().verification().nodeAttestations()
                .id(other.uuid()).toString()), "not this node's town actor");
        // the region's attestation of Aschheim's actor with another AGS
        NodeAttestation wrongAgs = region.sql().inTransaction(tx -> region.components().verification()
                .nodeAttestations().issue(tx, BAIERBRUNN, "Baierbrunn", URI.create(actor(aschheim))));
        assertRefused(receiver.added(actor(region), region.components().verification().nodeAttestations()
                .id(wrongAgs.uuid()).toString()), "names the AGS 09184113");
        // the genuine one again: nothing changes
        assertInstanceOf(NodeAttestationReceiver.Outcome.Unchanged.class, receiver.added(actor(region),
                regionAttestation));
        // only the issuer withdraws it
        assertFalse(receiver.removed(actor(fake), regionAttestation));
        assertEquals(held, aschheim.sql().count("SELECT count(*) FROM verification_held_attestation"));
    }

    @Test
    void addsAndRemovesFromOthersAreRefusedOrChangeNothing() {
        long held = aschheim.sql().count("SELECT count(*) FROM verification_held_attestation");
        String genuine = Verifications.json(actor(aschheim)).path("attestations").get(0).path("id").asText();
        RemoteMastodon server = fediverse.mastodon("mastodon.test");
        ActorKeys keys = server.actor("mallory");
        String mallory = server.actorId("mallory");

        assertEquals(400, fediverse.post(aschheim, "/kommune/inbox", activity("Add", mallory, genuine, null), keys)
                .status(), "an Add without target");
        assertEquals(400, fediverse.post(aschheim, "/inbox", activity("Add", mallory, null, actor(aschheim)), keys)
                .status(), "an Add without object");
        assertEquals(400, fediverse.post(aschheim, "/inbox", activity("Add", mallory, mallory + "/" + "x".repeat(2_100),
                actor(aschheim)), keys).status(), "an oversize object id");
        // Mastodon pins a post (Add to its featured collection): accepted, not ours, dropped
        assertEquals(202, fediverse.post(aschheim, "/inbox", activity("Add", mallory, mallory + "/statuses/1",
                mallory + "/collections/featured"), keys).status());
        // the region's attestation of Aschheim, announced by someone else; and withdrawn by someone else
        assertEquals(202, fediverse.post(aschheim, "/kommune/inbox", activity("Add", mallory, genuine, actor(aschheim)),
                keys).status());
        assertEquals(202, fediverse.post(aschheim, "/kommune/inbox", activity("Remove", mallory, genuine,
                actor(aschheim)), keys).status());
        Fediverse.awaitInbox(aschheim);
        assertEquals(held, aschheim.sql().count("SELECT count(*) FROM verification_held_attestation"));
        assertEquals(genuine, Verifications.json(actor(aschheim)).path("attestations").get(0).path("id").asText());
    }

    private static ObjectNode activity(String type, String actor, String object, String target) {
        ObjectNode a = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", actor + "#" + type + "-" + UUID.randomUUID()).put("type", type).put("actor", actor);
        if (object != null) {
            a.put("object", object);
        }
        if (target != null) {
            a.put("target", target);
        }
        return a;
    }

    private static JsonNode issue(SigningKey key, String issuer, String subject, String host, Instant now) {
        URI issuerUri = URI.create(issuer);
        Attestation a = new Attestation(issuerUri.resolve("/attestierungen/" + UUID.randomUUID()), issuerUri,
                URI.create(subject), AttestationCategory.MUNICIPALITY_NODE, "Aschheim", host, Optional.of(ASCHHEIM),
                now.minusSeconds(60), now.plus(Duration.ofDays(365)), issuerUri.resolve("/attestierungen/widerrufen"));
        return new AttestationIssuer(key, Clock.systemUTC()).issue(a);
    }

    private static AttestationVerification.Invalid assertReason(InvalidReason reason, AttestationVerification result) {
        AttestationVerification.Invalid invalid = assertInstanceOf(AttestationVerification.Invalid.class, result,
                String.valueOf(result));
        assertEquals(reason, invalid.reason(), invalid.message());
        return invalid;
    }

    private static void assertRefused(NodeAttestationReceiver.Outcome outcome, String why) {
        NodeAttestationReceiver.Outcome.Refused refused = assertInstanceOf(NodeAttestationReceiver.Outcome.Refused.class,
                outcome, String.valueOf(outcome));
        assertTrue(refused.reason().contains(why), refused.reason());
    }
}
