import type { ApiClient } from '../../core/api-client.js';
import { ApiError } from '../../core/api-client.js';

/** A random Idempotency-Key. `getRandomValues` works on plain-http pages too, unlike `randomUUID`. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether the server may have done the work without answering (network error, 5xx): retry with the same key. */
export function unknownOutcome(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.status >= 500);
}

/**
 * POSTs of one form that carry an `Idempotency-Key` (payouts, coupons): the server answers a
 * retry with the same key and body exactly as the first call, and records nothing twice. The
 * same submission sent again after an unknown outcome reuses its key; anything else gets a new one.
 */
export class IdempotentPost {
  #last: { key: string; body: string } | null = null;

  constructor(
    private readonly client: () => ApiClient,
    private readonly path: string,
  ) {}

  async send<T>(body: unknown): Promise<T> {
    const text = JSON.stringify(body);
    const attempt = this.#last?.body === text ? this.#last : { key: newIdempotencyKey(), body: text };
    this.#last = attempt;
    try {
      const answer = await this.client().post<T>(this.path, { body, headers: { 'idempotency-key': attempt.key } });
      this.#last = null;
      return answer;
    } catch (error) {
      if (!unknownOutcome(error)) this.#last = null;
      throw error;
    }
  }

  /** Forgets the last attempt (another partner, signed out). */
  reset(): void {
    this.#last = null;
  }
}
