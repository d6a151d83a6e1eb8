package de.offenekommune.node.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/** Answering surveys (one response per account) and who may see which results. */
public final class ResponseService {
    static final int MAX_TEXT = 2000;
    static final int TEXTS_SHOWN = 1000;

    private final Sql sql;
    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final ContentEvents events;
    private final Clock clock;

    public ResponseService(Sql sql, SurveyRepository surveys, ResponseRepository responses, ContentEvents events,
                           Clock clock) {
        this.sql = sql;
        this.surveys = surveys;
        this.responses = responses;
        this.events = events;
        this.clock = clock;
    }

    /** What became of a submission. */
    public sealed interface SubmitResult {
        record Recorded(long responseId) implements SubmitResult {
        }

        /** The account had answered before; nothing changed. */
        record AlreadyAnswered() implements SubmitResult {
        }
    }

    /** Whether a visitor sees the results now, and if not, why. */
    public enum ResultsAccess {
        VISIBLE, AFTER_VOTING, AFTER_CLOSING
    }

    /**
     * Records the answers of a local account. A second submission (also a concurrent one) finds
     * the unique (survey, account) row taken and writes nothing.
     *
     * @param answers form values by field name ({@link Question#field()})
     * @throws HttpError 409 if the survey is not open
     * @throws InvalidInput for missing or invalid answers
     */
    public SubmitResult submit(SurveyService.SurveyWithQuestions s, Account account, Map<String, List<String>> answers) {
        Instant now = clock.instant();
        if (s.survey().state(now) != Survey.State.OPEN) {
            throw HttpError.conflict("survey.error.closed");
        }
        List<ResponseRepository.Answer> checked = check(s.questions(), answers);
        return sql.inTransaction(tx -> {
            // Shares the row lock with other responses; blocks a concurrent change of the questions.
            if (tx.one("SELECT id FROM survey WHERE id = ? AND deleted_at IS NULL FOR SHARE", r -> r.lng("id"),
                    s.survey().id()).isEmpty()) {
                throw HttpError.notFound();
            }
            Optional<Long> id = responses.insertLocal(tx, s.survey().id(), account.id(), now);
            if (id.isEmpty()) {
                return new SubmitResult.AlreadyAnswered();
            }
            responses.insertAnswers(tx, id.get(), checked);
            events.publish(tx, ContentEvent.Kind.SURVEY_RESPONSE, id.get(), ContentEvent.Change.CREATED);
            return new SubmitResult.Recorded(id.get());
        });
    }

    /** What a fediverse poll vote did. */
    public sealed interface RemoteVote {
        record Counted(long responseId) implements RemoteVote {
        }

        /** This actor chose this option before, or (single choice) any option of this question. */
        record AlreadyVoted() implements RemoteVote {
        }

        /** Not counted: fediverse votes not allowed, survey not open, no such question or option. */
        record Refused(String reason) implements RemoteVote {
        }
    }

    /**
     * A poll vote from the fediverse (Mastodon sends one per chosen option, the option's text as
     * {@code name}). Counted apart from local responses, only if the survey takes fediverse votes:
     * per actor and question one option for single choice, each option once for multiple choice.
     */
    public RemoteVote voteRemote(long surveyId, long questionId, String optionLabel, String actorUri) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            Optional<Survey> survey = tx.one("SELECT id FROM survey WHERE id = ? AND deleted_at IS NULL FOR SHARE",
                    r -> r.lng("id"), surveyId).flatMap(id -> surveys.byId(tx, id));
            if (survey.isEmpty()) {
                return new RemoteVote.Refused("no such survey");
            }
            if (!survey.get().allowFediverse()) {
                return new RemoteVote.Refused("this survey does not take fediverse votes");
            }
            if (survey.get().state(now) != Survey.State.OPEN) {
                return new RemoteVote.Refused("the survey is not open");
            }
            Optional<Question> question = surveys.questions(tx, surveyId).stream()
                    .filter(q -> q.id() == questionId && q.kind().hasChoices()).findFirst();
            Optional<Choice> choice = question.flatMap(q -> q.choices().stream()
                    .filter(c -> c.label().strip().equals(optionLabel == null ? "" : optionLabel.strip())).findFirst());
            if (choice.isEmpty()) {
                return new RemoteVote.Refused("no such question or option");
            }
            long response = responses.upsertRemote(tx, surveyId, actorUri, now);
            if (question.get().kind() == QuestionKind.SINGLE && responses.hasAnswer(tx, response, questionId)
                    || !responses.insertChoice(tx, response, questionId, choice.get().id())) {
                return new RemoteVote.AlreadyVoted();
            }
            events.publish(tx, ContentEvent.Kind.SURVEY_RESPONSE, response, ContentEvent.Change.CREATED);
            return new RemoteVote.Counted(response);
        });
    }

    private static List<ResponseRepository.Answer> check(List<Question> questions, Map<String, List<String>> answers) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<ResponseRepository.Answer> out = new ArrayList<>();
        for (Question q : questions) {
            List<String> values = answers.getOrDefault(q.field(), List.of()).stream()
                    .map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (q.kind() == QuestionKind.TEXT) {
                String text = values.isEmpty() ? "" : values.getFirst().replace("\r\n", "\n");
                errors.check(values.size() <= 1, q.field(), "survey.error.answer");
                errors.check(text.length() <= MAX_TEXT, q.field(), "form.error.too-long");
                errors.check(!q.required() || !text.isEmpty(), q.field(), "survey.error.required");
                if (!text.isEmpty()) {
                    out.add(new ResponseRepository.Answer(q.id(), null, text));
                }
                continue;
            }
            errors.check(!q.required() || !values.isEmpty(), q.field(), "survey.error.required");
            errors.check(q.kind() == QuestionKind.MULTIPLE || values.size() <= 1, q.field(), "survey.error.answer");
            Set<Long> chosen = new HashSet<>();
            for (String v : values) {
                Long option = parse(v);
                boolean valid = option != null && q.hasChoice(option);
                errors.check(valid, q.field(), "survey.error.answer");
                if (valid && chosen.add(option)) {
                    out.add(new ResponseRepository.Answer(q.id(), option, null));
                }
            }
        }
        errors.throwIfAny();
        return out;
    }

    private static Long parse(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean hasResponded(long surveyId, Optional<Account> account) {
        return account.isPresent() && responses.hasResponded(sql, surveyId, account.get().id());
    }

    /** Staff always; others per the survey's rule. */
    public ResultsAccess access(Survey survey, Optional<Account> viewer) {
        if (viewer.map(a -> a.is(Role.STAFF)).orElse(false) || survey.state(clock.instant()) == Survey.State.CLOSED) {
            return ResultsAccess.VISIBLE;
        }
        if (survey.resultsVisibility() == ResultsVisibility.AFTER_CLOSING) {
            return ResultsAccess.AFTER_CLOSING;
        }
        return hasResponded(survey.id(), viewer) ? ResultsAccess.VISIBLE : ResultsAccess.AFTER_VOTING;
    }

    /** Counted results in four queries whatever the number of responses; free texts only if asked for. */
    public SurveyResults results(SurveyService.SurveyWithQuestions s, boolean withTexts) {
        return results(sql, s, withTexts);
    }

    /** The same inside a running transaction (the ActivityPub publisher counts the vote just made). */
    public SurveyResults results(Sql sql, SurveyService.SurveyWithQuestions s, boolean withTexts) {
        long surveyId = s.survey().id();
        ResponseRepository.Totals totals = responses.totals(sql, surveyId);
        Map<Long, ResponseRepository.OptionCount> counts = responses.optionCounts(sql, surveyId);
        Map<Long, Long> answered = responses.answeredPerQuestion(sql, surveyId);
        List<ResponseRepository.TextAnswer> texts = withTexts ? responses.texts(sql, surveyId, TEXTS_SHOWN + 1)
                : List.of();
        boolean truncated = texts.size() > TEXTS_SHOWN;
        List<SurveyResults.QuestionResult> out = new ArrayList<>();
        for (Question q : s.questions()) {
            long base = answered.getOrDefault(q.id(), 0L);
            List<SurveyResults.ChoiceResult> choices = q.choices().stream().map(c -> {
                ResponseRepository.OptionCount n = counts.getOrDefault(c.id(), new ResponseRepository.OptionCount(0, 0));
                double share = base == 0 ? 0 : (double) (n.local() + n.remote()) / base;
                return new SurveyResults.ChoiceResult(c, n.local(), n.remote(), share);
            }).toList();
            List<String> qTexts = texts.stream().limit(TEXTS_SHOWN).filter(t -> t.questionId() == q.id())
                    .map(ResponseRepository.TextAnswer::text).toList();
            out.add(new SurveyResults.QuestionResult(q, base, choices, qTexts, truncated));
        }
        return new SurveyResults(s.survey(), totals.local(), totals.remote(), out);
    }

    /** Every response with its answers, for the CSV export. */
    List<ResponseRepository.ExportRow> export(long surveyId) {
        return responses.export(sql, surveyId);
    }
}
