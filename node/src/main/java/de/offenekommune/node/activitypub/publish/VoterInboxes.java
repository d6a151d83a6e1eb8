package de.offenekommune.node.activitypub.publish;

import java.util.List;

import de.offenekommune.node.db.Sql;

/** {@code ap_survey_voter}: where fediverse voters of a survey get the Update{Question} with new counts. */
public final class VoterInboxes {

    public void remember(Sql tx, long surveyId, String actor, String deliveryInbox) {
        tx.update("""
                INSERT INTO ap_survey_voter (survey_id, remote_actor, delivery_inbox) VALUES (?, ?, ?)
                ON CONFLICT (survey_id, remote_actor) DO UPDATE SET delivery_inbox = excluded.delivery_inbox""",
                surveyId, actor, deliveryInbox);
    }

    /** Distinct inboxes (shared ones where the servers have them), one query. */
    public List<String> inboxes(Sql sql, long surveyId) {
        return sql.list("SELECT DISTINCT delivery_inbox FROM ap_survey_voter WHERE survey_id = ?",
                r -> r.str("delivery_inbox"), surveyId);
    }
}
