-- Full-text search (German configuration) over projects, proposals and comments. The vectors are
-- generated columns, so every write keeps them current without application code; GIN indexes on the
-- live rows answer "@@" without scanning the tables.

-- The text of sanitised HTML (jsoup's output: tags, &amp; &lt; &gt; &quot; &nbsp;): tags become spaces,
-- those entities their characters. The same text is indexed and shown in snippets.
CREATE FUNCTION ok_html_text(html text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT replace(replace(replace(replace(replace(regexp_replace(html, '<[^>]*>', ' ', 'g'),
        '&nbsp;', ' '), '&quot;', '"'), '&lt;', '<'), '&gt;', '>'), '&amp;', '&')
$$;

ALTER TABLE project ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german'::regconfig, title), 'A')
    || setweight(to_tsvector('german'::regconfig, summary), 'B')
    || setweight(to_tsvector('german'::regconfig, ok_html_text(description_html)), 'C')) STORED;
CREATE INDEX project_search_idx ON project USING gin (search_vector) WHERE deleted_at IS NULL;

ALTER TABLE proposal ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german'::regconfig, title), 'A')
    || setweight(to_tsvector('german'::regconfig, summary), 'B')
    || setweight(to_tsvector('german'::regconfig, ok_html_text(body_html)), 'C')) STORED;
CREATE INDEX proposal_search_idx ON proposal USING gin (search_vector) WHERE deleted_at IS NULL;

-- Deleted comments have an empty body (and so an empty vector); hidden ones are filtered at query time.
ALTER TABLE comment ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('german'::regconfig, ok_html_text(body_html))) STORED;
CREATE INDEX comment_search_idx ON comment USING gin (search_vector) WHERE deleted_at IS NULL;
