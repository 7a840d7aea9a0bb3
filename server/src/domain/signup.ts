import type { PartnerStatus, SignUpApproval, SignUpOptions, SignUpRequest, SignUpResponse } from '@rp/contract';
import { PASSWORD_MIN_LENGTH } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { readSettings } from './center.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { enroll, insertPartner } from './partners.ts';

const MAX_CODE = 40;

interface OpenProgram {
  id: number;
  name: string;
  description: string;
}

/** Programs a visitor may join at sign-up: open and not archived. */
export function openPrograms(db: Db): OpenProgram[] {
  return db
    .prepare('SELECT id, name, description FROM programs WHERE is_open = 1 AND archived_at IS NULL ORDER BY id')
    .all() as OpenProgram[];
}

/** The merchant's setting: sign-ups are active at once ('automatic') or wait for approval ('review'). */
export function signUpApproval(db: Db): SignUpApproval {
  return readSettings(db).signUpApproval;
}

export function signUpOptions(db: Db): SignUpOptions {
  return { approval: signUpApproval(db), programs: openPrograms(db), passwordMinLength: PASSWORD_MIN_LENGTH };
}

const codeTaken = (db: Db, code: string) => db.prepare('SELECT 1 FROM partners WHERE code = ?').get(code) !== undefined;
const emailTaken = (db: Db, email: string) =>
  db.prepare('SELECT 1 FROM partners WHERE email = ? COLLATE NOCASE').get(email) !== undefined;

/** "Dana Doe" → `dana-d`; "Zoë" → `zoe`; a name with no latin letters or digits → `partner`. */
export function codeBase(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const first = words[0];
  if (first === undefined) return 'partner';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const base = (last ? `${first.slice(0, 30)}-${last[0]}` : first.slice(0, 36)).replace(/-+$/, '');
  return base.length >= 2 ? base : `${base}-partner`;
}

/** `base`, else `base-2`, `base-3`…, the first one nobody has (codes compare case-insensitively). */
export function freeCode(db: Db, base: string, start = 1): string {
  for (let n = start; ; n += 1) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = `${base.slice(0, MAX_CODE - suffix.length)}${suffix}`;
    if (!codeTaken(db, candidate)) return candidate;
  }
}

const taken = (field: 'email' | 'code', message: string) => new ApiError('conflict', message, { fields: { [field]: message } });

function emailConflict(): ApiError {
  return taken('email', 'An account with this email already exists. Sign in, or use "Forgot password?".');
}

function codeConflict(db: Db, code: string): ApiError {
  const suggestion = freeCode(db, code, 2);
  return taken('code', `The partner code "${code}" is taken. Try "${suggestion}".`);
}

function invalid(field: string, message: string): ApiError {
  return new ApiError('invalid_request', 'Some fields need attention.', { fields: { [field]: message } });
}

export function signUpMessage(code: string, status: PartnerStatus): string {
  return status === 'active'
    ? `Welcome aboard! Your partner code is "${code}": it is also your username. You can sign in now with it and your password.`
    : `Thanks for signing up! Your partner code is "${code}": it is also your username. ` +
        'The program manager reviews new partners first; you can sign in once your account is approved.';
}

/**
 * Create the partner of a sign-up. Everything that can be refused is checked before the slow
 * password hash, then checked again inside the one transaction that writes the partner and
 * its enrollments, so two sign-ups racing for one email or code cannot both win.
 */
export async function signUp(db: Db, input: SignUpRequest, now: number): Promise<SignUpResponse> {
  const programs = openPrograms(db);
  const chosen = [...new Set(input.programIds ?? [])];
  const openIds = new Set(programs.map((p) => p.id));
  if (chosen.some((id) => !openIds.has(id))) {
    throw invalid('programIds', 'Choose among the programs open for sign-up.');
  }
  if (programs.length > 0 && chosen.length === 0) throw invalid('programIds', 'Choose at least one program.');

  const wanted = input.code ?? codeBase(input.name);
  const problem = passwordProblem(input.password, { code: wanted, email: input.email });
  if (problem) throw invalid('password', problem);

  if (emailTaken(db, input.email)) throw emailConflict();
  if (input.code !== undefined && codeTaken(db, input.code)) throw codeConflict(db, input.code);

  const passwordHash = await hashPassword(input.password);

  return db.transaction(() => {
    if (emailTaken(db, input.email)) throw emailConflict();
    let code: string;
    if (input.code !== undefined) {
      if (codeTaken(db, input.code)) throw codeConflict(db, input.code);
      code = input.code;
    } else {
      code = freeCode(db, wanted);
    }
    const status: PartnerStatus = signUpApproval(db) === 'automatic' ? 'active' : 'pending';
    const partnerId = insertPartner(db, { code, name: input.name, email: input.email, status }, passwordHash, now);
    for (const programId of chosen) enroll(db, partnerId, programId, now);
    return { partnerCode: code, status, message: signUpMessage(code, status) };
  })();
}
