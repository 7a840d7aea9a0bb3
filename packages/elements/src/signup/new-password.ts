import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

/** The server's shortest password (PASSWORD_MIN_LENGTH in the contract); the server has the final say. */
export const PASSWORD_MIN_LENGTH = 12;

/** Characters of a password as the server counts them: code points, not UTF-16 units. */
export const passwordLength = (value: string): number => [...value].length;

export interface NewPasswordOptions {
  id: string;
  show: boolean;
  onToggle: () => void;
  min?: number;
  invalid?: boolean;
  describedBy?: string | typeof nothing;
}

/**
 * A new-password input with its show/hide button, shared by `<rp-signup>` and
 * `<rp-reset-password>` (styled by `partnerFormStyles`, as the sign-in card's password field).
 */
export function newPasswordInput(o: NewPasswordOptions): TemplateResult {
  return html`<div class="password">
    <input part="input" id=${o.id} name=${o.id} type=${o.show ? 'text' : 'password'} autocomplete="new-password" required
      minlength=${o.min ?? PASSWORD_MIN_LENGTH} maxlength="256" aria-invalid=${o.invalid ?? false}
      aria-describedby=${o.describedBy ?? nothing} />
    <button part="toggle" class="toggle" type="button" aria-controls=${o.id} aria-pressed=${o.show}
      aria-label=${o.show ? msg('Hide password') : msg('Show password')} @click=${o.onToggle}>
      ${o.show ? msg('Hide') : msg('Show')}
    </button>
  </div>`;
}

/** The live length hint under a new password: "At least 12 characters.", "5 of 12 characters.", then "long enough". */
export function passwordHint(length: number, min = PASSWORD_MIN_LENGTH): TemplateResult {
  const long = length >= min;
  return html`<span class="count ${long ? 'long' : ''}">${long
      ? msg(str`${length} characters: long enough.`)
      : length === 0
        ? msg(str`At least ${min} characters.`)
        : msg(str`${length} of ${min} characters.`)}</span>
    ${msg('Avoid common passwords and your own email or partner code.')}`;
}
