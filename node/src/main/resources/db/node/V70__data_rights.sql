-- Data rights (DSGVO Art. 15, 17, 20): the export and the erasure of an account, and the erasure of
-- a remote actor that deleted itself, find every record of one person through an index.

CREATE INDEX comment_remote_actor_idx ON comment (remote_actor) WHERE remote_actor IS NOT NULL;
CREATE INDEX support_remote_actor_idx ON support (remote_actor) WHERE remote_actor IS NOT NULL;
CREATE INDEX survey_response_remote_actor_idx ON survey_response (remote_actor) WHERE remote_actor IS NOT NULL;
CREATE INDEX moderation_flag_reporter_idx ON moderation_flag (reporter_account_id) WHERE reporter_account_id IS NOT NULL;
CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (lower(recipient));
CREATE INDEX ap_activity_actor_idx ON ap_activity (actor_uri);
