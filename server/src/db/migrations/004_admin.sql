-- The merchant's admin: API keys stored hashed, and one rule per type per target in a program.

-- Only sha256(secret) is stored; the secret is shown once, when the key is made. `prefix` (its
-- first 8 characters, e.g. "rpk_AbCd") lets a person tell keys apart in a list.
CREATE TABLE admin_keys (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  key_hash      BLOB    NOT NULL UNIQUE,
  prefix        TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  revoked_at    INTEGER
);

-- At most one rule of each type per program and target: one default (product_sku NULL) and one
-- per SKU. Two default percentages would silently add up; the merchant edits the one rule instead.
CREATE UNIQUE INDEX commission_rules_one_per_type
  ON commission_rules(program_id, type, ifnull(product_sku, ''));
