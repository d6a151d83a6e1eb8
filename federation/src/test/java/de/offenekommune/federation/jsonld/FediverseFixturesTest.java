package de.offenekommune.federation.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.offenekommune.federation.testing.SharedFiles;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.ActorKey;
import de.offenekommune.federation.vocab.AsCollection;
import de.offenekommune.federation.vocab.AsDocument;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.federation.vocab.Reference;

/** Every real document from 38 servers reads without error; the main shapes yield their essentials. */
class FediverseFixturesTest {
    private static final DocumentReader READER = DocumentReader.withBuiltIns();

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(SharedFiles.fixtures())) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureReadsWithoutError(Path file) throws IOException {
        AsDocument document = READER.read(Files.readAllBytes(file));

        assertNotNull(document.json());
        boolean actorHasId = document.json().has("actor") && !document.json().get("actor").isObject()
                || document.json().path("actor").has("id");
        if (document instanceof Activity activity && actorHasId) {
            assertNotNull(activity.actor(), "actor of " + file);
        }
    }

    @Test
    void fixtureSetIsComplete() throws IOException {
        assertTrue(fixtures().count() >= 220, "expected the 223 shared fixtures");
    }

    @Test
    void mastodonCreateNoteYieldsActivityObjectAndAuthor() throws IOException {
        var create = assertInstanceOf(Activity.class, read("mastodon/create-note.json"));

        assertEquals("Create", create.type());
        assertEquals("https://mastodon.madrid/users/felix/statuses/107224289116410645/activity", create.id());
        assertEquals("https://mastodon.madrid/users/felix", create.actor());
        var note = assertInstanceOf(AsObject.class, create.embeddedObject().orElseThrow());
        assertEquals("https://mastodon.madrid/users/felix/statuses/107224289116410645", note.id());
        assertEquals("Note", note.type());
        assertEquals(List.of("https://mastodon.madrid/users/felix"), note.attributedTo());
        assertEquals("https://mamot.fr/users/retiolus/statuses/107224244380204526", note.inReplyTo());
        assertEquals(List.of("https://mastodon.madrid/users/felix/followers"), create.to());
    }

    @Test
    void likeAndUndoCarryTheirObjects() throws IOException {
        var like = assertInstanceOf(Activity.class, read("mastodon/like.json"));
        var undo = assertInstanceOf(Activity.class, read("mastodon/undo-like.json"));

        assertEquals("Like", like.type());
        assertEquals("http://mastodon.example.org/users/admin", like.actor());
        assertEquals(new Reference.Iri("http://localtesting.pleroma.lol/objects/eb92579d-3417-42a8-8652-2492c2d4f454"), like.object());
        assertEquals("Undo", undo.type());
        var inner = assertInstanceOf(Activity.class, undo.embeddedObject().orElseThrow());
        assertEquals("Like", inner.type());
    }

    @Test
    void mastodonActorYieldsInboxesAndKey() throws IOException {
        var actor = assertInstanceOf(Actor.class, read("mastodon/actor-person.json"));

        assertEquals("https://mastodon.social/users/Gargron", actor.id());
        assertEquals("Person", actor.type());
        assertEquals("https://mastodon.social/users/Gargron/inbox", actor.inbox());
        assertEquals("https://mastodon.social/inbox", actor.sharedInbox());
        assertEquals(1, actor.keys().size());
        ActorKey key = actor.keys().getFirst();
        assertEquals("https://mastodon.social/users/Gargron#main-key", key.id());
        assertEquals("https://mastodon.social/users/Gargron", key.owner());
        assertEquals(ActorKey.Kind.PEM, key.kind());
    }

    @Test
    void multipleTypesAndLemmyWithoutContextAreRead() throws IOException {
        var mastodon = assertInstanceOf(Actor.class, read("mastodon/actor-person-type-array.json"));
        var lemmyGroup = assertInstanceOf(Actor.class, read("lemmy/actor-group.json"));
        var lemmyPage = assertInstanceOf(Activity.class, read("lemmy/create-page.json"));

        assertEquals("Person", mastodon.type());
        assertEquals("https://ap.example.com/users/foo/inbox", mastodon.inbox());
        assertEquals("Group", lemmyGroup.type());
        assertNotNull(lemmyGroup.inbox());
        assertEquals("Page", lemmyPage.embeddedObject().orElseThrow().type());
    }

    @Test
    void collectionsListTheirItems() throws IOException {
        var followers = assertInstanceOf(AsCollection.class, read("mastodon/collection-followers.json"));
        var outbox = assertInstanceOf(AsCollection.class, read("gotosocial/collection-outbox-page.json"));

        assertTrue(followers.totalItems() >= 0);
        assertTrue(outbox.items().size() > 0);
    }

    private static AsDocument read(String fixture) throws IOException {
        return READER.read(Files.readAllBytes(SharedFiles.fixtures().resolve(fixture)));
    }
}
