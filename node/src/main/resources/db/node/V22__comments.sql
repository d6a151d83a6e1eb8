-- Threaded comments on any public object. The target is (kind, id) without a foreign key, so
-- proposals, projects and news share one table; the services check that the target exists.

CREATE TABLE comment (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_kind       text NOT NULL CHECK (target_kind ~ '^[a-z_]{1,30}$'),
    target_id         bigint NOT NULL,
    parent_id         bigint REFERENCES comment (id),
    author_account_id bigint REFERENCES account (id) ON DELETE SET NULL,
    remote_actor      text,              -- remote author: actor URI
    remote_name       text,              -- remote author: display name
    remote_url        text,              -- remote author: profile page
    ap_id             text UNIQUE,       -- remote comments: the Note's id
    body_markdown     text,              -- local comments: the source; remote ones have HTML only
    body_html         text NOT NULL,     -- sanitised on write
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    edited_at         timestamptz,
    deleted_at        timestamptz,       -- soft delete: the body is cleared, the place in the thread stays
    CHECK (author_account_id IS NULL OR remote_actor IS NULL)
);
-- One index scan loads a whole thread in order.
CREATE INDEX comment_target_idx ON comment (target_kind, target_id, id);
CREATE INDEX comment_parent_idx ON comment (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX comment_author_idx ON comment (author_account_id) WHERE author_account_id IS NOT NULL;
