import type { SessionPartner, MenuItemId, TrackedLink } from '@rp/contract';
import type { SignOutReason } from './center-store.js';

export interface RpSignedInDetail {
  partner: SessionPartner;
}
export interface RpSignedOutDetail {
  reason: SignOutReason;
}
export interface RpNavigateDetail {
  section: MenuItemId;
}
export interface RpProfileSavedDetail {
  changed: string[];
}
export interface RpLinkCreatedDetail {
  link: TrackedLink;
}

/** Every event the elements fire, with its detail type. */
export interface RpEventMap {
  'rp-signed-in': CustomEvent<RpSignedInDetail>;
  'rp-signed-out': CustomEvent<RpSignedOutDetail>;
  'rp-navigate': CustomEvent<RpNavigateDetail>;
  'rp-profile-saved': CustomEvent<RpProfileSavedDetail>;
  'rp-link-created': CustomEvent<RpLinkCreatedDetail>;
}

type DetailOf<K extends keyof RpEventMap> = RpEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Fires an `rp-*` event that bubbles out of shadow roots. Returns false when a listener called
 * `preventDefault()` on a cancelable event.
 */
export function fire<K extends keyof RpEventMap>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends RpEventMap {}
}
