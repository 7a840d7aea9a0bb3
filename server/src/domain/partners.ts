import type { PartnerStatus, Profile, ProfileFields, ProfileUpdate } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { hashPassword } from './passwords.ts';

interface PartnerRow {
  id: number;
  code: string;
  password_hash: string;
  name: string;
  email: string;
  company: string;
  phone: string;
  website: string;
  address_line1: string;
  address_line2: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  payout_email: string;
  status: PartnerStatus;
  created_at: number;
  updated_at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Lookup for sign-in: the column is COLLATE NOCASE, so `Demo` finds `demo`. */
export function findPartnerByCode(db: Db, code: string) {
  return db.prepare('SELECT id, code, name, status, password_hash FROM partners WHERE code = ?').get(code) as
    | Pick<PartnerRow, 'id' | 'code' | 'name' | 'status' | 'password_hash'>
    | undefined;
}

export function readProfile(db: Db, partnerId: number): Profile {
  const row = db.prepare('SELECT * FROM partners WHERE id = ?').get(partnerId) as PartnerRow | undefined;
  if (!row) throw new Error(`partner ${partnerId} missing`);
  return {
    code: row.code,
    status: row.status,
    name: row.name,
    email: row.email,
    company: row.company,
    phone: row.phone,
    website: row.website,
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
      country: row.country,
    },
    payoutEmail: row.payout_email,
    joinedAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function writeProfile(db: Db, partnerId: number, p: ProfileFields, now: number): void {
  db.prepare(
    `UPDATE partners SET name = ?, email = ?, company = ?, phone = ?, website = ?, address_line1 = ?,
       address_line2 = ?, city = ?, region = ?, postal_code = ?, country = ?, payout_email = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    p.name,
    p.email,
    p.company,
    p.phone,
    p.website,
    p.address.line1,
    p.address.line2,
    p.address.city,
    p.address.region,
    p.address.postalCode,
    p.address.country,
    p.payoutEmail,
    now,
    partnerId,
  );
}

/** Partial update: given fields replace, the address merges field by field. One transaction. */
export function updateProfile(db: Db, partnerId: number, update: ProfileUpdate, now: number): Profile {
  return db.transaction(() => {
    const current = readProfile(db, partnerId);
    writeProfile(db, partnerId, { ...current, ...update, address: { ...current.address, ...update.address } }, now);
    return readProfile(db, partnerId);
  })();
}

export interface NewPartner extends Partial<Omit<ProfileFields, 'address'>> {
  code: string;
  password: string;
  name: string;
  email: string;
  status?: PartnerStatus;
  address?: Partial<ProfileFields['address']>;
}

/** Create a partner (seed, tests; later the sign-up and admin routes). Returns the new id. */
export async function createPartner(db: Db, input: NewPartner, now: number): Promise<number> {
  return insertPartner(db, input, await hashPassword(input.password), now);
}

/** The synchronous half of createPartner, for callers that hash first and then write in one transaction. */
export function insertPartner(db: Db, input: Omit<NewPartner, 'password'>, passwordHash: string, now: number): number {
  const a = input.address ?? {};
  const result = db
    .prepare(
      `INSERT INTO partners (code, password_hash, name, email, company, phone, website, address_line1,
         address_line2, city, region, postal_code, country, payout_email, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.code,
      passwordHash,
      input.name,
      input.email,
      input.company ?? '',
      input.phone ?? '',
      input.website ?? '',
      a.line1 ?? '',
      a.line2 ?? '',
      a.city ?? '',
      a.region ?? '',
      a.postalCode ?? '',
      a.country ?? '',
      input.payoutEmail ?? '',
      input.status ?? 'pending',
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

export function enroll(db: Db, partnerId: number, programId: number, now: number): void {
  db.prepare('INSERT OR IGNORE INTO enrollments (partner_id, program_id, enrolled_at) VALUES (?, ?, ?)').run(
    partnerId,
    programId,
    now,
  );
}
