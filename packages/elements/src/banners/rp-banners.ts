import { html, type TemplateResult } from 'lit';
import { localized, msg } from '@lit/localize';
import type { Banner, BannerList, resourcePaths } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { partnerGet } from '../core/partner-get.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { emptyState, taskStates } from '../core/states.js';
import { Copier, selectField } from '../core/copy.js';
import { bannersStyles } from './rp-banners.styles.js';

const path: (typeof resourcePaths)['banners'] = '/partner/banners';

/**
 * The merchant's advertising banners, ready to place on the partner's own site: each with a
 * preview, its size and alt text, the partner's tracked link it points at, and the HTML to paste
 * (already carrying that link), shown as text in a read-only box with a one-click **Copy HTML**.
 *
 * @summary Banners with ready-to-paste HTML.
 *
 * @slot header - Replaces the heading ("Banners") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the merchant has no banners.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart intro - The sentence under the heading.
 * @csspart list - The list of banners.
 * @csspart banner - Each banner's card.
 * @csspart preview - The box around the preview image.
 * @csspart image - The preview image (scaled down to fit).
 * @csspart name - Each banner's `h3` name.
 * @csspart size - The banner's size in pixels.
 * @csspart link - The partner's tracked link the banner points at.
 * @csspart code - The read-only box with the HTML.
 * @csspart copy-button - Each "Copy HTML" button.
 * @csspart status - The live region ("Copied!").
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, links, focus).
 * @cssprop --rp-accent-contrast - Text on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of labels.
 * @cssprop --rp-surface - Card background.
 * @cssprop --rp-surface-alt - Background of the preview and the code box.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-success - Colour of the "Copied!" confirmation.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-banners
 */
@localized()
export class RpBanners extends RpElement {
  static override styles = [baseStyles, stateStyles, sectionStyles, bannersStyles];

  protected readonly task = partnerGet<BannerList>(this, path);
  protected readonly copier = new Copier(this);

  protected override render(): TemplateResult {
    return html`<section>
      <div class="head"><slot name="header">${this._headerTemplate()}</slot></div>
      ${taskStates(this, this.task, msg('Loading banners…'), (list) => this._listTemplate(list.banners))}
      ${this.copier.statusTemplate()}
    </section>`;
  }

  /** The heading and introduction; override to change them without a slot. */
  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('Banners')}</h2>
      <p class="intro" part="intro">${msg('Place a banner on your site: copy its HTML, which already carries your own link.')}</p>`;
  }

  protected _listTemplate(banners: Banner[]): TemplateResult {
    if (banners.length === 0) return emptyState(msg('There are no banners yet.'));
    return html`<ul class="list" part="list">
      ${banners.map((banner) => html`<li>${this._bannerTemplate(banner)}</li>`)}
    </ul>`;
  }

  /** One banner's card. */
  protected _bannerTemplate(b: Banner): TemplateResult {
    const id = `banner-${b.id}`;
    return html`<article class="card banner" part="banner" aria-labelledby=${id}>
      <div class="preview" part="preview">
        <img part="image" src=${b.imageUrl} width=${b.width} height=${b.height} alt=${b.alt} loading="lazy" decoding="async" />
      </div>
      <div class="body">
        <div class="about">
          <h3 id=${id} part="name">${b.name}</h3>
          <p class="size" part="size">${b.width} × ${b.height}</p>
          <dl>
            <dt class="label">${msg('Alt text')}</dt>
            <dd>${b.alt}</dd>
            <dt class="label">${msg('Links to')}</dt>
            <dd class="mono" part="link">${b.link}</dd>
          </dl>
        </div>
        <div class="paste">
          <label for="${id}-html">${msg('HTML to paste')}</label>
          <textarea id="${id}-html" class="code" part="code" readonly spellcheck="false" .value=${b.html} @focus=${selectField}></textarea>
          <button type="button" class="primary copy" part="copy-button" aria-describedby=${id} data-id=${b.id} @click=${this.#copy}>
            ${this.copier.label(String(b.id), msg('Copy HTML'))}
          </button>
        </div>
      </div>
    </article>`;
  }

  #copy(event: Event): void {
    const button = event.currentTarget as HTMLButtonElement;
    const banner = this.task.value?.banners.find((b) => String(b.id) === button.dataset.id);
    if (banner) void this.copier.copy(String(banner.id), button.previousElementSibling, banner.html);
  }
}

RpBanners.define('rp-banners');

declare global {
  interface HTMLElementTagNameMap {
    'rp-banners': RpBanners;
  }
}
