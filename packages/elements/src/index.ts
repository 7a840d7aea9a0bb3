/**
 * Every element of the Referral Partner Center, each registered under its `rp-*` tag, plus the
 * pieces a developer builds on: the shared store and API client, event types and formatters.
 */
export { RpCenter } from './center/rp-center.js';
export { RpPortal } from './portal/rp-portal.js';
export { RpSignin } from './signin/rp-signin.js';
export { RpSignup, type RpSignedUpDetail } from './signup/rp-signup.js';
export { RpResetPassword } from './reset-password/rp-reset-password.js';
export { RpNav, type NavLayout } from './nav/rp-nav.js';
export { RpWelcome } from './welcome/rp-welcome.js';
export { RpProfile } from './profile/rp-profile.js';
export { RpPrograms } from './programs/rp-programs.js';
export { RpCommissionStructure } from './commission-structure/rp-commission-structure.js';
export { RpLinkGenerator } from './link-generator/rp-link-generator.js';
export { RpClicks } from './link-generator/rp-clicks.js';
export { RpBanners } from './banners/rp-banners.js';
export { RpEmailCopy } from './email-copy/rp-email-copy.js';
export { RpResourcePages, type RpOpenPageDetail } from './resource-pages/rp-resource-pages.js';
export { RpCommissions } from './commissions/rp-commissions.js';
export { RpLeads } from './leads/rp-leads.js';
export { RpSales } from './sales/rp-sales.js';
export { RpLedger } from './ledger/rp-ledger.js';
export { RpReport } from './reports/rp-report.js';

export { RpElement, DEFAULT_API_BASE } from './core/rp-element.js';
export {
  CenterStore,
  storeFor,
  type SessionPersistence,
  type SignOutReason,
  type StoredSession,
} from './core/center-store.js';
export { ApiClient, ApiError, type RequestOptions } from './core/api-client.js';
export { centerContext } from './core/context.js';
export { loadPartnerCenter } from './core/partner-center.js';
export {
  fire,
  type RpEventMap,
  type RpSignedInDetail,
  type RpSignedOutDetail,
  type RpNavigateDetail,
  type RpProfileSavedDetail,
  type RpLinkCreatedDetail,
} from './core/events.js';
export { formatMoney, formatBasisPoints, formatDate, formatDay, formatNumber } from './core/format.js';
export { baseStyles } from './core/styles.js';
export { builtInLabel, categoryLabel, itemLabel, menuLayout } from './nav/menu.js';
