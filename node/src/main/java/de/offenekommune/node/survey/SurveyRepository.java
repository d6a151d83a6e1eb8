package de.offenekommune.node.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.offenekommune.node.db.PgArrays;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for surveys and their questions; a survey's questions and options load in one query. */
public final class SurveyRepository {
    private static final String SELECT = "SELECT s.id, s.project_id, p.slug, p.title AS project_title, s.title, "
            + "s.intro, s.intro_html, s.opens_at, s.closes_at, s.results_visibility, s.allow_fediverse, "
            + "s.created_at, s.updated_at, coalesce(s.deleted_at, p.deleted_at) AS deleted_at "
            + "FROM survey s JOIN project p ON p.id = s.project_id ";

    private static Survey map(Row r) {
        return new Survey(r.lng("id"), r.lng("project_id"), r.str("slug"), r.str("project_title"), r.str("title"),
                r.str("intro"), r.str("intro_html"), r.instant("opens_at"), r.instant("closes_at"),
                r.enumOf(ResultsVisibility.class, "results_visibility"), r.bool("allow_fediverse"),
                r.instant("created_at"), r.instant("updated_at"), r.instant("deleted_at"));
    }

    /** Also deleted ones (or of a deleted project): their pages answer 410 Gone. */
    public Optional<Survey> byId(Sql sql, long id) {
        return sql.one(SELECT + "WHERE s.id = ?", SurveyRepository::map, id);
    }

    public List<Survey> ofProject(Sql sql, long projectId, int limit) {
        return sql.list(SELECT + "WHERE s.project_id = ? AND s.deleted_at IS NULL ORDER BY s.opens_at DESC, s.id DESC "
                + "LIMIT ?", SurveyRepository::map, projectId, limit);
    }

    /** Questions in order, each with its options in order: one query (questions left-joined with options). */
    public List<Question> questions(Sql sql, long surveyId) {
        record Flat(long id, int position, QuestionKind kind, String text, boolean required, Choice choice) {
        }
        List<Flat> rows = sql.list("""
                SELECT q.id, q.position, q.kind, q.text, q.required, o.id AS option_id, o.position AS option_position,
                       o.label
                FROM survey_question q LEFT JOIN survey_option o ON o.question_id = q.id
                WHERE q.survey_id = ?
                ORDER BY q.position, q.id, o.position, o.id""", r -> new Flat(r.lng("id"), r.integer("position"),
                r.enumOf(QuestionKind.class, "kind"), r.str("text"), r.bool("required"),
                r.lngOrNull("option_id") == null ? null : new Choice(r.lng("option_id"), r.lng("id"),
                        r.integer("option_position"), r.str("label"))), surveyId);
        Map<Long, List<Choice>> choices = new LinkedHashMap<>();
        Map<Long, Flat> questions = new LinkedHashMap<>();
        for (Flat f : rows) {
            questions.putIfAbsent(f.id(), f);
            List<Choice> list = choices.computeIfAbsent(f.id(), k -> new ArrayList<>());
            if (f.choice() != null) {
                list.add(f.choice());
            }
        }
        List<Question> out = new ArrayList<>();
        questions.values().forEach(f -> out.add(new Question(f.id(), surveyId, f.position(), f.kind(), f.text(),
                f.required(), List.copyOf(choices.get(f.id())))));
        return out;
    }

    public Optional<Long> surveyOfQuestion(Sql sql, long questionId) {
        return sql.one("SELECT survey_id FROM survey_question WHERE id = ?", r -> r.lng("survey_id"), questionId);
    }

    long insert(Sql sql, long projectId, SurveyValidator.SurveyData d, Instant now) {
        return sql.one("""
                INSERT INTO survey (project_id, title, intro, intro_html, opens_at, closes_at, results_visibility,
                                    allow_fediverse, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", r -> r.lng("id"), projectId, d.title(),
                d.intro(), d.introHtml(), d.opensAt(), d.closesAt(), d.visibility(), d.allowFediverse(), now, now)
                .orElseThrow();
    }

    boolean update(Sql sql, long id, SurveyValidator.SurveyData d, Instant now) {
        return sql.update("""
                UPDATE survey SET title = ?, intro = ?, intro_html = ?, opens_at = ?, closes_at = ?,
                       results_visibility = ?, allow_fediverse = ?, updated_at = ?
                WHERE id = ? AND deleted_at IS NULL""", d.title(), d.intro(), d.introHtml(), d.opensAt(),
                d.closesAt(), d.visibility(), d.allowFediverse(), now, id) == 1;
    }

    boolean touch(Sql sql, long id, Instant now) {
        return sql.update("UPDATE survey SET updated_at = ? WHERE id = ? AND deleted_at IS NULL", now, id) == 1;
    }

    boolean softDelete(Sql sql, long id, Instant now) {
        return sql.update("UPDATE survey SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                now, now, id) == 1;
    }

    /** Appends a question with its options (options in one statement). */
    long insertQuestion(Sql sql, long surveyId, SurveyValidator.QuestionData q) {
        long id = sql.one("""
                INSERT INTO survey_question (survey_id, position, kind, text, required)
                VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM survey_question WHERE survey_id = ?), ?, ?, ?)
                RETURNING id""", r -> r.lng("id"), surveyId, surveyId, q.kind(), q.text(), q.required())
                .orElseThrow();
        insertOptions(sql, id, q.options());
        return id;
    }

    void updateQuestion(Sql sql, long questionId, SurveyValidator.QuestionData q) {
        sql.update("UPDATE survey_question SET kind = ?, text = ?, required = ? WHERE id = ?", q.kind(), q.text(),
                q.required(), questionId);
        sql.update("DELETE FROM survey_option WHERE question_id = ?", questionId);
        insertOptions(sql, questionId, q.options());
    }

    private void insertOptions(Sql sql, long questionId, List<String> labels) {
        if (!labels.isEmpty()) {
            sql.update("""
                    INSERT INTO survey_option (question_id, position, label)
                    SELECT ?, o.ord, o.label FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS o(label, ord)""",
                    questionId, PgArrays.texts(labels));
        }
    }

    void deleteQuestion(Sql sql, long questionId) {
        sql.update("DELETE FROM survey_question WHERE id = ?", questionId);
    }

    void deleteQuestions(Sql sql, long surveyId) {
        sql.update("DELETE FROM survey_question WHERE survey_id = ?", surveyId);
    }

    boolean hasResponses(Sql sql, long surveyId) {
        return sql.exists("SELECT 1 FROM survey_response WHERE survey_id = ?", surveyId);
    }

    boolean projectIsLive(Sql sql, long projectId) {
        return sql.exists("SELECT 1 FROM project WHERE id = ? AND deleted_at IS NULL", projectId);
    }
}
