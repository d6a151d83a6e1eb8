package de.offenekommune.node.activitypub;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.project.ProjectComments;
import de.offenekommune.node.activitypub.mapper.ApObject;
import de.offenekommune.node.activitypub.mapper.CommentMapper;
import de.offenekommune.node.activitypub.mapper.EventMapper;
import de.offenekommune.node.activitypub.mapper.NewsMapper;
import de.offenekommune.node.activitypub.mapper.ProjectMapper;
import de.offenekommune.node.activitypub.mapper.ProposalMapper;
import de.offenekommune.node.activitypub.mapper.SurveyMapper;
import de.offenekommune.node.addressee.AddresseeRepository;
import de.offenekommune.node.comment.Comment;
import de.offenekommune.node.comment.CommentRepository;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.event.EventRepository;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.NewsRepository;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectPartsRepository;
import de.offenekommune.node.project.ProjectRepository;
import de.offenekommune.node.proposal.Proposal;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.ResponseService;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyRepository;
import de.offenekommune.node.survey.SurveyResults;
import de.offenekommune.node.survey.SurveyService;

/**
 * Loads local objects and maps them to ActivityStreams: what the content negotiation serves and
 * what the publisher sends are the same documents. Each takes the {@link Sql} to read with (a
 * running transaction when publishing), and a few indexed queries per object.
 */
public final class LocalObjects {
    /** The dependencies: repositories to read with, mappers to write with. */
    public record Sources(ProjectRepository projects, ProjectPartsRepository parts, NewsRepository news,
                          ProposalRepository proposals, AddresseeRepository addressees, SurveyRepository surveys,
                          ResponseService responses, EventRepository events, CommentRepository comments,
                          ObjectQueries queries) {
    }

    /** The mappers, one per kind of object. */
    public record Mappers(ProjectMapper project, NewsMapper news, ProposalMapper proposal, SurveyMapper survey,
                          EventMapper event, CommentMapper comment) {
    }

    private final NodeUris uris;
    private final Sources src;
    private final Mappers map;
    private final Clock clock;

    public LocalObjects(NodeUris uris, Sources sources, Mappers mappers, Clock clock) {
        this.uris = uris;
        this.src = sources;
        this.map = mappers;
        this.clock = clock;
    }

    /** The object a local URI names, as the public sees it; empty if there is none (or not yet). */
    public Optional<ApObject> load(Sql sql, LocalRef ref) {
        return switch (ref) {
            case LocalRef.Project p -> src.projects().bySlug(sql, p.slug()).flatMap(x -> project(sql, x.id()));
            case LocalRef.News n -> src.news().byId(sql, n.id())
                    .filter(x -> x.projectSlug().equals(n.slug()) && !x.publishedAt().isAfter(clock.instant()))
                    .flatMap(x -> news(sql, x.id()));
            case LocalRef.Proposal p -> proposal(sql, p.id());
            case LocalRef.Answer a -> answer(sql, a.proposalId());
            case LocalRef.Survey s -> survey(sql, s.id());
            case LocalRef.Question q -> question(sql, q.surveyId(), q.questionId());
            case LocalRef.Event e -> event(sql, e.id());
            case LocalRef.Comment c -> comment(sql, c.id());
            default -> Optional.empty();
        };
    }

    public Optional<ApObject> project(Sql sql, long id) {
        return src.projects().byId(sql, id).map(p -> map.project().toPage(p, src.parts().phases(sql, p.id())));
    }

    public Optional<ApObject> news(Sql sql, long id) {
        return src.news().byId(sql, id).map(map.news()::toArticle);
    }

    public Optional<ApObject> proposal(Sql sql, long id) {
        return src.proposals().byId(sql, id).map(p -> map.proposal().toPage(p,
                src.addressees().ofProposal(sql, id), author(sql, p)));
    }

    public Optional<ApObject> answer(Sql sql, long proposalId) {
        return src.proposals().byId(sql, proposalId).filter(p -> p.answer() != null && !p.deleted())
                .map(p -> map.proposal().answerNote(p, author(sql, p)));
    }

    private String author(Sql sql, Proposal p) {
        return src.queries().username(sql, p.authorId()).map(uris::person).orElse(null);
    }

    public Optional<ApObject> event(Sql sql, long id) {
        return src.events().byId(sql, id).map(map.event()::toEvent);
    }

    public Optional<ApObject> survey(Sql sql, long id) {
        return withQuestions(sql, id).map(s -> map.survey().toPage(s.survey(), s.questions(),
                results(sql, s), clock.instant()));
    }

    public Optional<ApObject> question(Sql sql, long surveyId, long questionId) {
        return withQuestions(sql, surveyId).flatMap(s -> questions(sql, s).stream()
                .filter(o -> o.id().equals(uris.question(surveyId, questionId))).findFirst());
    }

    /** The survey with its questions, for deciding how it is published. */
    public Optional<SurveyService.SurveyWithQuestions> withQuestions(Sql sql, long surveyId) {
        return src.surveys().byId(sql, surveyId)
                .map(s -> new SurveyService.SurveyWithQuestions(s, src.surveys().questions(sql, surveyId)));
    }

    /** Every choice question of the survey as a Question, with current counts. */
    public List<ApObject> questions(Sql sql, SurveyService.SurveyWithQuestions s) {
        SurveyResults results = results(sql, s);
        Survey survey = s.survey();
        return results.questions().stream().filter(r -> r.question().kind().hasChoices())
                .map(r -> map.survey().toQuestion(survey, r.question(), r, clock.instant())).toList();
    }

    private SurveyResults results(Sql sql, SurveyService.SurveyWithQuestions s) {
        return src.responses().results(sql, s, false);
    }

    /** Local comments; a remote comment's document is at its own origin ({@link #remoteCommentId}). */
    public Optional<ApObject> comment(Sql sql, long id) {
        Optional<ObjectQueries.CommentInfo> info = src.queries().comment(sql, id);
        if (info.isEmpty() || info.get().remoteActor() != null) {
            return Optional.empty();
        }
        Optional<Comment> c = src.comments().byId(sql, id);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        ObjectQueries.CommentInfo i = info.get();
        String author = i.authorUsername() == null ? null : uris.person(i.authorUsername());
        return Optional.of(map.comment().toNote(c.get(), author, placement(i)));
    }

    /** The origin id of a remote comment, if the comment is remote. */
    public Optional<String> remoteCommentId(Sql sql, long id) {
        return src.queries().comment(sql, id).map(ObjectQueries.CommentInfo::apId);
    }

    /** Where a comment (local or remote) sits, in ActivityPub terms. */
    public CommentMapper.Placement placement(ObjectQueries.CommentInfo i) {
        String inReplyTo;
        if (i.parentId() != null) {
            inReplyTo = i.parentApId() != null ? i.parentApId() : uris.comment(i.parentId());
        } else {
            inReplyTo = targetUri(i);
        }
        String group = i.projectSlug() == null ? null : uris.group(i.projectSlug());
        return new CommentMapper.Placement(inReplyTo, targetUri(i), group, i.parentRemoteActor());
    }

    private String targetUri(ObjectQueries.CommentInfo i) {
        return switch (i.targetKind()) {
            case ProposalRepository.KIND -> uris.proposal(i.targetId());
            case ProjectComments.PROJECT -> uris.project(i.projectSlug());
            case ProjectComments.NEWS -> uris.news(i.projectSlug(), i.targetId());
            default -> uris.base() + "/";
        };
    }

    public Optional<Project> projectRecord(Sql sql, long id) {
        return src.projects().byId(sql, id);
    }

    public Optional<News> newsRecord(Sql sql, long id) {
        return src.news().byId(sql, id);
    }

    public Optional<Proposal> proposalRecord(Sql sql, long id) {
        return src.proposals().byId(sql, id);
    }

    public Optional<Question> questionRecord(Sql sql, long surveyId, long questionId) {
        return src.surveys().questions(sql, surveyId).stream().filter(q -> q.id() == questionId).findFirst();
    }
}
