-- Local actors (citizens, organisations) whose accounts were deleted and who told the fediverse so
-- with Delete{actor}. Their followers list and private keys are kept until every delivery of theirs
-- is done (the keys sign the Delete's retries), then removed (cleaned_at).
CREATE TABLE ap_erased_actor (
    actor_uri  text PRIMARY KEY,
    erased_at  timestamptz NOT NULL,
    cleaned_at timestamptz
);
CREATE INDEX ap_erased_actor_waiting_idx ON ap_erased_actor (erased_at) WHERE cleaned_at IS NULL;
