-- The whole partner center's data model. Times are integer epoch milliseconds; money is
-- integer minor units of the row's currency, never floats.

-- One row: the center as the merchant configured it.
CREATE TABLE settings (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  name             TEXT    NOT NULL,
  welcome_message  TEXT    NOT NULL DEFAULT '',
  currency         TEXT    NOT NULL,
  locale           TEXT    NOT NULL,
  accent_color     TEXT    NOT NULL,
  logo_url         TEXT,
  menu             TEXT    NOT NULL, -- JSON array of { id, visible, label }
  signup_approval  TEXT    NOT NULL DEFAULT 'review' CHECK (signup_approval IN ('automatic', 'review')),
  updated_at       INTEGER NOT NULL
);

CREATE TABLE partners (
  id             INTEGER PRIMARY KEY,
  code           TEXT    NOT NULL UNIQUE COLLATE NOCASE, -- sign-in name, case-insensitive
  password_hash  TEXT    NOT NULL,
  name           TEXT    NOT NULL,
  email          TEXT    NOT NULL,
  company        TEXT    NOT NULL DEFAULT '',
  phone          TEXT    NOT NULL DEFAULT '',
  website        TEXT    NOT NULL DEFAULT '',
  address_line1  TEXT    NOT NULL DEFAULT '',
  address_line2  TEXT    NOT NULL DEFAULT '',
  city           TEXT    NOT NULL DEFAULT '',
  region         TEXT    NOT NULL DEFAULT '',
  postal_code    TEXT    NOT NULL DEFAULT '',
  country        TEXT    NOT NULL DEFAULT '',
  payout_email   TEXT    NOT NULL DEFAULT '',
  status         TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'suspended')),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);

CREATE TABLE programs (
  id                       INTEGER PRIMARY KEY,
  name                     TEXT    NOT NULL,
  description              TEXT    NOT NULL DEFAULT '',
  currency                 TEXT    NOT NULL,
  attribution_window_days  INTEGER NOT NULL CHECK (attribution_window_days > 0),
  hold_days                INTEGER NOT NULL CHECK (hold_days >= 0),
  is_open                  INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
  created_at               INTEGER NOT NULL,
  archived_at              INTEGER
);

-- Primary key (partner_id, program_id) serves "programs of a partner";
-- the index below serves "partners of a program".
CREATE TABLE enrollments (
  partner_id   INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  program_id   INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  enrolled_at  INTEGER NOT NULL,
  PRIMARY KEY (partner_id, program_id)
) WITHOUT ROWID;
CREATE INDEX enrollments_by_program ON enrollments(program_id);

-- Each type carries exactly its own fields, enforced here so no code path can store a
-- half-formed rule.
CREATE TABLE commission_rules (
  id                INTEGER PRIMARY KEY,
  program_id        INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  type              TEXT    NOT NULL CHECK (type IN ('percent_of_sale', 'flat_per_sale', 'flat_per_lead')),
  basis_points      INTEGER CHECK (basis_points BETWEEN 0 AND 10000),
  amount            INTEGER CHECK (amount >= 0),
  product_sku       TEXT,
  recurring_months  INTEGER CHECK (recurring_months > 0),
  note              TEXT    NOT NULL DEFAULT '',
  CHECK (
    (type = 'percent_of_sale' AND basis_points IS NOT NULL AND amount IS NULL)
    OR (type = 'flat_per_sale' AND amount IS NOT NULL AND basis_points IS NULL)
    OR (type = 'flat_per_lead' AND amount IS NOT NULL AND basis_points IS NULL AND recurring_months IS NULL)
  )
);
CREATE INDEX commission_rules_by_program ON commission_rules(program_id);

-- Only sha256(token) is stored: a leaked database does not leak usable sessions.
CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  token_hash    BLOB    NOT NULL UNIQUE,
  partner_id    INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  revoked_at    INTEGER
);
CREATE INDEX sessions_by_partner ON sessions(partner_id);

-- Failed sign-ins per key ("code:<lower-case code>" or "addr:<client address>").
CREATE TABLE login_throttle (
  key                TEXT    PRIMARY KEY,
  failures           INTEGER NOT NULL,
  window_started_at  INTEGER NOT NULL,
  locked_until       INTEGER
) WITHOUT ROWID;
