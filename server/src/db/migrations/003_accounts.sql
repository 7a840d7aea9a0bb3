-- Partner sign-up, password reset, and the mail they send.

-- Mail the default mailer keeps instead of sending (viewable in the demo through the admin API).
-- sent_at stays NULL for mail that was only stored.
CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY,
  "to"        TEXT    NOT NULL,
  subject     TEXT    NOT NULL,
  text        TEXT    NOT NULL,
  html        TEXT,
  created_at  INTEGER NOT NULL,
  sent_at     INTEGER
);

-- Single-use reset tokens; only sha256(token) is stored. A newer request deletes the older unused ones.
CREATE TABLE password_reset_tokens (
  id          INTEGER PRIMARY KEY,
  token_hash  BLOB    NOT NULL UNIQUE,
  partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
);
CREATE INDEX password_reset_tokens_by_partner ON password_reset_tokens(partner_id);

-- Sign-up refuses a taken email and reset looks partners up by email, both case-insensitively.
-- Not UNIQUE: databases made before sign-up existed may hold duplicates.
CREATE INDEX partners_by_email ON partners(email COLLATE NOCASE);
