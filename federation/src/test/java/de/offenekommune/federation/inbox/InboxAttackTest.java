package de.offenekommune.federation.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.CavageSigningString;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureAlgorithm;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.sig.SigningKey;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.MutableClock;
import de.offenekommune.federation.vocab.ActivityJson;

/**
 * The attack classes of advisories against Mastodon, Misskey, Lemmy, Pixelfed and Fedify, each sent
 * over real HTTP to the inbox: each is refused with the right status and nothing is stored.
 */
class InboxAttackTest {
    private final InboxTestSupport t = new InboxTestSupport("inbox_attacks");
    private final ActorKeys alice = t.mastodon.actor("alice");

    @AfterEach
    void close() {
        t.close();
    }

    private void assertRefused(FederationRig.Answer answer, int status, String messagePart) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.body().contains(messagePart), () -> "expected '" + messagePart + "' in " + answer.body());
        assertEquals(0, t.stored(), "nothing may be stored");
        assertEquals(0, t.rig.federation.inboxDispatcher().runOnce());
        assertTrue(t.handled.isEmpty());
    }

    private ObjectNode like(String suffix) {
        return t.like(alice.actorId(), t.mastodon.base() + "/users/alice#likes/" + suffix);
    }

    // --- signatures ---

    @Test
    void noSignatureIs401() {
        HttpMessage unsigned = HttpMessage.request("POST", t.rig.inboxUri(),
                HttpFields.create().set("content-type", "application/activity+json"), ActivityJson.write(like("1")));

        assertRefused(t.rig.post(unsigned), 401, "not signed");
    }

    @Test
    void anUnsignedFormPostIs401NotAParseError() {
        HttpMessage browserLike = HttpMessage.request("POST", t.rig.inboxUri(), HttpFields.create()
                .set("content-type", "application/x-www-form-urlencoded").set("cookie", "ok_session=abc"),
                "_csrf=token&text=hallo".getBytes(StandardCharsets.UTF_8));

        assertRefused(t.rig.post(browserLike), 401, "not signed");
    }

    @Test
    void aSignatureCoveringOnlyDateIs401() {
        assertRefused(postWithHeaders(like("2"), List.of("date"), "rsa-sha256"), 401, "required parts");
    }

    @Test
    void aPostWhoseSignatureOmitsTheDigestIs401() {
        assertRefused(postWithHeaders(like("3"), List.of("(request-target)", "host", "date"), "rsa-sha256"), 401, "digest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hmac-sha1", "rsa-sha1", "md5", "hmac-sha256", "ecdsa-sha1"})
    void aDowngradedAlgorithmIs401(String algorithm) {
        assertRefused(postWithHeaders(like("4"), List.of("(request-target)", "host", "date", "digest"), algorithm),
                401, "not allowed");
    }

    @Test
    void aValidSignatureByAOnAnActivityOfBIs401() {
        ActorKeys bob = t.mastodon.actor("bob");
        ObjectNode bobsLike = t.like(bob.actorId(), t.mastodon.base() + "/users/bob#likes/1");

        assertRefused(t.rig.postSigned(bobsLike, alice, SignatureScheme.CAVAGE), 401, "actor is " + bob.actorId());
    }

    @Test
    void aKeyWhoseOwnerDoesNotListItIs401() {
        ActorKeys eve = t.mastodon.actor("eve");
        var stray = Rsa.generate();
        String keyId = t.mastodon.base() + "/keys/stray";
        t.rig.wireMock.stubFor(get(urlPathEqualTo("/keys/stray")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/activity+json")
                .withBody("{\"@context\": \"https://w3id.org/security/v1\", \"id\": \"" + keyId + "\", \"type\": \"Key\","
                        + "\"owner\": \"" + eve.actorId() + "\", \"publicKeyPem\": " + ActivityJson.mapper().valueToTree(
                        Rsa.publicPem((java.security.interfaces.RSAPublicKey) stray.getPublic())) + "}")));
        ActorKeys forged = new ActorKeys(eve.actorId(),
                new SigningKey.Rsa(keyId, (java.security.interfaces.RSAPrivateCrtKey) stray.getPrivate()), null);

        assertRefused(t.rig.postSigned(t.like(eve.actorId(), t.mastodon.base() + "/likes/eve"), forged, SignatureScheme.CAVAGE),
                401, "does not list");
    }

    @Test
    void aTamperedBodyWithTheOldDigestIs401() {
        byte[] body = ActivityJson.write(like("5"));
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("proposals/1", "proposals/2").getBytes(StandardCharsets.UTF_8);

        var cavage = t.rig.postSigned(body.clone(), alice, SignatureScheme.CAVAGE, m -> replaceBody(m, tampered));
        var rfc9421 = t.rig.postSigned(body.clone(), alice, SignatureScheme.RFC9421, m -> replaceBody(m, tampered));

        assertRefused(cavage, 401, "does not match");
        assertRefused(rfc9421, 401, "does not match");
    }

    @ParameterizedTest
    @ValueSource(longs = {-2, 2})
    void aDateOrCreatedTwoHoursOffIs401(long hours) {
        MutableClock skewed = new MutableClock(t.rig.clock.instant().plus(Duration.ofHours(hours)));
        for (SignatureScheme scheme : SignatureScheme.values()) {
            HttpMessage message = HttpMessage.request("POST", t.rig.inboxUri(),
                    HttpFields.create().set("content-type", "application/activity+json"), ActivityJson.write(like("6" + scheme)));
            new HttpSigner(skewed).sign(message, alice.rsa(), scheme);

            assertRefused(t.rig.post(message), 401, "too far from now");
        }
    }

    // --- origin ---

    @Test
    void aCreateWhoseObjectIsOnAnotherHostIs403() {
        ObjectNode create = t.createNote(t.mastodon, "alice", t.mastodon.base() + "/users/alice/statuses/1");
        ((ObjectNode) create.get("object")).put("id", t.other.base() + "/users/victim/statuses/1");

        assertRefused(t.rig.postSigned(create, alice, SignatureScheme.CAVAGE), 403, "not on the signer's host");
    }

    @Test
    void aCreateWhoseObjectIsAttributedToAnotherHostIs403() {
        ObjectNode create = t.createNote(t.mastodon, "alice", t.mastodon.base() + "/users/alice/statuses/2");
        ((ObjectNode) create.get("object")).put("attributedTo", t.other.actorId("victim"));

        assertRefused(t.rig.postSigned(create, alice, SignatureScheme.CAVAGE), 403, "attributed to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Update", "Delete"})
    void anUpdateOrDeleteOfAnotherHostsObjectIs403(String type) {
        ObjectNode activity = t.createNote(t.mastodon, "alice", t.mastodon.base() + "/users/alice/statuses/3").put("type", type);
        activity.put("object", t.other.base() + "/users/victim/statuses/3");

        assertRefused(t.rig.postSigned(activity, alice, SignatureScheme.CAVAGE), 403, "not on the signer's host");
    }

    @Test
    void aCreateReusingAnExistingObjectIdOfSomeoneElseIs403() {
        ActorKeys bob = t.mastodon.actor("bob");
        String noteId = t.mastodon.base() + "/users/bob/statuses/7";
        assertEquals(202, t.rig.postSigned(t.createNote(t.mastodon, "bob", noteId), bob, SignatureScheme.CAVAGE).status());
        ObjectNode takeover = t.createNote(t.mastodon, "alice", noteId);
        takeover.put("id", t.mastodon.base() + "/users/alice/statuses/takeover/activity");

        var answer = t.rig.postSigned(takeover, alice, SignatureScheme.CAVAGE);

        assertEquals(403, answer.status(), answer.body());
        assertTrue(answer.body().contains("belongs to " + bob.actorId()), answer.body());
        assertEquals(1, t.stored());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://mastodon.test.evil.test/users/alice#likes/x",   // suffix
        "http://evil.test/mastodon.test/users/alice#likes/x",   // path
        "http://xn--mastodn-3ve.test/users/alice#likes/x"       // IDN look-alike (Cyrillic o)
    })
    void activityIdsOnLookAlikeHostsAre403(String id) {
        assertRefused(t.rig.postSigned(t.like(alice.actorId(), id), alice, SignatureScheme.CAVAGE), 403, "signer's host");
    }

    @Test
    void hostCaseAndTrailingDotsAreNormalisedNotRefused() {
        String id = "http://MASTODON.test.:" + t.rig.wireMock.port() + "/users/alice#likes/case";

        assertEquals(202, t.rig.postSigned(t.like(alice.actorId(), id), alice, SignatureScheme.CAVAGE).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://mastodon.test/likes/1", "javascript:alert(1)", "/relative/like",
        "http://mastodon.test@evil.test/users/alice#likes/x"})
    void nonHttpIdsAndIdsWithUserInfoAre400(String id) {
        assertRefused(t.rig.postSigned(t.like(alice.actorId(), id), alice, SignatureScheme.CAVAGE), 400, "http(s) id");
    }

    @Test
    void aNonHttpActorIs400() {
        assertRefused(t.rig.postSigned(t.like("data:text/plain,alice", t.mastodon.base() + "/l/1"), alice, SignatureScheme.CAVAGE),
                400, "http(s) actor");
    }

    // --- blocks ---

    @ParameterizedTest
    @ValueSource(strings = {"mastodon.test", "test"})
    void aBlockedDomainOrItsParentIs403(String domain) {
        t.rig.federation.blockList().blockDomain(domain, "spam");

        assertRefused(t.rig.postSigned(like("b1"), alice, SignatureScheme.CAVAGE), 403, "blocked");
        t.rig.wireMock.verify(0, getRequestedFor(urlPathEqualTo("/users/alice")));
    }

    @Test
    void aBlockedActorIs403() {
        t.rig.federation.blockList().blockActor(alice.actorId(), "harassment");

        assertRefused(t.rig.postSigned(like("b2"), alice, SignatureScheme.CAVAGE), 403, "blocked");
    }

    // --- helpers ---

    private FederationRig.Answer postWithHeaders(ObjectNode activity, List<String> headers, String algorithmName) {
        byte[] body = ActivityJson.write(activity);
        HttpFields fields = HttpFields.create().set("content-type", "application/activity+json")
                .set("host", "127.0.0.1:" + t.rig.server.port())
                .set("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(t.rig.clock.instant().atZone(ZoneOffset.UTC)))
                .set("digest", "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body)));
        HttpMessage message = HttpMessage.request("POST", t.rig.inboxUri(), fields, body);
        byte[] input = CavageSigningString.build(message, headers, null, null);
        String signature = Base64.getEncoder().encodeToString(SignatureAlgorithm.RSA_V1_5_SHA256.sign(alice.rsa(), input));
        fields.set("signature", "keyId=\"" + alice.rsa().keyId() + "\",algorithm=\"" + algorithmName + "\",headers=\""
                + String.join(" ", headers) + "\",signature=\"" + signature + "\"");
        return t.rig.post(message);
    }

    private static void replaceBody(HttpMessage message, byte[] body) {
        System.arraycopy(body, 0, message.body(), 0, Math.min(body.length, message.body().length));
    }

    private static byte[] sha256(byte[] body) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
