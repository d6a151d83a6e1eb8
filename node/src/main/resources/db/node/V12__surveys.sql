-- Surveys inside projects: questions with ordered options, one response per responder.

CREATE TABLE survey (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id         bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    title              text NOT NULL,
    intro              text NOT NULL DEFAULT '',
    intro_html         text NOT NULL DEFAULT '',
    opens_at           timestamptz NOT NULL,
    closes_at          timestamptz NOT NULL,
    results_visibility text NOT NULL CHECK (results_visibility IN ('AFTER_VOTING', 'AFTER_CLOSING')),
    allow_fediverse    boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    CHECK (closes_at > opens_at)
);
CREATE INDEX survey_project_idx ON survey (project_id, opens_at) WHERE deleted_at IS NULL;

CREATE TABLE survey_question (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survey_id bigint NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    position  int NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('SINGLE', 'MULTIPLE', 'TEXT')),
    text      text NOT NULL,
    required  boolean NOT NULL DEFAULT false
);
CREATE INDEX survey_question_survey_idx ON survey_question (survey_id, position, id);

CREATE TABLE survey_option (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id bigint NOT NULL REFERENCES survey_question (id) ON DELETE CASCADE,
    position    int NOT NULL,
    label       text NOT NULL
);
CREATE INDEX survey_option_question_idx ON survey_option (question_id, position, id);

-- A response comes from a local account or, later, from a fediverse actor (poll vote); never both.
-- The unique constraints make a double submission leave exactly one response (NULLs do not collide).
CREATE TABLE survey_response (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survey_id             bigint NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    responder_account_id  bigint REFERENCES account (id) ON DELETE CASCADE,
    remote_actor          text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    CHECK ((responder_account_id IS NULL) <> (remote_actor IS NULL)),
    UNIQUE (survey_id, responder_account_id),
    UNIQUE (survey_id, remote_actor)
);
CREATE INDEX survey_response_account_idx ON survey_response (responder_account_id);

-- One row per chosen option, or one row with the text of a free-text answer.
CREATE TABLE survey_answer (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    response_id bigint NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
    question_id bigint NOT NULL REFERENCES survey_question (id) ON DELETE CASCADE,
    option_id   bigint REFERENCES survey_option (id) ON DELETE CASCADE,
    text        text,
    CHECK ((option_id IS NULL) <> (text IS NULL)),
    UNIQUE (response_id, question_id, option_id)
);
CREATE INDEX survey_answer_question_idx ON survey_answer (question_id, option_id);
