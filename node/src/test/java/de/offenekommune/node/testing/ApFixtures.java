package de.offenekommune.node.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyInput;

/** Surveys and Mastodon-shaped poll votes for the ActivityPub tests. */
public final class ApFixtures {
    private ApFixtures() {
    }

    /** An open survey (results after voting): a single choice Ja/Nein/Weiß nicht, a multiple choice Bäume/Bänke/Brunnen. */
    public static Survey survey(TestNode node, Project p, boolean allowFediverse) {
        Instant now = Instant.now();
        return node.components().surveys().create(p.id(), new SurveyInput("Umfrage " + p.title(), "Bitte mitmachen.",
                now.minus(Duration.ofDays(1)).toString(), now.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS)
                        .toString(), "AFTER_VOTING", allowFediverse, List.of(
                        new SurveyInput.QuestionInput("SINGLE", "Gefällt Ihnen der Entwurf?", true,
                                List.of("Ja", "Nein", "Weiß nicht")),
                        new SurveyInput.QuestionInput("MULTIPLE", "Was ist Ihnen wichtig?", false,
                                List.of("Bäume", "Bänke", "Brunnen")))));
    }

    /**
     * Mastodon's poll vote (its documentation's example): {@code Create{Note{name}}} to the town's
     * personal inbox, ids {@code actor#votes/N} that cannot be fetched.
     */
    public static ObjectNode vote(RemoteMastodon server, TestNode node, String name, int n, String questionId,
                                  String option) {
        ObjectNode vote = Fediverse.fixture("create-note-poll-vote-docs-2.json",
                "https://mastodon.example/users/bob", server.actorId(name),
                "https://mastodon.example/users/alice/statuses/1009947848598745", questionId,
                "https://mastodon.example/users/alice", node.url("/kommune"));
        vote.put("id", server.actorId(name) + "#votes/" + n + "/activity");
        ((ObjectNode) vote.get("object")).put("id", server.actorId(name) + "#votes/" + n).put("name", option);
        return vote;
    }
}
