-- Projects (Vorhaben) with their phases, links and news posts.

CREATE TABLE project (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('PLANNING', 'CONSTRUCTION', 'STATUTE', 'BUDGET', 'OTHER')),
    title            text NOT NULL,
    summary          text NOT NULL,
    description      text NOT NULL DEFAULT '',   -- Markdown as written by staff
    description_html text NOT NULL DEFAULT '',   -- rendered and sanitised once on write, not per request
    location_name    text,
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    topics           text[] NOT NULL DEFAULT '{}',
    department       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
-- Deleted projects keep their slug: the URL is the ActivityPub id and answers 410 Gone.
CREATE UNIQUE INDEX project_slug_key ON project (slug);
CREATE INDEX project_topics_idx ON project USING gin (topics) WHERE deleted_at IS NULL;
CREATE INDEX project_kind_idx ON project (kind, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX project_live_idx ON project (id DESC) WHERE deleted_at IS NULL;
CREATE INDEX project_updated_idx ON project (updated_at DESC) WHERE deleted_at IS NULL;

CREATE TABLE project_phase (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('INFORMATION', 'PARTICIPATION', 'EVALUATION', 'IMPLEMENTATION')),
    title       text NOT NULL DEFAULT '',        -- empty: the kind's name is shown
    description text NOT NULL DEFAULT '',
    starts_on   date NOT NULL,
    ends_on     date NOT NULL,                   -- inclusive
    CHECK (ends_on >= starts_on)
);
CREATE INDEX project_phase_project_idx ON project_phase (project_id, starts_on);
-- The home page looks up phases running today across all projects.
CREATE INDEX project_phase_current_idx ON project_phase (ends_on, starts_on);

CREATE TABLE project_link (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    title      text NOT NULL,
    url        text NOT NULL CHECK (url ~* '^https?://'),
    position   int NOT NULL DEFAULT 0
);
CREATE INDEX project_link_project_idx ON project_link (project_id, position, id);

CREATE TABLE project_news (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    title        text NOT NULL,
    summary      text NOT NULL,
    body         text NOT NULL DEFAULT '',
    body_html    text NOT NULL DEFAULT '',
    published_at timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz
);
CREATE INDEX project_news_project_idx ON project_news (project_id, published_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX project_news_published_idx ON project_news (published_at DESC, id DESC) WHERE deleted_at IS NULL;
