package de.offenekommune.node.activitypub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.testing.SharedFiles;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectInput;
import de.offenekommune.node.proposal.ProposalService;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.ApFixtures;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * Every document type in docs/FEDERATION.md, produced by the code: a node goes through a short
 * scenario, the documents are read the way other servers read them, normalised (host, dates,
 * UUIDs, keys) and compared with {@code src/test/resources/activitypub/examples/*.json}; each must
 * also appear verbatim in docs/FEDERATION.md. Run with {@code -Dok.examples.write=true} to rewrite
 * the files after an intended change (then update the document).
 */
class DocumentExamplesTest {
    static final String EXAMPLE_BASE = "https://musterstadt.example";
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern DATE = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})\"");
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PEM = Pattern.compile("-----BEGIN PUBLIC KEY-----[^\"]*-----END PUBLIC KEY-----\\\\n");
    private static final Pattern MULTIBASE = Pattern.compile("\"z6Mk[1-9A-HJ-NP-Za-km-z]+\"");

    private static TestNode node;
    private static final Map<String, JsonNode> EXAMPLES = new LinkedHashMap<>();

    @BeforeAll
    static void scenario() {
        node = TestNode.start("Musterstadt", Map.of("federation.vote-update-delay", "PT0S", "node.handle", "musterstadt"));
        Fixtures.Cast cast = Fixtures.musterstadt(node);
        Fediverse fediverse = new Fediverse();
        try {
            record(cast, fediverse);
        } finally {
            fediverse.close();
        }
    }

    private static void record(Fixtures.Cast cast, Fediverse fediverse) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        Project p = node.components().projects().create(new ProjectInput("PLANNING", "Neugestaltung Marktplatz",
                "Der Marktplatz bekommt Bäume, Bänke und einen Brunnen. Sagen Sie uns, was Ihnen wichtig ist.",
                "Der Entwurf liegt **vier Wochen** aus.", "Marktplatz", 51.5, 9.25, List.of("TRANSPORT", "ENVIRONMENT"),
                "Stadtplanungsamt", List.of(TestContent.phase("INFORMATION", today.minusDays(20), today.minusDays(1)),
                TestContent.phase("PARTICIPATION", today, today.plusDays(28))), List.of()));
        TestContent content = new TestContent(node);
        News news = content.news(p, "Bürgerversammlung am Montag", null);
        var event = content.event(p, "Bürgerversammlung zum Marktplatz", Instant.now().plusSeconds(86_400),
                Instant.now().plusSeconds(86_400 + 7_200));
        Survey survey = ApFixtures.survey(node, p, true);
        Question question = node.components().surveys().get(survey.id()).questions().getFirst();
        long proposal = Fixtures.proposal(node, cast.anna(), "Mehr Bänke am Marktplatz", cast.bauamt());
        awaitRelayed(node.url("/vorschlaege/" + proposal));
        long comment = node.components().participation().comments().add(cast.ben(), "proposal", proposal, null,
                "Gute Idee! Am besten mit **Lehne**.").id();
        node.components().participation().proposals().changeStatus(cast.staff(), proposal,
                new ProposalService.StatusChange("ANSWERED", "ACCEPTED", "Wir stellen im Frühjahr vier Bänke auf."));
        node.components().responses().submit(node.components().surveys().get(survey.id()), cast.carla(),
                Map.of(question.field(), List.of(String.valueOf(question.choices().getFirst().id()))));
        News gone = content.news(p, "Terminverschiebung", null);
        awaitRelayed(node.url(gone.path()));
        node.components().news().delete(gone.id());

        get(fediverse, "actor-town", "/kommune");
        get(fediverse, "actor-group", p.path() + "/gruppe");
        get(fediverse, "actor-person", "/profil/anna");
        get(fediverse, "actor-instance", "/actor");
        get(fediverse, "project-page", p.path());
        get(fediverse, "news-article", news.path());
        get(fediverse, "event", event.path());
        get(fediverse, "survey-page", survey.path());
        get(fediverse, "question", survey.path() + "/fragen/" + question.id());
        get(fediverse, "proposal-page", "/vorschlaege/" + proposal);
        get(fediverse, "answer-note", "/vorschlaege/" + proposal + "/antwort");
        get(fediverse, "comment-note", "/kommentare/" + comment);
        get(fediverse, "tombstone", gone.path());
        get(fediverse, "followers", "/kommune/followers");
        get(fediverse, "participation-figures", "/kommune/kennzahlen");
        // A citizen whose actor was fetched (so it federated) deletes the account (DSGVO Art. 17).
        String dora = node.url("/profil/dora");
        fediverse.getJson(dora);
        assertEquals(303, node.browser().signIn(cast.dora().email(), Fixtures.PASSWORD)
                .submit("/konto/loeschen", "/konto/loeschen", Map.of("password", Fixtures.PASSWORD)).status());
        get(fediverse, "actor-deleted", "/profil/dora");
        EXAMPLES.put("delete-actor", ActivityJson.parse(node.sql().one(
                "SELECT body FROM ap_activity WHERE type = 'Delete' AND actor_uri = ?", r -> r.str("body"), dora)
                .orElseThrow()));
        EXAMPLES.put("webfinger", ActivityJson.parse(node.browser().get("/.well-known/webfinger?resource=acct:musterstadt@"
                + node.baseUrl().getAuthority(), "application/jrd+json").body()));
        EXAMPLES.put("nodeinfo", ActivityJson.parse(node.browser().get("/nodeinfo/2.1", "application/json").body()));

        stored("create-page", "Create", node.url(p.path()));
        stored("announce", "Announce", node.url(p.path()));
        stored("create-proposal", "Create", node.url("/vorschlaege/" + proposal));
        stored("update-proposal", "Update", node.url("/vorschlaege/" + proposal));
        stored("create-answer", "Create", node.url("/vorschlaege/" + proposal + "/antwort"));
        stored("create-question", "Create", node.url(survey.path() + "/fragen/" + question.id()));
        stored("update-question", "Update", node.url(survey.path() + "/fragen/" + question.id()));
        stored("create-comment", "Create", node.url("/kommentare/" + comment));
        stored("delete", "Delete", node.url(gone.path()));

        Activities activities = node.components().activityPub().activities();
        String town = node.url("/kommune");
        String neighbour = "https://nachbarstadt.example/kommune";
        Activities.Activity follow = activities.follow(town, neighbour);
        EXAMPLES.put("follow", follow.json());
        EXAMPLES.put("undo-follow", activities.undo(town, follow.json(), neighbour).json());
        ObjectNode mastodonFollow = Fediverse.fixture("follow.json", "https://masto.asonix.dog/users/asonix",
                "https://mastodon.example/users/alice", "https://masto.asonix.dog/", "https://mastodon.example/",
                "https://ds9.lemmy.ml/c/testcom", town);
        EXAMPLES.put("accept", activities.accept(town, mastodonFollow).json());
        EXAMPLES.put("like", activities.like(node.url("/profil/ben/fern/" + UUID.randomUUID()), node.url("/profil/ben"),
                "https://nachbarstadt.example/vorschlaege/7", "https://nachbarstadt.example/profil/lena"));
        // A region (its own node) gives this town its node attestation, and withdraws it.
        Activities regionActivities = new Activities(new NodeUris("https://landkreis.example"),
                node.components().activityPub().context(), java.time.Clock.systemUTC());
        String attestation = "https://landkreis.example/attestierungen/" + UUID.randomUUID();
        EXAMPLES.put("add-attestation", regionActivities.attestationAdded("https://landkreis.example/kommune",
                attestation, town).json());
        EXAMPLES.put("remove-attestation", regionActivities.attestationRemoved("https://landkreis.example/kommune",
                attestation, town).json());
    }

    /** A change right after a Create would replace the Create still waiting; real changes come later. */
    private static void awaitRelayed(String objectUri) {
        Fediverse.await("Create of " + objectUri + " relayed", () -> node.sql().count("SELECT count(*) FROM ap_activity "
                + "WHERE type = 'Create' AND object_uri = ? AND relayed_at IS NOT NULL", objectUri) == 1);
    }

    private static void get(Fediverse fediverse, String name, String path) {
        Fediverse.Answer answer = fediverse.getJson(node.url(path));
        assertTrue(answer.status() == 200 || answer.status() == 410, path + ": " + answer.status());
        EXAMPLES.put(name, ActivityJson.parse(answer.body()));
    }

    private static void stored(String name, String type, String objectUri) {
        String body = node.sql().one("SELECT body FROM ap_activity WHERE type = ? AND object_uri = ? ORDER BY id DESC",
                r -> r.str("body"), type, objectUri).orElseThrow(() -> new AssertionError(type + " of " + objectUri));
        EXAMPLES.put(name, ActivityJson.parse(body));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Host, dates, UUIDs and keys replaced by stable values, so examples do not change from run to run. */
    static String normalise(JsonNode document) {
        String json;
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            json = ActivityJson.mapper().writer(printer).writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        json = json.replace(node.baseUrl().toString(), EXAMPLE_BASE)
                .replace(node.baseUrl().getAuthority(), "musterstadt.example");
        json = TIME.matcher(json).replaceAll("2025-05-04T10:00:00Z");
        json = DATE.matcher(json).replaceAll("\"2025-05-04\"");
        json = PEM.matcher(json).replaceAll("-----BEGIN PUBLIC KEY-----\\\\n…\\\\n-----END PUBLIC KEY-----\\\\n");
        json = MULTIBASE.matcher(json).replaceAll("\"z6Mk…\"");
        Map<String, String> uuids = new LinkedHashMap<>();
        Matcher m = UUIDS.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String stable = uuids.computeIfAbsent(m.group(), k -> String.format("00000000-0000-4000-8000-%012d",
                    uuids.size() + 1));
            m.appendReplacement(out, stable);
        }
        m.appendTail(out);
        return out.toString().replace("\r\n", "\n") + "\n";
    }

    private static Path examplesDir() {
        return SharedFiles.root().getParent().resolve("node/src/test/resources/activitypub/examples");
    }

    @Test
    void everyExampleIsCurrentAndInTheDocument() throws IOException {
        boolean write = Boolean.getBoolean("ok.examples.write");
        Path dir = examplesDir();
        String doc = Files.readString(SharedFiles.root().getParent().resolve("docs/FEDERATION.md"), StandardCharsets.UTF_8);
        List<String> missingInDoc = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : EXAMPLES.entrySet()) {
            String actual = normalise(e.getValue());
            Path file = dir.resolve(e.getKey() + ".json");
            if (write) {
                Files.createDirectories(dir);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                continue;
            }
            assertTrue(Files.exists(file), "missing example " + file + " (run with -Dok.examples.write=true)");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "example " + e.getKey() + " is stale");
            if (!doc.contains(actual.strip())) {
                missingInDoc.add(e.getKey());
            }
        }
        assertTrue(missingInDoc.isEmpty(), "docs/FEDERATION.md lacks the current examples " + missingInDoc);
    }

    @Test
    void theVerificationModulesTermsAreDefinedAlikeInTheOneDefinition() throws IOException {
        JsonNode ours = node.components().activityPub().context().terms();
        try (var in = de.offenekommune.verification.proof.BuiltInContexts.open(
                de.offenekommune.verification.proof.BuiltInContexts.OFFENEKOMMUNE_V1)) {
            JsonNode theirs = ActivityJson.parse(in.readAllBytes()).get("@context");
            theirs.fieldNames().forEachRemaining(term -> {
                if (!term.equals("updated")) {
                    assertEquals(theirs.get(term), ours.get(term), "term " + term);
                }
            });
        }
        JsonNode served = ActivityJson.parse(node.browser().get("/ns/v1", "application/ld+json").body()).get("@context");
        assertEquals(ActivityJson.parse(de.offenekommune.verification.proof.BuiltInContexts.open(
                de.offenekommune.verification.proof.BuiltInContexts.OFFENEKOMMUNE_V1).readAllBytes())
                .get("@context").get("updated"), served.get("updated"), "the served document keeps the list's updated");
    }

    @Test
    void everyTermOfTheContextIsDocumented() throws IOException {
        String doc = Files.readString(SharedFiles.root().getParent().resolve("docs/FEDERATION.md"), StandardCharsets.UTF_8);
        List<String> undocumented = new ArrayList<>();
        node.components().activityPub().context().terms().fieldNames().forEachRemaining(term -> {
            if (!doc.contains("`" + term + "`")) {
                undocumented.add(term);
            }
        });
        assertTrue(undocumented.isEmpty(), "terms not documented in docs/FEDERATION.md: " + undocumented);
    }
}
