/**
 * The HTTP contract of the Referral Partner Center. Server validation, client types, mock
 * fixtures and the OpenAPI document all come from these schemas.
 *
 * Elements must `import type` from here only: the schemas pull in zod, which a merchant's page
 * should not pay for.
 */
export * from './common.ts';
export * from './errors.ts';
export * from './center.ts';
export * from './auth.ts';
export * from './profile.ts';
export * from './programs.ts';
export * from './tracking.ts';
export * from './conversions.ts';
export * from './ledger.ts';
export * from './routes.ts';
export * from './admin.ts';
export * from './resources.ts';
export * from './accounts.ts';
export * from './admin-session.ts';
