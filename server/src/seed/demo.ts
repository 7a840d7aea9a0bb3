import { randomBytes } from 'node:crypto';
import type { CenterSettings } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { createAdminUser, findAdminUserByEmail } from '../domain/admin-sessions.ts';
import { defaultMenu, ensureSettings, writeSettings } from '../domain/center.ts';
import { enroll, insertPartner, type NewPartner } from '../domain/partners.ts';
import { hashPassword } from '../domain/passwords.ts';
import { createProgram, type NewProgram } from '../domain/programs.ts';
import { ApiError } from '../http/errors.ts';
import { seedHistory } from './history.ts';
import { seedResources } from './resources.ts';
import { seedTracking } from './tracking.ts';

export const DEMO_PARTNER = { code: 'demo', password: 'demo-partner' } as const;
/** The merchant's back-office sign-in in the demo: Maya, the partner manager who signs the welcome message. */
export const DEMO_ADMIN = { email: 'admin@harborandpine.example', password: 'back-office-demo', name: 'Maya Lindqvist' } as const;

const WELCOME = `Welcome to the Harbor & Pine partner family!

We roast small batches every Tuesday and Friday in our harbor-side roastery, and partners like you are how most of our new customers first taste our coffee. Thank you for sharing what we do.

Everything you need is here: your tracked links, banners and email copy ready to paste, and reports showing every click, lead, sale and commission as it happens. Commissions become available once the hold period ends, and we pay out at the start of each month.

Questions, ideas or a great story about a customer? Write to partners@harborandpine.example — a real person on our team reads every message.

— Maya, Partner Manager`;

function demoSettings(currency: string, locale: string): CenterSettings {
  return {
    name: 'Harbor & Pine Partner Center',
    welcomeMessage: WELCOME,
    currency,
    locale,
    branding: { accentColor: '#2f6b4f', logoUrl: null },
    // The demo shows the merchant's approval step: a new sign-up waits in the back office.
    signUpApproval: 'review',
    menu: defaultMenu(),
  };
}

function demoPrograms(currency: string): NewProgram[] {
  return [
    {
      name: 'Coffee Subscriptions',
      description:
        'Refer coffee lovers to our roast-of-the-month subscription. You earn on the first order and on every renewal for a full year, so one good recommendation keeps paying.',
      currency,
      attributionWindowDays: 30,
      holdDays: 30,
      rules: [
        { type: 'percent_of_sale', basisPoints: 1250, recurringMonths: 12, note: 'On the first order and every renewal for 12 months.' },
        { type: 'flat_per_sale', amount: 2500, productSku: 'GRINDER-PRO', note: 'The Harbor Grinder Pro earns a flat fee instead of the percentage.' },
      ],
    },
    {
      name: 'Wholesale Referrals',
      description:
        'Introduce cafés, offices and restaurants to our wholesale program. We pay when they request a tasting kit, and again when they place their first wholesale order.',
      currency,
      attributionWindowDays: 90,
      holdDays: 45,
      rules: [
        { type: 'flat_per_lead', amount: 1500, note: 'A qualified business requests a tasting kit.' },
        { type: 'flat_per_sale', amount: 15000, note: 'Their first wholesale order.' },
      ],
    },
    {
      name: 'Gift Cards',
      description: 'Share Harbor & Pine gift cards for birthdays, holidays and thank-yous. Any amount, delivered by email.',
      currency,
      attributionWindowDays: 14,
      holdDays: 14,
      rules: [{ type: 'percent_of_sale', basisPoints: 800, note: 'On the card value.' }],
    },
  ];
}

/** Partners and the programs (by index in demoPrograms) they are enrolled in. */
function demoPartners(): Array<{ partner: NewPartner; programs: number[] }> {
  const secret = () => randomBytes(18).toString('base64url'); // nobody signs in as these
  return [
    {
      partner: {
        code: DEMO_PARTNER.code,
        password: DEMO_PARTNER.password,
        name: 'Dana Demo',
        email: 'dana@demo-brews.example',
        company: 'Demo Brews Blog',
        phone: '+1 (503) 555-0142',
        website: 'https://demo-brews.example',
        address: { line1: '1200 NW Marshall St', line2: 'Suite 4', city: 'Portland', region: 'OR', postalCode: '97209', country: 'US' },
        payoutEmail: 'payouts@demo-brews.example',
        status: 'active',
      },
      programs: [0, 2],
    },
    {
      partner: {
        code: 'brewblog',
        password: secret(),
        name: 'Sam Okafor',
        email: 'sam@brewblog.example',
        company: 'The Brew Blog',
        website: 'https://brewblog.example',
        address: { city: 'Seattle', region: 'WA', country: 'US' },
        status: 'active',
      },
      programs: [0, 1],
    },
    {
      partner: {
        code: 'latteletters',
        password: secret(),
        name: 'Lena Hartmann',
        email: 'lena@latteletters.example',
        company: 'Latte Letters Newsletter',
        address: { city: 'Hamburg', country: 'DE' },
        status: 'active',
      },
      programs: [2],
    },
    {
      partner: {
        code: 'newroaster',
        password: secret(),
        name: 'Jordan Reyes',
        email: 'jordan@newroaster.example',
        status: 'pending',
      },
      programs: [],
    },
  ];
}

/**
 * The demo's admin user, whose password is public: so only in demo mode, never by default.
 * Made once, on its own, so a database seeded before admin users existed gets it too; once made
 * it is left alone, like the rest of the seed.
 */
async function seedDemoAdmin(db: Db, now: number): Promise<void> {
  if (findAdminUserByEmail(db, DEMO_ADMIN.email)) return;
  try {
    await createAdminUser(db, { ...DEMO_ADMIN }, now);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'conflict')) throw error; // another start made it meanwhile
  }
}

/**
 * Fill an empty center with the demo merchant. Idempotent: the demo partner marks a seeded
 * database, and then nothing is touched, so edits made during a demo survive a restart.
 * Everything is written in one transaction (passwords are hashed before it, since scrypt is async).
 * With `demo` (RP_DEMO) the demo admin user is made too. Answers whether the center was seeded now.
 */
export async function seedDemo(
  db: Db,
  options: { currency: string; locale: string; publicUrl: string; databasePath: string; mediaDir?: string; demo?: boolean },
  now: number,
): Promise<boolean> {
  if (options.demo) await seedDemoAdmin(db, now);
  const seeded = () => db.prepare('SELECT 1 FROM partners WHERE code = ?').get(DEMO_PARTNER.code) !== undefined;
  if (seeded()) return false;

  const partners = demoPartners();
  const hashes = await Promise.all(partners.map((p) => hashPassword(p.partner.password)));
  if (seeded()) return false; // another start seeded while we were hashing

  db.transaction(() => {
    ensureSettings(db, options, now);
    writeSettings(db, demoSettings(options.currency, options.locale), now);
    const programIds = demoPrograms(options.currency).map((program) => createProgram(db, program, now));
    partners.forEach(({ partner, programs }, i) => {
      const id = insertPartner(db, partner, hashes[i] ?? '', now);
      for (const index of programs) {
        const programId = programIds[index];
        if (programId !== undefined) enroll(db, id, programId, now);
      }
    });
    seedTracking(db, options, now); // destinations and links, now that the partners exist
    seedHistory(db, now); // a year of clicks, conversions, commissions, payouts: needs the links
    seedResources(db, options, now); // pages, email copy, banners (images written to the media directory)
  })();
  return true;
}
