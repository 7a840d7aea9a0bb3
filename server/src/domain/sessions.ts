import type { Db } from '../db/database.ts';
import { sessionStore, type SessionPolicy } from './session-store.ts';

// Partners' sessions: the rules are the session store's (domain/session-store.ts).

export interface ActiveSession {
  sessionId: number;
  partnerId: number;
  code: string;
  name: string;
  expiresAt: number;
}

const store = sessionStore('sessions');

/** Start a session; the token is returned once and only its sha256 is kept. */
export const createSession = store.create;

/**
 * The live session for a token, or null (see the store's `find`). Only an active partner's
 * session is live: a suspension takes effect at once, not at the next sign-in.
 */
export function findSession(db: Db, token: string, policy: SessionPolicy, now: number): ActiveSession | null {
  const live = store.find(db, token, policy, now);
  return live && { sessionId: live.sessionId, partnerId: live.ownerId, code: live.owner.code, name: live.owner.name, expiresAt: live.expiresAt };
}

export const revokeSession = store.revoke;

/** Sign a partner out everywhere (suspension, password reset). */
export const revokePartnerSessions = store.revokeAll;
