package de.offenekommune.node.activitypub.mapper;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.ResultsVisibility;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyResults;
import de.offenekommune.node.web.HtmlSanitizer;
import de.offenekommune.node.web.Messages;

/**
 * A survey is a {@code Page} (title, intro, dates, its questions); each choice question is a
 * {@code Question} Mastodon can vote in ({@code oneOf} for single, {@code anyOf} for multiple choice),
 * with {@code endTime} (or {@code closed}) and {@code votersCount}. Counts are public when the survey
 * shows results after voting (Mastodon shows them to voters) or once it is closed; until then the
 * options carry no counts.
 */
public final class SurveyMapper {
    private final NodeUris uris;
    private final Messages msg;

    public SurveyMapper(NodeUris uris, Messages msg) {
        this.uris = uris;
        this.msg = msg;
    }

    public static boolean resultsPublic(Survey s, Instant now) {
        return s.state(now) == Survey.State.CLOSED || s.resultsVisibility() == ResultsVisibility.AFTER_VOTING;
    }

    /** What a survey is published as: its questions when fediverse votes are allowed, else its page. */
    public static boolean publishedAsQuestions(Survey s, List<Question> questions) {
        return s.allowFediverse() && questions.stream().anyMatch(q -> q.kind().hasChoices());
    }

    public ApObject toPage(Survey s, List<Question> questions, SurveyResults results, Instant now) {
        String id = uris.survey(s.id());
        String town = uris.town();
        String group = uris.group(s.projectSlug());
        if (s.deleted()) {
            return Tombstones.deleted(id, "Page", town, group, s.deletedAt());
        }
        ObjectNode page = ActivityJson.newObject().put("id", id).put("type", "Page").put("name", s.title())
                .put("summary", summary(s)).put("content", s.introHtml() + AsText.link(id, msg.get("ap.survey.link")))
                .put("mediaType", "text/html").put("url", id).put("attributedTo", town).put("audience", group)
                .put("context", uris.project(s.projectSlug()))
                .put("startTime", AsText.time(s.opensAt())).put("endTime", AsText.time(s.closesAt()))
                .put("published", AsText.time(s.createdAt())).put("updated", AsText.time(s.updatedAt()));
        Addressing.publicly(page, town, group, List.of());
        ArrayNode ids = page.putArray("questions");
        questions.stream().filter(q -> q.kind().hasChoices()).forEach(q -> ids.add(uris.question(s.id(), q.id())));
        page.put("fediverseVotes", s.allowFediverse());
        boolean open = resultsPublic(s, now);
        page.put("resultsPublic", open);
        if (open) {
            page.put("responseCount", results.responses()).put("localResponseCount", results.localResponses())
                    .put("remoteResponseCount", results.remoteResponses());
        }
        return new ApObject(id, "Page", town, group, List.of(), page, null);
    }

    /** @param result the question's counted answers */
    public ApObject toQuestion(Survey s, Question q, SurveyResults.QuestionResult result, Instant now) {
        String id = uris.question(s.id(), q.id());
        String town = uris.town();
        String group = uris.group(s.projectSlug());
        if (s.deleted()) {
            return Tombstones.deleted(id, "Question", town, group, s.deletedAt());
        }
        ObjectNode question = ActivityJson.newObject().put("id", id).put("type", "Question").put("name", q.text())
                .put("content", AsText.paragraph(q.text()) + AsText.paragraph(msg.get("ap.survey.part-of", s.title()))
                        + AsText.link(uris.survey(s.id()), msg.get("ap.survey.link")))
                .put("mediaType", "text/html").put("url", uris.survey(s.id())).put("attributedTo", town)
                .put("audience", group).put("context", uris.project(s.projectSlug())).put("survey", uris.survey(s.id()))
                .put("published", AsText.time(s.createdAt())).put("updated", AsText.time(s.updatedAt()));
        Addressing.publicly(question, town, group, List.of());
        boolean counts = resultsPublic(s, now);
        ArrayNode options = question.putArray(q.kind() == de.offenekommune.node.survey.QuestionKind.MULTIPLE
                ? "anyOf" : "oneOf");
        for (SurveyResults.ChoiceResult c : result.choices()) {
            ObjectNode option = options.addObject().put("type", "Note").put("name", c.choice().label());
            if (counts) {
                option.putObject("replies").put("type", "Collection").put("totalItems", c.total());
                option.put("localVotes", c.local()).put("remoteVotes", c.remote());
            }
        }
        question.put(s.state(now) == Survey.State.CLOSED ? "closed" : "endTime", AsText.time(s.closesAt()));
        if (counts) {
            question.put("votersCount", result.answered());
        }
        question.put("fediverseVotes", s.allowFediverse());
        return new ApObject(id, "Question", town, group, List.of(), question, null);
    }

    private static String summary(Survey s) {
        String intro = HtmlSanitizer.teaser(HtmlSanitizer.text(s.introHtml()), 400);
        return intro.isEmpty() ? s.title() : intro;
    }
}
