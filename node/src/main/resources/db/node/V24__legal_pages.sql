-- Operator-written legal pages (accessibility statement, imprint, privacy) per language, as Markdown.
-- A missing row means the built-in placeholder text is shown.

CREATE TABLE legal_page (
    slug       text NOT NULL CHECK (slug IN ('barrierefreiheit', 'impressum', 'datenschutz')),
    locale     text NOT NULL CHECK (locale IN ('de', 'en')),
    markdown   text NOT NULL,
    html       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by bigint REFERENCES account (id) ON DELETE SET NULL,
    PRIMARY KEY (slug, locale)
);
