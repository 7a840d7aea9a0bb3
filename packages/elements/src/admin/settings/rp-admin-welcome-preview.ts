import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { RpElement } from '../../core/rp-element.js';
import { baseStyles } from '../../core/styles.js';
import { welcomeStyles } from '../../welcome/rp-welcome.styles.js';
import { welcomeCardTemplate, welcomeHeadingTemplate, welcomeMessageTemplate } from '../../welcome/welcome-message.js';

/**
 * The welcome message as a partner sees it in `<rp-welcome>`: the same card, heading and
 * paragraph rules (welcome/welcome-message.ts), the same styles and the merchant's accent colour, in its own shadow root so
 * the welcome styles cannot touch the settings form around it. Used by `<rp-admin-settings>`;
 * makes no request.
 *
 * @summary Preview of the partner center's welcome message.
 *
 * @csspart card - The card around the preview.
 * @csspart eyebrow - The center's name above the heading.
 * @csspart heading - The heading.
 * @csspart message - The message.
 * @csspart paragraph - Each paragraph of the message.
 * @csspart empty - Shown when the message is blank.
 *
 * @customElement rp-admin-welcome-preview
 */
@localized()
export class RpAdminWelcomePreview extends LitElement {
  static override styles = [baseStyles, welcomeStyles];
  static define = RpElement.define;

  /** The message, plain text: blank lines separate paragraphs. */
  @property() message = '';
  /** The center's name, shown above the heading. */
  @property({ attribute: 'center-name' }) centerName = '';
  /** The accent colour (`#rrggbb`); anything else keeps the default. */
  @property() accent = '';
  /** The first name in the heading ("Welcome, Dana"). */
  @property({ attribute: 'partner-name' }) partnerName = 'Dana';

  #accentSheet: CSSStyleSheet | null = null;

  protected override render(): TemplateResult {
    return welcomeCardTemplate(
      this.centerName.trim(),
      welcomeHeadingTemplate(this.partnerName),
      welcomeMessageTemplate(this.message),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('accent')) return;
    // As RpElement applies the branding: a constructed sheet, so a strict CSP allows it.
    const root = this.shadowRoot;
    if (!root) return;
    if (!this.#accentSheet) {
      this.#accentSheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#accentSheet];
    }
    this.#accentSheet.replaceSync(/^#[0-9a-f]{6}$/i.test(this.accent) ? `:host { --_brand-accent: ${this.accent}; }` : '');
  }
}

RpAdminWelcomePreview.define('rp-admin-welcome-preview');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-welcome-preview': RpAdminWelcomePreview;
  }
}
