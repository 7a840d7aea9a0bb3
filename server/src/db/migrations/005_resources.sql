-- Promotional resources: merchant-authored pages, email copy and banners. Times are epoch ms.

-- Rich-text pages; html is stored already sanitized (sanitized on write, served as stored).
CREATE TABLE resource_pages (
  id          INTEGER PRIMARY KEY,
  title       TEXT    NOT NULL,
  slug        TEXT    NOT NULL UNIQUE,
  html        TEXT    NOT NULL,
  published   INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX resource_pages_by_position ON resource_pages(published, position, id);

-- Email templates with merge fields ({{partner.name}}, {{link}}, ...); body_html sanitized on write.
CREATE TABLE email_copy (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL,
  subject         TEXT    NOT NULL,
  body_text       TEXT    NOT NULL,
  body_html       TEXT,
  destination_id  INTEGER NOT NULL REFERENCES destinations(id),
  position        INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);

-- Images uploaded by the merchant; width and height are read from the file, never from input.
CREATE TABLE banners (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL,
  image           TEXT    NOT NULL, -- file name under the media directory
  width           INTEGER NOT NULL CHECK (width > 0),
  height          INTEGER NOT NULL CHECK (height > 0),
  alt             TEXT    NOT NULL CHECK (alt <> ''),
  destination_id  INTEGER NOT NULL REFERENCES destinations(id),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position        INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
