package de.offenekommune.node.activitypub.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.activitypub.LocalObjects;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.ObjectQueries;
import de.offenekommune.node.activitypub.mapper.ApObject;
import de.offenekommune.node.activitypub.mapper.SurveyMapper;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.project.News;
import de.offenekommune.node.proposal.Proposal;
import de.offenekommune.node.survey.ResponseRepository;
import de.offenekommune.node.survey.SurveyService;

/**
 * Turns content events into activities, in the transaction of the change: the town publishes
 * projects, news, events and surveys (their project group announces them to its followers); a
 * citizen publishes proposals (announced by the town) and comments (announced by the project
 * group when they are on project content); votes send the Question's new counts.
 */
public final class Publisher implements ContentEvents.Listener {
    private final NodeUris uris;
    private final LocalObjects objects;
    private final ObjectQueries queries;
    private final Publications publications;
    private final VoterInboxes voters;
    private final ResponseRepository responses;
    private final Clock clock;
    private final Duration voteUpdateDelay;

    public Publisher(NodeUris uris, LocalObjects objects, ObjectQueries queries, Publications publications,
                     VoterInboxes voters, Clock clock, Duration voteUpdateDelay) {
        this.uris = uris;
        this.objects = objects;
        this.queries = queries;
        this.publications = publications;
        this.voters = voters;
        this.responses = new ResponseRepository();
        this.clock = clock;
        this.voteUpdateDelay = voteUpdateDelay;
    }

    @Override
    public void on(Sql tx, ContentEvent e) {
        switch (e.kind()) {
            case PROJECT -> objects.project(tx, e.id()).ifPresent(o -> lifecycle(tx, o, e.change(), o.group(), null));
            case NEWS -> news(tx, e);
            case EVENT -> objects.event(tx, e.id()).ifPresent(o -> lifecycle(tx, o, e.change(), o.group(), null));
            case SURVEY -> survey(tx, e);
            case SURVEY_RESPONSE -> responses.surveyOf(tx, e.id()).ifPresent(id -> votes(tx, id));
            case PROPOSAL -> objects.proposal(tx, e.id()).ifPresent(o -> lifecycle(tx, o, e.change(), townUnlessOwner(o),
                    null));
            case PROPOSAL_STATUS -> proposalStatus(tx, e.id());
            case COMMENT -> comment(tx, e);
            default -> {
                // Supports change counts only; the proposal's document shows them when fetched.
            }
        }
    }

    private void lifecycle(Sql tx, ApObject o, ContentEvent.Change change, String announcer, Instant notBefore) {
        switch (change) {
            case CREATED -> publications.created(tx, o, announcer, List.of(), notBefore);
            case UPDATED -> publications.updated(tx, o, announcer, List.of(), notBefore);
            case DELETED -> publications.deleted(tx, o, announcer, List.of());
        }
    }

    private String townUnlessOwner(ApObject o) {
        return o.owner().equals(uris.town()) ? null : uris.town();
    }

    /** A post scheduled for later goes out when it is published. */
    private void news(Sql tx, ContentEvent e) {
        Optional<News> n = objects.newsRecord(tx, e.id());
        Instant at = n.map(News::publishedAt).filter(p -> p.isAfter(clock.instant())).orElse(null);
        objects.news(tx, e.id()).ifPresent(o -> lifecycle(tx, o, e.change(), o.group(), at));
    }

    /** Published as its Questions when it takes fediverse votes, else as its Page. */
    private void survey(Sql tx, ContentEvent e) {
        Optional<SurveyService.SurveyWithQuestions> s = objects.withQuestions(tx, e.id());
        if (s.isEmpty()) {
            return;
        }
        List<ApObject> published = SurveyMapper.publishedAsQuestions(s.get().survey(), s.get().questions())
                ? objects.questions(tx, s.get()) : objects.survey(tx, e.id()).stream().toList();
        if (e.change() == ContentEvent.Change.DELETED) {
            objects.survey(tx, e.id()).ifPresent(o -> publications.deleted(tx, o, o.group(), List.of()));
            objects.questions(tx, s.get()).forEach(o -> publications.deleted(tx, o, o.group(), List.of()));
            return;
        }
        published.forEach(o -> lifecycle(tx, o, e.change(), o.group(), null));
    }

    /** New counts for the survey's Questions, to followers and to the fediverse voters, shortly after. */
    private void votes(Sql tx, long surveyId) {
        Optional<SurveyService.SurveyWithQuestions> s = objects.withQuestions(tx, surveyId);
        if (s.isEmpty() || !SurveyMapper.publishedAsQuestions(s.get().survey(), s.get().questions())) {
            return;
        }
        List<String> inboxes = voters.inboxes(tx, surveyId);
        Instant at = clock.instant().plus(voteUpdateDelay);
        for (ApObject q : objects.questions(tx, s.get())) {
            publications.updatedLater(tx, q, List.of(q.owner(), q.group()), inboxes, at);
        }
    }

    /** The proposal's new status (an Update by its owner); an answer also goes out as the town's Note. */
    private void proposalStatus(Sql tx, long id) {
        Optional<ApObject> page = objects.proposal(tx, id);
        if (page.isEmpty()) {
            return;
        }
        publications.updated(tx, page.get(), townUnlessOwner(page.get()), List.of(uris.town()), null);
        Optional<Proposal> p = objects.proposalRecord(tx, id);
        Optional<ApObject> answer = objects.answer(tx, id);
        if (p.isPresent() && answer.isPresent()) {
            List<String> author = page.get().owner().equals(uris.town()) ? List.of() : List.of(page.get().owner());
            publications.updated(tx, answer.get(), null, author, null);
        }
    }

    private void comment(Sql tx, ContentEvent e) {
        Optional<ObjectQueries.CommentInfo> info = queries.comment(tx, e.id());
        if (info.isEmpty()) {
            return;
        }
        String group = info.get().projectSlug() == null ? null : uris.group(info.get().projectSlug());
        if (info.get().remoteActor() != null) {
            // A fediverse reply in a project's discussion: the group shares it with its followers.
            if (group != null && e.change() == ContentEvent.Change.CREATED) {
                publications.announced(tx, group, info.get().apId(), info.get().remoteActor());
            }
            return;
        }
        objects.comment(tx, e.id()).ifPresent(o -> lifecycle(tx, o, e.change(), group, null));
    }
}
