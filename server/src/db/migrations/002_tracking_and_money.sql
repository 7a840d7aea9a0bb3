-- Tracking (destinations, links, clicks, coupons) and money (leads, sales, refunds, commissions,
-- payouts, adjustments, the ledger and its balances). Times are epoch ms; money is integer minor
-- units with the currency beside it.

-- Pages the merchant approved; links can point nowhere else.
CREATE TABLE destinations (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL,
  url             TEXT    NOT NULL,
  description     TEXT    NOT NULL DEFAULT '',
  allow_subpaths  INTEGER NOT NULL DEFAULT 1 CHECK (allow_subpaths IN (0, 1)),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      INTEGER NOT NULL
);

CREATE TABLE links (
  id              INTEGER PRIMARY KEY,
  slug            TEXT    NOT NULL UNIQUE,
  partner_id      INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  destination_id  INTEGER NOT NULL REFERENCES destinations(id),
  target_url      TEXT    NOT NULL, -- checked against the destination when the link was made
  campaign        TEXT    NOT NULL DEFAULT '',
  click_count     INTEGER NOT NULL DEFAULT 0,
  disabled_at     INTEGER,
  created_at      INTEGER NOT NULL
);
CREATE INDEX links_by_partner ON links(partner_id, id);

-- No raw address is kept: visitor_hash is a keyed hash of address and user agent.
CREATE TABLE clicks (
  id             INTEGER PRIMARY KEY,
  public_id      TEXT    NOT NULL UNIQUE, -- the click id handed to the merchant's site
  link_id        INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
  partner_id     INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  visitor_hash   BLOB    NOT NULL,
  referrer_host  TEXT    NOT NULL DEFAULT '',
  ua_class       TEXT    NOT NULL CHECK (ua_class IN ('desktop', 'mobile', 'tablet', 'other')),
  created_at     INTEGER NOT NULL
);
CREATE INDEX clicks_by_partner_time ON clicks(partner_id, created_at);
CREATE INDEX clicks_by_link_time ON clicks(link_id, created_at);
-- Clicks per partner, UTC day and link: the clicks report reads this instead of counting rows.
-- Kept by the trigger below, so every way a click is written (the redirect's batches, the demo
-- history) keeps it equal to the rows in clicks. (links.click_count is bumped by the writer, once
-- per link per batch: a per-row trigger for it would cost the hot path for nothing.)
-- Clicks per partner, day and link, for the reports. Kept by whoever inserts clicks, once per batch
-- (domain/click-writer.ts, seed/history.ts): a per-row trigger cost more than the insert itself.
CREATE TABLE click_days (
  partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  day         TEXT    NOT NULL, -- YYYY-MM-DD, UTC
  link_id     INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
  clicks      INTEGER NOT NULL,
  PRIMARY KEY (partner_id, day, link_id)
) WITHOUT ROWID;
CREATE INDEX click_days_by_link ON click_days(link_id);

-- Keys this server generated for itself, once (e.g. the key of the visitor hash).
CREATE TABLE server_secrets (
  name        TEXT    PRIMARY KEY,
  value       BLOB    NOT NULL,
  created_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE coupons (
  code        TEXT    PRIMARY KEY COLLATE NOCASE,
  partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL
);
CREATE INDEX coupons_by_partner ON coupons(partner_id);

CREATE TABLE leads (
  id              INTEGER PRIMARY KEY,
  program_id      INTEGER NOT NULL REFERENCES programs(id),
  external_id     TEXT    NOT NULL, -- the merchant's lead id
  partner_id      INTEGER NOT NULL REFERENCES partners(id),
  click_id        INTEGER REFERENCES clicks(id),
  attributed_by   TEXT    NOT NULL CHECK (attributed_by IN ('click', 'lead', 'coupon', 'partner_code', 'subscription')),
  email           TEXT    NOT NULL DEFAULT '',
  name            TEXT    NOT NULL DEFAULT '',
  converted_at    INTEGER,
  occurred_at     INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  UNIQUE (program_id, external_id)
);
CREATE INDEX leads_by_partner_time ON leads(partner_id, occurred_at, id);

CREATE TABLE sales (
  id               INTEGER PRIMARY KEY,
  order_id         TEXT    NOT NULL UNIQUE,
  program_id       INTEGER NOT NULL REFERENCES programs(id),
  partner_id       INTEGER NOT NULL REFERENCES partners(id),
  click_id         INTEGER REFERENCES clicks(id),
  lead_id          INTEGER REFERENCES leads(id),
  attributed_by    TEXT    NOT NULL CHECK (attributed_by IN ('click', 'lead', 'coupon', 'partner_code', 'subscription')),
  amount           INTEGER NOT NULL CHECK (amount > 0),
  currency         TEXT    NOT NULL,
  refunded_amount  INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  subscription_id  TEXT,
  occurred_at      INTEGER NOT NULL,
  created_at       INTEGER NOT NULL
);
CREATE INDEX sales_by_partner_time ON sales(partner_id, occurred_at, id);
CREATE INDEX sales_by_subscription ON sales(subscription_id, occurred_at) WHERE subscription_id IS NOT NULL;

CREATE TABLE sale_items (
  sale_id  INTEGER NOT NULL REFERENCES sales(id) ON DELETE CASCADE,
  line     INTEGER NOT NULL,
  sku      TEXT    NOT NULL,
  amount   INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (sale_id, line)
) WITHOUT ROWID;

CREATE TABLE refunds (
  id          INTEGER PRIMARY KEY,
  sale_id     INTEGER NOT NULL REFERENCES sales(id),
  amount      INTEGER NOT NULL CHECK (amount > 0),
  currency    TEXT    NOT NULL,
  reason      TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
CREATE INDEX refunds_by_sale ON refunds(sale_id);

-- What a sale or lead earned. Status is derived: pending until available_at, reversed when
-- reversed_amount = amount, paid when paid_amount covers what is left.
CREATE TABLE commissions (
  id               INTEGER PRIMARY KEY,
  partner_id       INTEGER NOT NULL REFERENCES partners(id),
  program_id       INTEGER NOT NULL REFERENCES programs(id),
  sale_id          INTEGER REFERENCES sales(id),
  lead_id          INTEGER REFERENCES leads(id),
  amount           INTEGER NOT NULL CHECK (amount >= 0),
  reversed_amount  INTEGER NOT NULL DEFAULT 0 CHECK (reversed_amount >= 0 AND reversed_amount <= amount),
  paid_amount      INTEGER NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
  currency         TEXT    NOT NULL,
  available_at     INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  CHECK ((sale_id IS NULL) <> (lead_id IS NULL))
);
CREATE INDEX commissions_by_partner_time ON commissions(partner_id, created_at, id);
CREATE INDEX commissions_by_sale ON commissions(sale_id) WHERE sale_id IS NOT NULL;

CREATE TABLE payouts (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partners(id),
  amount      INTEGER NOT NULL CHECK (amount > 0),
  currency    TEXT    NOT NULL,
  method      TEXT    NOT NULL DEFAULT '',
  reference   TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
CREATE INDEX payouts_by_partner ON payouts(partner_id, id);

CREATE TABLE adjustments (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partners(id),
  amount      INTEGER NOT NULL CHECK (amount <> 0),
  currency    TEXT    NOT NULL,
  reason      TEXT    NOT NULL,
  created_at  INTEGER NOT NULL
);

-- Append-only: rows are inserted, never updated or deleted (the triggers below refuse it).
-- Each row names exactly one cause, written in the same transaction as that cause.
CREATE TABLE ledger_entries (
  id             INTEGER PRIMARY KEY,
  partner_id     INTEGER NOT NULL REFERENCES partners(id),
  type           TEXT    NOT NULL CHECK (type IN ('earned', 'reversed', 'paid_out', 'adjusted')),
  amount         INTEGER NOT NULL, -- signed
  currency       TEXT    NOT NULL,
  available_at   INTEGER NOT NULL, -- counts toward the available balance from then on
  balance_after  INTEGER NOT NULL, -- running total of this partner's entries in this currency
  commission_id  INTEGER REFERENCES commissions(id),
  refund_id      INTEGER REFERENCES refunds(id),
  payout_id      INTEGER REFERENCES payouts(id),
  adjustment_id  INTEGER REFERENCES adjustments(id),
  description    TEXT    NOT NULL,
  created_at     INTEGER NOT NULL,
  CHECK ((commission_id IS NOT NULL) + (payout_id IS NOT NULL) + (adjustment_id IS NOT NULL) >= 1)
);
CREATE INDEX ledger_by_partner ON ledger_entries(partner_id, id);
CREATE INDEX ledger_by_partner_time ON ledger_entries(partner_id, created_at, id);
-- The statement filtered by type ("my payouts") without walking every other entry.
CREATE INDEX ledger_by_partner_type_time ON ledger_entries(partner_id, type, created_at, id);
-- Pending = entries with available_at > now: a short range at the end of this index, covered.
CREATE INDEX ledger_pending ON ledger_entries(partner_id, currency, available_at, amount);
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;

-- The current total per partner and currency, so the balance is one read.
-- Always equals SUM(ledger_entries.amount) for the same partner and currency.
CREATE TABLE balances (
  partner_id  INTEGER NOT NULL REFERENCES partners(id),
  currency    TEXT    NOT NULL,
  total       INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (partner_id, currency)
) WITHOUT ROWID;

-- A retried admin call with the same key answers the stored response and changes nothing;
-- the same key with a different body is refused.
CREATE TABLE idempotency_keys (
  scope         TEXT    NOT NULL, -- the route, e.g. 'sales'
  key           TEXT    NOT NULL,
  request_hash  BLOB    NOT NULL,
  status        INTEGER NOT NULL,
  response      TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
