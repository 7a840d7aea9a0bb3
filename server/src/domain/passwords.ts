import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt at the OWASP Password Storage Cheat Sheet parameters: N=2^17, r=8, p=1.
 * Memory needed is 128 * N * r bytes = 128 MiB, above Node's 32 MiB default `maxmem`,
 * hence the explicit limit.
 */
const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;
const MAX_MEM = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hash a password as `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, { N: 2 ** LOG_N, r: R, p: P, maxmem: MAX_MEM }, KEY_LENGTH);
  return ['scrypt', LOG_N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Check a password against an encoded hash. Parameters come from the hash itself, so hashes
 * made with older parameters still verify after the defaults change. Malformed hashes are
 * simply "no match".
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (!logN || !r || !p || logN > 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await derive(password, salt, { N: 2 ** logN, r, p, maxmem: MAX_MEM }, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password nobody knows, at the same parameters as real hashes. Sign-in
 * verifies against it when the partner code is unknown, so an unknown code costs the same
 * scrypt work as a wrong password and timing does not reveal which codes exist.
 */
export const DUMMY_PASSWORD_HASH =
  'scrypt$17$8$1$GzraHiM7dhFcJjkNkrXmFg==$7Jope9ZT9mkJFQL/dMsl5/nXFOVD2xHE1fezYLdm12e8cua6jkd0HrvlK885dITGo9A8/vqzaycA5KzfYez51A==';
