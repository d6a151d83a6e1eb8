package de.offenekommune.federation.webfinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.webserver.WebServer;

import de.offenekommune.federation.nodeinfo.NodeInfo;
import de.offenekommune.federation.testing.FederationRig;
import de.offenekommune.federation.testing.SharedFiles;
import de.offenekommune.federation.vocab.ActivityJson;

/** WebFinger and NodeInfo served over HTTP, and the WebFinger client against a Mastodon answer. */
class WebFingerAndNodeInfoTest {
    private final FederationRig rig = new FederationRig("webfinger", b -> { });
    private final WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    WebFingerAndNodeInfoTest() {
        WebFingerDirectory directory = new WebFingerDirectory() {
            private final WebFingerAccount town = new WebFingerAccount("acct:musterstadt@town.test",
                    "http://town.test/actors/musterstadt", "http://town.test/@musterstadt",
                    List.of("http://town.test/@musterstadt", "http://town.test/actors/musterstadt"));

            @Override
            public Optional<WebFingerAccount> byAccount(String user, String host) {
                return user.equals("musterstadt") ? Optional.of(town) : Optional.empty();
            }

            @Override
            public Optional<WebFingerAccount> byUrl(String url) {
                return town.aliases().contains(url) ? Optional.of(town) : Optional.empty();
            }
        };
        NodeInfo info = new NodeInfo("offenekommune", "0.1.0", null, "https://offenekommune.de", true, 120, 40, 80, 300, null);
        server = WebServer.builder().host("127.0.0.1").port(0).routing(r -> r
                .register("/.well-known/webfinger", rig.federation.webFinger(directory))
                .register("/", rig.federation.nodeInfo(() -> info, "http://town.test"))).build().start();
    }

    @AfterEach
    void close() {
        server.stop();
        rig.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> webfinger(String resource) throws Exception {
        return get("/.well-known/webfinger?resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8));
    }

    @Test
    void accountsAndActorUrlsResolveToTheActor() throws Exception {
        for (String resource : List.of("acct:musterstadt@town.test", "acct:@musterstadt@TOWN.test",
                "http://town.test/actors/musterstadt")) {
            var response = webfinger(resource);
            assertEquals(200, response.statusCode(), resource);
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/jrd+json"));
            var jrd = WebFingerClient.parse(ActivityJson.parse(response.body())).orElseThrow();
            assertEquals("acct:musterstadt@town.test", jrd.subject());
            assertEquals("http://town.test/actors/musterstadt", jrd.actorId());
            assertEquals("http://town.test/@musterstadt", jrd.profilePage());
        }
    }

    @Test
    void unknownAccountsForeignHostsAndBadResourcesAreRefused() throws Exception {
        assertEquals(404, webfinger("acct:nobody@town.test").statusCode());
        assertEquals(404, webfinger("acct:musterstadt@mastodon.social").statusCode());
        assertEquals(400, webfinger("acct:no-at-sign").statusCode());
        assertEquals(400, webfinger("mailto:x@town.test").statusCode());
        assertEquals(400, get("/.well-known/webfinger").statusCode());
    }

    @Test
    void theClientReadsMastodonsRealAnswer() throws Exception {
        String jrd = Files.readString(SharedFiles.fixtures().resolve("mastodon/webfinger.json"))
                .replace("https://mastodon.social", "http://mastodon.test:" + rig.wireMock.port());
        rig.wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/.well-known/webfinger")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/jrd+json").withBody(jrd)));
        var client = new WebFingerClient(rig.federation.fetcher(), "http");

        var result = client.lookup("@Gargron@mastodon.test:" + rig.wireMock.port()).orElseThrow();

        assertEquals("http://mastodon.test:" + rig.wireMock.port() + "/users/Gargron", result.actorId());
        assertEquals("http://mastodon.test:" + rig.wireMock.port() + "/@Gargron", result.profilePage());
    }

    @Test
    void nodeInfoLinksToAVersion21Document() throws Exception {
        JsonNode links = ActivityJson.parse(get("/.well-known/nodeinfo").body());
        var document = get("/nodeinfo/2.1");
        JsonNode info = ActivityJson.parse(document.body());

        assertEquals("http://nodeinfo.diaspora.software/ns/schema/2.1", links.path("links").get(0).path("rel").asText());
        assertEquals("http://town.test/nodeinfo/2.1", links.path("links").get(0).path("href").asText());
        assertTrue(document.headers().firstValue("content-type").orElse("").contains("schema/2.1"));
        assertEquals("2.1", info.path("version").asText());
        assertEquals("offenekommune", info.path("software").path("name").asText());
        assertEquals("activitypub", info.path("protocols").get(0).asText());
        assertEquals(120, info.path("usage").path("users").path("total").asInt());
        assertEquals(300, info.path("usage").path("localPosts").asInt());
    }
}
