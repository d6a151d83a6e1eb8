package de.offenekommune.node.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import io.helidon.http.Status;

import de.offenekommune.node.db.FormSubmissions;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HttpError;

/**
 * Surveys and their questions. Questions are frozen once the first response is in: changing them
 * afterwards would make the stored answers mean something else. Callers have checked staff.
 */
public final class SurveyService {
    private final Sql sql;
    private final SurveyRepository surveys;
    private final ContentEvents events;
    private final Clock clock;

    public SurveyService(Sql sql, SurveyRepository surveys, ContentEvents events, Clock clock) {
        this.sql = sql;
        this.surveys = surveys;
        this.events = events;
        this.clock = clock;
    }

    /** A survey with its questions, as the answer form, results and API show it. */
    public record SurveyWithQuestions(Survey survey, List<Question> questions) {
    }

    public Survey create(long projectId, SurveyInput in) {
        SurveyValidator.SurveyData d = SurveyValidator.survey(in);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            if (!surveys.projectIsLive(tx, projectId)) {
                throw HttpError.notFound();
            }
            long id = surveys.insert(tx, projectId, d, now);
            if (d.questions() != null) {
                d.questions().forEach(q -> surveys.insertQuestion(tx, id, q));
            }
            events.publish(tx, ContentEvent.Kind.SURVEY, id, ContentEvent.Change.CREATED);
            return surveys.byId(tx, id).orElseThrow();
        });
    }

    /** @throws HttpError 409 if questions are to be replaced but responses exist */
    public Survey update(long id, SurveyInput in) {
        SurveyValidator.SurveyData d = SurveyValidator.survey(in);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            live(tx, id);
            if (d.questions() != null) {
                requireNoResponses(tx, id);
                surveys.deleteQuestions(tx, id);
                d.questions().forEach(q -> surveys.insertQuestion(tx, id, q));
            }
            surveys.update(tx, id, d, now);
            events.publish(tx, ContentEvent.Kind.SURVEY, id, ContentEvent.Change.UPDATED);
            return surveys.byId(tx, id).orElseThrow();
        });
    }

    public Survey delete(long id) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            Survey s = live(tx, id);
            surveys.softDelete(tx, id, now);
            events.publish(tx, ContentEvent.Kind.SURVEY, id, ContentEvent.Change.DELETED);
            return s;
        });
    }

    public Question addQuestion(long surveyId, SurveyInput.QuestionInput in) {
        return addQuestion(surveyId, in, null);
    }

    /** @param key the form's one-time key: a repeat returns the question the first POST added, changing nothing */
    public Question addQuestion(long surveyId, SurveyInput.QuestionInput in, FormKey key) {
        SurveyValidator.QuestionData q = SurveyValidator.question(in);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            OptionalLong earlier = FormSubmissions.claim(tx, key, "question", now);
            if (earlier.isPresent()) {
                long id = earlier.getAsLong();
                return surveys.questions(tx, surveyId).stream().filter(x -> x.id() == id).findFirst()
                        .orElseThrow(HttpError::notFound);
            }
            Question added = changeQuestions(tx, surveyId, now, t -> surveys.insertQuestion(t, surveyId, q));
            FormSubmissions.complete(tx, key, added.id());
            return added;
        });
    }

    public Question updateQuestion(long questionId, SurveyInput.QuestionInput in) {
        SurveyValidator.QuestionData q = SurveyValidator.question(in);
        long surveyId = surveys.surveyOfQuestion(sql, questionId).orElseThrow(HttpError::notFound);
        return changeQuestions(surveyId, tx -> {
            surveys.updateQuestion(tx, questionId, q);
            return questionId;
        });
    }

    public long deleteQuestion(long questionId) {
        long surveyId = surveys.surveyOfQuestion(sql, questionId).orElseThrow(HttpError::notFound);
        changeQuestions(surveyId, tx -> {
            surveys.deleteQuestion(tx, questionId);
            return 0L;
        });
        return surveyId;
    }

    private Question changeQuestions(long surveyId, java.util.function.Function<Sql, Long> change) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> changeQuestions(tx, surveyId, now, change));
    }

    private Question changeQuestions(Sql tx, long surveyId, Instant now, java.util.function.Function<Sql, Long> change) {
        live(tx, surveyId);
        requireNoResponses(tx, surveyId);
        long questionId = change.apply(tx);
        surveys.touch(tx, surveyId, now);
        events.publish(tx, ContentEvent.Kind.SURVEY, surveyId, ContentEvent.Change.UPDATED);
        return surveys.questions(tx, surveyId).stream().filter(q -> q.id() == questionId).findFirst()
                .orElse(null);
    }

    private void requireNoResponses(Sql tx, long surveyId) {
        // Lock the survey row so a response cannot slip in between this check and the change.
        tx.one("SELECT id FROM survey WHERE id = ? FOR UPDATE", r -> r.lng("id"), surveyId);
        if (surveys.hasResponses(tx, surveyId)) {
            throw HttpError.conflict("survey.error.has-responses");
        }
    }

    private Survey live(Sql tx, long id) {
        return surveys.byId(tx, id).filter(s -> !s.deleted()).orElseThrow(HttpError::notFound);
    }

    /** For staff and the API: a live survey with its questions. @throws HttpError 404 */
    public SurveyWithQuestions get(long id) {
        Survey s = live(sql, id);
        return new SurveyWithQuestions(s, surveys.questions(sql, id));
    }

    /** For the public: 404 unknown, 410 deleted (or its project deleted). */
    public SurveyWithQuestions visible(long id) {
        Survey s = surveys.byId(sql, id).orElseThrow(HttpError::notFound);
        if (s.deleted()) {
            throw new HttpError(Status.GONE_410, "error.gone");
        }
        return new SurveyWithQuestions(s, surveys.questions(sql, id));
    }

    public Question question(long questionId) {
        long surveyId = surveys.surveyOfQuestion(sql, questionId).orElseThrow(HttpError::notFound);
        return surveys.questions(sql, surveyId).stream().filter(q -> q.id() == questionId).findFirst()
                .orElseThrow(HttpError::notFound);
    }

    public List<Survey> ofProject(long projectId, int limit) {
        return surveys.ofProject(sql, projectId, limit);
    }

    /** The surveys of a live project. @throws HttpError 404 for an unknown or deleted project */
    public List<Survey> ofLiveProject(long projectId, int limit) {
        if (!surveys.projectIsLive(sql, projectId)) {
            throw HttpError.notFound();
        }
        return surveys.ofProject(sql, projectId, limit);
    }

    public boolean hasResponses(long surveyId) {
        return surveys.hasResponses(sql, surveyId);
    }

    public Instant now() {
        return clock.instant();
    }
}
