-- Events (Veranstaltungen): public meetings with time and place, optionally part of a project.

CREATE TABLE event (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id       bigint REFERENCES project (id) ON DELETE SET NULL,
    title            text NOT NULL,
    summary          text NOT NULL DEFAULT '',
    description      text NOT NULL DEFAULT '',
    description_html text NOT NULL DEFAULT '',
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    place_name       text NOT NULL,
    place_address    text NOT NULL DEFAULT '',
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    CHECK (ends_at >= starts_at),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX event_upcoming_idx ON event (ends_at, starts_at, id) WHERE deleted_at IS NULL;
CREATE INDEX event_start_idx ON event (starts_at, id) WHERE deleted_at IS NULL;
CREATE INDEX event_project_idx ON event (project_id, starts_at) WHERE deleted_at IS NULL;
