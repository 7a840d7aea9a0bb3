import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@rp/contract';

/**
 * The ~49,000 most common passwords from leaked-password corpora, as bundled (offline) by
 * @zxcvbn-ts/language-common (MIT, maintained with zxcvbn-ts). Compared case-insensitively.
 * Built on first use, not at import, so processes that never check a password do not pay for it.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.normalize('NFKC').toLowerCase());
}

/** Identifiers shorter than this are only refused as the whole password, not as a part of it. */
const MIN_CONTAINED = 4;

export interface PasswordContext {
  /** The partner code (username). */
  code?: string | undefined;
  email?: string | undefined;
}

/**
 * Why a new password is refused, or null when it is acceptable. NIST SP 800-63B / OWASP rules:
 * length (12 to 256 characters) and no known-common password, no password made of the
 * account's own identifiers; no arbitrary character-class rules.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return 'This password is too common: it appears in lists of leaked passwords. Choose another.';
  const lower = password.normalize('NFKC').toLowerCase();
  const email = context.email?.trim().toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  for (const [what, value] of [
    ['partner code', context.code?.trim().toLowerCase() ?? ''],
    ['email address', email],
    ['email address', local],
  ] as const) {
    if (value === '') continue;
    if (lower === value || (value.length >= MIN_CONTAINED && lower.includes(value))) {
      return `The password must not contain your ${what}.`;
    }
  }
  return null;
}
