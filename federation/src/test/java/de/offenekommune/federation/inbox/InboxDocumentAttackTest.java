package de.offenekommune.federation.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.testing.FederationRig;

/** Bodies that are too big, too deep, malformed or restructured with JSON-LD, and remote contexts. */
class InboxDocumentAttackTest {
    private final InboxTestSupport t = new InboxTestSupport("inbox_documents");
    private final ActorKeys alice = t.mastodon.actor("alice");

    @AfterEach
    void close() {
        t.close();
    }

    private FederationRig.Answer postJson(String json) {
        return t.rig.postSigned(json.getBytes(StandardCharsets.UTF_8), alice, SignatureScheme.CAVAGE, m -> { });
    }

    private void assertRefused(FederationRig.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"message\""), answer.body());
        assertEquals(0, t.stored());
    }

    private String likeJson(String extra) {
        return "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"id\": \"" + t.mastodon.base() + "/likes/d\","
                + " \"type\": \"Like\", \"actor\": \"" + alice.actorId() + "\", \"object\": \"http://town.test/p/1\"" + extra + "}";
    }

    @Test
    void aBodyOverOneMegabyteIs413() {
        String padding = ", \"summary\": \"" + "x".repeat(1024 * 1024) + "\"";

        assertRefused(postJson(likeJson(padding)), 413);
    }

    @Test
    void deeplyNestedJsonIs400() {
        String deep = ", \"tag\": " + "[".repeat(500) + "]".repeat(500);

        assertRefused(postJson(likeJson(deep)), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": ", "[1, 2]", "not json", "{\"type\": \"Like\"}", "{\"type\": \"Note\", \"id\": \"http://x.test/1\"}"})
    void malformedOrNonActivityBodiesAre400(String json) {
        assertRefused(postJson(json), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ", \"@graph\": [{\"id\": \"http://town.test/p/1\", \"type\": \"Tombstone\"}]",
        ", \"@reverse\": {\"as:actor\": {\"id\": \"http://other.test/users/victim\"}}",
        ", \"@included\": [{\"id\": \"http://other.test/users/victim\", \"type\": \"Person\"}]"
    })
    void jsonLdRestructuringIs400(String extra) {
        assertRefused(postJson(likeJson(extra)), 400);
    }

    @Test
    void aRemoteContextIsNeverFetched() {
        t.rig.wireMock.stubFor(get(urlPathEqualTo("/ctx.jsonld")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/ld+json")
                .withBody("{\"@context\": {\"actor\": \"https://www.w3.org/ns/activitystreams#object\"}}")));
        String contextUrl = "http://evil.test:" + t.rig.wireMock.port() + "/ctx.jsonld";
        String plain = likeJson("").replace("\"https://www.w3.org/ns/activitystreams\"",
                "[\"https://www.w3.org/ns/activitystreams\", \"" + contextUrl + "\"]");
        String prefixed = plain.replace("\"object\": \"http://town.test/p/1\"", "\"as:object\": {\"id\": \"http://town.test/p/1\"}")
                .replace("/likes/d", "/likes/e");
        String nested = likeJson(", \"result\": {\"@context\": \"" + contextUrl + "\", \"type\": \"Note\"}").replace("/likes/d", "/likes/f");

        var plainAnswer = postJson(plain);
        var prefixedAnswer = postJson(prefixed);
        var nestedAnswer = postJson(nested);

        assertEquals(202, plainAnswer.status(), plainAnswer.body());
        assertEquals(202, prefixedAnswer.status(), prefixedAnswer.body());
        assertEquals(400, nestedAnswer.status(), nestedAnswer.body());
        assertTrue(nestedAnswer.body().contains("never fetched"), nestedAnswer.body());
        t.rig.wireMock.verify(0, getRequestedFor(urlPathEqualTo("/ctx.jsonld")));
        t.rig.federation.inboxDispatcher().runOnce();
        assertEquals(2, t.handled.size());
        t.handled.forEach(a -> assertEquals(alice.actorId(), a.activity().actor()));
        t.handled.forEach(a -> assertEquals("http://town.test/p/1", a.activity().object().id()));
    }
}
