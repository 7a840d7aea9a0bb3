import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AdjustmentCreate, CouponCreate, CouponListQuery, LeadCreate, PayoutCreate, RefundCreate, SaleCreate } from '@rp/contract';
import type { ClickFlusher } from '../domain/attribution.ts';
import { createCoupon, listCoupons, recordAdjustment, recordLead, recordPayout, recordRefund, recordSale } from '../domain/conversions.ts';
import { idempotent } from '../domain/idempotency.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { valid } from '../http/validation.ts';

/** The header every conversion and payout call carries; 1–200 characters. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const MAX_KEY_LENGTH = 200;

type KeyEnv = AppEnv & { Variables: { idempotencyKey: string } };

/** Refuse a call without a usable Idempotency-Key before anything else is looked at. */
const requireIdempotencyKey = createMiddleware<KeyEnv>(async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined || key.length < 1 || key.length > MAX_KEY_LENGTH) {
    throw new ApiError('invalid_request', `Send an ${IDEMPOTENCY_HEADER} header of 1 to ${MAX_KEY_LENGTH} characters; reuse it when you retry.`, {
      fields: { [IDEMPOTENCY_HEADER]: key === undefined ? 'Required.' : `Use 1 to ${MAX_KEY_LENGTH} characters.` },
    });
  }
  c.set('idempotencyKey', key);
  await next();
});

/**
 * Merchant-reported conversions and payouts (`/api/admin/...`), and a partner's coupon codes.
 * Mounted inside `adminRoutes`, behind its admin guard. Every POST is idempotent by its key:
 * check, effect and stored answer share one transaction.
 */
export function conversionRoutes(deps: Deps) {
  const { db, now } = deps;
  // Clicks are recorded in batches; attribution flushes the recorder before looking one up.
  const clicks = (): ClickFlusher => deps.clicks;

  const answer = (c: Context<KeyEnv>, scope: string, body: unknown, effect: (at: number) => unknown) => {
    const at = now();
    const result = idempotent(db, scope, c.get('idempotencyKey'), body, at, () => ({ status: 201, body: effect(at) }));
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body as object, result.status as ContentfulStatusCode);
  };

  return new Hono<KeyEnv>()
    .get('/coupons', valid('query', CouponListQuery), (c) => c.json(listCoupons(db, c.req.valid('query').partnerCode)))
    .post('/coupons', requireIdempotencyKey, valid('json', CouponCreate), (c) => {
      const body = c.req.valid('json');
      return answer(c, 'coupons', body, (at) => createCoupon(db, body, at));
    })
    .post('/leads', requireIdempotencyKey, valid('json', LeadCreate), (c) => {
      const body = c.req.valid('json');
      return answer(c, 'leads', body, (at) => recordLead(db, clicks(), body, at));
    })
    .post('/sales', requireIdempotencyKey, valid('json', SaleCreate), (c) => {
      const body = c.req.valid('json');
      return answer(c, 'sales', body, (at) => recordSale(db, clicks(), body, at));
    })
    .post('/refunds', requireIdempotencyKey, valid('json', RefundCreate), (c) => {
      const body = c.req.valid('json');
      return answer(c, 'refunds', body, (at) => recordRefund(db, body, at));
    })
    .post('/payouts', requireIdempotencyKey, valid('json', PayoutCreate), (c) => {
      const body = c.req.valid('json');
      return answer(c, 'payouts', body, (at) => recordPayout(db, body, at));
    })
    .post('/adjustments', requireIdempotencyKey, valid('json', AdjustmentCreate), (c) => {
      const body = c.req.valid('json');
      return answer(c, 'adjustments', body, (at) => recordAdjustment(db, body, at));
    });
}
