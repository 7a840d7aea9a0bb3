import { expect } from '@open-wc/testing';
import { newIdempotencyKey } from './idempotent-post.js';

// Sending, reusing the key after an unknown outcome and a new key otherwise: rp-admin-partner's
// payout and coupon tests, through the in-memory admin API.
describe('idempotent-post', () => {
  it('makes a fresh idempotency key each time', () => {
    const a = newIdempotencyKey();
    expect(a).to.match(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).to.not.equal(a);
  });
});
