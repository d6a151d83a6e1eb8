package de.offenekommune.federation.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.apicatalog.jsonld.JsonLdError;

import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.MalformedDocumentException;
import de.offenekommune.federation.vocab.Reference;

/** Unusual but legal JSON-LD shapes read like the plain form; restructuring tricks are refused. */
class JsonLdShapesTest {
    private final ContextRegistry registry = ContextRegistry.withBuiltIns();
    private final DocumentReader reader = new DocumentReader(registry);

    @Test
    void prefixedAndExpandedFormsReadLikeThePlainForm() {
        String plain = """
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://a.example/likes/1",
                 "type": "Like", "actor": "https://a.example/users/ann", "object": "https://b.example/notes/9"}""";
        String prefixed = """
                {"@context": ["https://www.w3.org/ns/activitystreams", {"x": "https://www.w3.org/ns/activitystreams#"}],
                 "@id": "https://a.example/likes/1", "@type": "x:Like",
                 "x:actor": {"@id": "https://a.example/users/ann"}, "as:object": {"id": "https://b.example/notes/9"}}""";
        String expanded = """
                {"@id": "https://a.example/likes/1", "@type": ["https://www.w3.org/ns/activitystreams#Like"],
                 "https://www.w3.org/ns/activitystreams#actor": [{"@id": "https://a.example/users/ann"}],
                 "https://www.w3.org/ns/activitystreams#object": [{"@id": "https://b.example/notes/9"}]}""";

        for (String json : new String[] {plain, prefixed, expanded}) {
            var like = assertInstanceOf(Activity.class, reader.read(ActivityJson.parse(json)), json);
            assertEquals("https://a.example/likes/1", like.id());
            assertEquals("Like", like.type());
            assertEquals("https://a.example/users/ann", like.actor());
            assertEquals(new Reference.Iri("https://b.example/notes/9"), like.object());
        }
    }

    @Test
    void anInlineContextThatRedefinesActorIsHonoured() {
        // "actor" is redefined to mean as:object and vice versa: a plain reader would swap them.
        String json = """
                {"@context": ["https://www.w3.org/ns/activitystreams",
                   {"actor": {"@id": "as:object", "@type": "@id"}, "object": {"@id": "as:actor", "@type": "@id"}}],
                 "id": "https://a.example/likes/2", "type": "Like",
                 "actor": "https://b.example/notes/9", "object": "https://a.example/users/ann"}""";

        var like = assertInstanceOf(Activity.class, reader.read(ActivityJson.parse(json)));

        assertEquals("https://a.example/users/ann", like.actor());
        assertEquals("https://b.example/notes/9", like.object().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"@graph\": [{\"id\": \"https://a.example/1\", \"type\": \"Like\"}]}",
        "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"id\": \"https://a.example/1\", \"type\": \"Note\", \"@reverse\": {\"as:attributedTo\": {\"id\": \"https://a.example/u\"}}}",
        "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"id\": \"https://a.example/1\", \"type\": \"Like\", \"@included\": [{\"id\": \"https://b.example/x\", \"type\": \"Person\"}]}",
        "{\"@context\": [\"https://www.w3.org/ns/activitystreams\", {\"g\": \"@graph\"}], \"g\": [{\"id\": \"https://a.example/1\"}]}",
        "{\"@context\": [\"https://www.w3.org/ns/activitystreams\", {\"author\": {\"@reverse\": \"as:attributedTo\"}}], \"id\": \"https://a.example/1\", \"type\": \"Note\"}",
        "{\"@context\": [\"https://www.w3.org/ns/activitystreams\", {\"@import\": \"https://evil.example/ctx\"}], \"id\": \"https://a.example/1\", \"type\": \"Note\"}"
    })
    void restructuringTricksAreRefused(String json) {
        var e = assertThrows(MalformedDocumentException.class, () -> reader.read(ActivityJson.parse(json)));

        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void deeplyNestedJsonIsRefusedByTheParser() {
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);

        var e = assertThrows(MalformedDocumentException.class, () -> ActivityJson.parse(deep));

        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void duplicateKeysResolveToTheLastOneLikeOtherServers() {
        var doc = ActivityJson.parse("{\"id\": \"https://a.example/1\", \"id\": \"https://b.example/1\"}");

        assertEquals("https://b.example/1", doc.get("id").asText());
    }

    @Test
    void theLoaderServesBuiltInsAndRefusesEverythingElse() throws Exception {
        var loader = new BuiltInDocumentLoader(registry);

        loader.loadDocument(URI.create("https://www.w3.org/ns/activitystreams"), null);
        loader.loadDocument(URI.create("https://w3id.org/security/data-integrity/v2"), null);
        assertThrows(JsonLdError.class, () -> loader.loadDocument(URI.create("https://evil.example/context.jsonld"), null));
        assertEquals(1, loader.refusedCount());
    }

    @Test
    void anApplicationSuppliedContextIsServed() throws Exception {
        registry.register("https://offenekommune.de/ns/v1",
                "{\"@context\": {\"ok\": \"https://offenekommune.de/ns#\", \"supportCount\": \"ok:supportCount\"}}");
        String json = """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://offenekommune.de/ns/v1"],
                 "@id": "https://town.example/proposals/1", "type": "Page", "supportCount": 7}""";

        var page = reader.read(ActivityJson.parse(json));

        assertEquals("https://town.example/proposals/1", page.id());
        assertEquals(7, page.json().get("https://offenekommune.de/ns#supportCount").asInt());
    }

    @Test
    void aNestedRemoteContextIsRefusedNotFetched() {
        String json = """
                {"@context": "https://www.w3.org/ns/activitystreams", "@id": "https://a.example/1", "type": "Create",
                 "object": {"@context": "https://evil.example/ctx.jsonld", "id": "https://a.example/n/1", "type": "Note"}}""";

        var e = assertThrows(MalformedDocumentException.class, () -> reader.read(ActivityJson.parse(json)));

        assertTrue(e.getMessage().contains("never fetched") || e.getMessage().contains("LOADING"), e.getMessage());
    }
}
