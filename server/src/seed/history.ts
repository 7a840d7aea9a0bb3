// A year of plausible history for the demo partners, ending now: clicks, leads, sales with
// renewals and some refunds, monthly payouts and an adjustment. Every commission and ledger entry
// comes from the same domain functions the admin API uses, replayed in time order with the clock
// set to each event's time; only the clicks are inserted directly (as the redirect would have).
// Deterministic (seeded PRNG), so every demo shows the same figures relative to its start date.

import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { addMonths } from '../domain/commissions.ts';
import { recordAdjustment, recordLead, recordPayout, recordRefund, recordSale } from '../domain/conversions.ts';
import { balanceOf } from '../domain/ledger.ts';
import { clickDayCounter } from '../domain/click-writer.ts';
import { prng } from './prng.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Event = { at: number; seq: number; run: () => void };

interface PartnerPlan {
  code: string;
  /** Average clicks per day at the end of the year (the year ramps up to it). */
  clicksPerDay: number;
}

const PLANS: PartnerPlan[] = [
  { code: 'demo', clicksPerDay: 18 },
  { code: 'brewblog', clicksPerDay: 7 },
  { code: 'latteletters', clicksPerDay: 4 },
];

const FIRST_NAMES = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jamie', 'Kai', 'Logan', 'Morgan', 'Parker', 'Quinn', 'Riley', 'Sage', 'Taylor'];
const LAST_NAMES = ['Nguyen', 'Okafor', 'Schmidt', 'Rossi', 'Haddad', 'Kowalski', 'Tanaka', 'Moreau', 'Silva', 'Andersen', 'Walsh', 'Park'];

/** Has the history been written? The demo partner's first ledger entry says so. */
function hasHistory(db: Db, partnerId: number): boolean {
  return db.prepare('SELECT 1 FROM sales WHERE partner_id = ? LIMIT 1').get(partnerId) !== undefined;
}

/** A link of the partner's to hang clicks on: one of theirs, or one made here (with its destination) if they have none. */
function linksOf(db: Db, partnerId: number, code: string, now: number): number[] {
  const ids = (db.prepare('SELECT id FROM links WHERE partner_id = ? AND disabled_at IS NULL ORDER BY id').all(partnerId) as Array<{ id: number }>).map(
    (r) => r.id,
  );
  if (ids.length > 0) return ids;
  let dest = db.prepare('SELECT id, url FROM destinations WHERE active = 1 ORDER BY id LIMIT 1').get() as { id: number; url: string } | undefined;
  if (!dest) {
    const url = 'https://harborandpine.example/';
    dest = { id: Number(db.prepare("INSERT INTO destinations (name, url, description, created_at) VALUES ('Home', ?, '', ?)").run(url, now).lastInsertRowid), url };
  }
  const id = Number(
    db
      .prepare('INSERT INTO links (slug, partner_id, destination_id, target_url, campaign, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(`hist-${code}`, partnerId, dest.id, dest.url, 'history', now - 366 * DAY).lastInsertRowid,
  );
  return [id];
}

/**
 * Write the history unless it is there. Returns whether it wrote. Runs in one transaction.
 * `now` is the end of the history (the demo's start).
 */
export function seedHistory(db: Db, now: number): boolean {
  const demo = db.prepare("SELECT id FROM partners WHERE code = 'demo'").get() as { id: number } | undefined;
  if (!demo || hasHistory(db, demo.id)) return false;
  const programs = db.prepare('SELECT id, name, currency FROM programs WHERE archived_at IS NULL').all() as Array<{ id: number; name: string; currency: string }>;
  const byName = (name: string) => programs.find((p) => p.name === name);
  const subscriptions = byName('Coffee Subscriptions');
  const wholesale = byName('Wholesale Referrals');
  const giftCards = byName('Gift Cards');
  if (!subscriptions || !wholesale || !giftCards) return false;

  const r = prng(20300115);
  const start = now - 365 * DAY;
  const events: Event[] = [];
  let seq = 0;
  const at = (time: number, run: () => void) => {
    if (time < now) events.push({ at: time, seq: (seq += 1), run });
  };

  db.transaction(() => {
    const insertClick = db.prepare(
      'INSERT INTO clicks (public_id, link_id, partner_id, visitor_hash, referrer_host, ua_class, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const bumpLink = db.prepare('UPDATE links SET click_count = click_count + ? WHERE id = ?');
    const dayCounter = clickDayCounter(db);
    const enrolledIn = db.prepare('SELECT program_id FROM enrollments WHERE partner_id = ?');
    let orderNo = 41000;
    let leadNo = 7000;
    let subNo = 300;

    for (const plan of PLANS) {
      const partner = db.prepare('SELECT id, code, status FROM partners WHERE code = ?').get(plan.code) as
        | { id: number; code: string; status: string }
        | undefined;
      if (!partner || partner.status !== 'active') continue;
      const programIds = new Set((enrolledIn.all(partner.id) as Array<{ program_id: number }>).map((e) => e.program_id));
      const links = linksOf(db, partner.id, partner.code, now);
      const clicksPerLink = new Map<number, number>();
      const clickDays = dayCounter.start();

      for (let day = 0; day < 365; day += 1) {
        const dayStart = start + day * DAY;
        const weekday = new Date(dayStart).getUTCDay();
        const ramp = 0.35 + 0.65 * (day / 364);
        const weekly = weekday === 0 || weekday === 6 ? 0.7 : 1.1;
        const clicks = Math.max(0, Math.round(plan.clicksPerDay * ramp * weekly * (0.6 + 0.8 * r.next())));
        for (let i = 0; i < clicks; i += 1) {
          const time = dayStart + r.int(7 * HOUR, 23 * HOUR);
          if (time >= now) continue;
          const linkId = r.pick(links);
          const publicId = `h${createHash('sha256').update(`${plan.code}:${day}:${i}`).digest('base64url').slice(0, 20)}`;
          const visitor = createHash('sha256').update(`visitor:${plan.code}:${r.int(0, 1e9)}`).digest();
          insertClick.run(publicId, linkId, partner.id, visitor, r.pick(['', '', 'www.google.com', 'instagram.com', 'news.ycombinator.com']), r.pick(['desktop', 'mobile', 'mobile', 'tablet']), time);
          clicksPerLink.set(linkId, (clicksPerLink.get(linkId) ?? 0) + 1);
          clickDays.add(partner.id, linkId, time);

          // What this visit led to, decided now, recorded at its own time.
          const clickId = publicId;
          if (programIds.has(subscriptions.id) && r.chance(0.025)) {
            const saleAt = time + r.int(10 * 60_000, 2 * DAY);
            const sub = `sub_${(subNo += 1)}`;
            const grinder = r.chance(0.15);
            const price = r.pick([2400, 3200, 4200]);
            const items = grinder ? [{ sku: 'ROAST-MONTHLY', amount: price }, { sku: 'GRINDER-PRO', amount: 18900 }] : [];
            const orderId = `HP-${(orderNo += 1)}`;
            const amount = price + (grinder ? 18900 : 0);
            at(saleAt, () =>
              recordSale(db, undefined, { programId: subscriptions.id, orderId, amount: { amount, currency: subscriptions.currency }, items, subscriptionId: sub, attribution: { clickId } }, saleAt),
            );
            if (r.chance(0.06)) {
              const refundAt = saleAt + r.int(1, 20) * DAY;
              const full = r.chance(0.5);
              at(refundAt, () => recordRefund(db, { orderId, amount: { amount: full ? amount : Math.round(amount / 4), currency: subscriptions.currency }, reason: full ? 'Cancelled in the first month' : 'Damaged bag' }, refundAt));
            }
            // Monthly renewals: some cancel early, some stay beyond the 12 recurring months.
            const months = r.pick([1, 2, 3, 5, 8, 11, 14, 16]);
            for (let m = 1; m <= months; m += 1) {
              const renewAt = addMonths(saleAt, m);
              const renewalId = `HP-${(orderNo += 1)}`;
              at(renewAt, () =>
                recordSale(db, undefined, { programId: subscriptions.id, orderId: renewalId, amount: { amount: price, currency: subscriptions.currency }, items: [], subscriptionId: sub }, renewAt),
              );
            }
          } else if (programIds.has(giftCards.id) && r.chance(0.02)) {
            const saleAt = time + r.int(5 * 60_000, DAY);
            const orderId = `GC-${(orderNo += 1)}`;
            const amount = r.pick([2500, 5000, 5000, 7500, 10000]);
            at(saleAt, () => recordSale(db, undefined, { programId: giftCards.id, orderId, amount: { amount, currency: giftCards.currency }, items: [], attribution: { clickId } }, saleAt));
            if (r.chance(0.04)) {
              const refundAt = saleAt + r.int(1, 10) * DAY;
              at(refundAt, () => recordRefund(db, { orderId, amount: { amount, currency: giftCards.currency }, reason: 'Card never redeemed' }, refundAt));
            }
          } else if (r.chance(0.03)) {
            // A lead: a tasting-kit request (wholesale) or a sample sign-up (subscriptions).
            const program = programIds.has(wholesale.id) ? wholesale : programIds.has(subscriptions.id) ? subscriptions : null;
            if (!program) continue;
            const leadAt = time + r.int(60_000, 3 * HOUR);
            const leadId = `LD-${(leadNo += 1)}`;
            const first = r.pick(FIRST_NAMES);
            const last = r.pick(LAST_NAMES);
            at(leadAt, () =>
              recordLead(db, undefined, { programId: program.id, leadId, attribution: { clickId }, email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`, name: `${first} ${last}` }, leadAt),
            );
            if (r.chance(0.4)) {
              const saleAt = leadAt + r.int(2, 25) * DAY;
              const orderId = `${program === wholesale ? 'WS' : 'HP'}-${(orderNo += 1)}`;
              const amount = program === wholesale ? r.int(40, 250) * 1000 : r.pick([2400, 3200]);
              at(saleAt, () => recordSale(db, undefined, { programId: program.id, orderId, amount: { amount, currency: program.currency }, items: [], attribution: { leadId } }, saleAt));
            }
          }
        }
      }
      for (const [linkId, n] of clicksPerLink) bumpLink.run(n, linkId);
      clickDays.write();

      // Payouts on the first of each month of everything available, except the last two months
      // (so the partner has money waiting); a welcome bonus early on.
      if (plan.code === 'demo') {
        const bonusAt = start + 3 * DAY + 10 * HOUR;
        at(bonusAt, () => recordAdjustment(db, { partnerCode: partner.code, amount: { amount: 2500, currency: subscriptions.currency }, reason: 'Welcome bonus for joining the program' }, bonusAt));
      }
      for (let m = 1; m <= 10; m += 1) {
        const first = new Date(addMonths(start, m));
        const payAt = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1, 15);
        at(payAt, () => {
          const currency = subscriptions.currency;
          const available = balanceOf(db, partner.id, currency, payAt).available.amount;
          const amount = Math.floor(available / 100) * 100;
          if (amount >= 1000) {
            recordPayout(db, { partnerCode: partner.code, amount: { amount, currency }, method: 'bank transfer', reference: `PO-${new Date(payAt).toISOString().slice(0, 7)}-${partner.code}` }, payAt);
          }
        });
      }
    }

    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const e of events) e.run();
  })();
  return true;
}
