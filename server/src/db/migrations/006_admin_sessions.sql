-- The merchant's staff sign in to the back office with email and password, so the admin
-- elements in a web page use a session token instead of an admin key.

CREATE TABLE admin_users (
  id             INTEGER PRIMARY KEY,
  email          TEXT    NOT NULL UNIQUE COLLATE NOCASE, -- sign-in name, case-insensitive
  name           TEXT    NOT NULL,
  password_hash  TEXT    NOT NULL, -- scrypt, as partners' (domain/passwords.ts)
  created_at     INTEGER NOT NULL,
  disabled_at    INTEGER           -- set: no sign-in, and the user's sessions end at once
);

-- As partner sessions: only sha256(token) is stored.
CREATE TABLE admin_sessions (
  id             INTEGER PRIMARY KEY,
  token_hash     BLOB    NOT NULL UNIQUE,
  admin_user_id  INTEGER NOT NULL REFERENCES admin_users(id) ON DELETE CASCADE,
  created_at     INTEGER NOT NULL,
  last_seen_at   INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  revoked_at     INTEGER
);
CREATE INDEX admin_sessions_by_user ON admin_sessions(admin_user_id);
