import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { ResourcePage, ResourcePageList, ResourcePageSummary, resourcePaths } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { partnerGet } from '../core/partner-get.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { emptyState, taskStates } from '../core/states.js';
import { formatDate } from '../core/format.js';
import { fire } from '../core/events.js';
import { resourcePagesStyles } from './rp-resource-pages.styles.js';

const path: (typeof resourcePaths)['resourcePages'] = '/partner/resource-pages';

export interface RpOpenPageDetail {
  /** The resource page's slug; empty for the list of pages. */
  slug: string;
}

// Added to the elements' event map here rather than in core/events.ts: any change to that file's
// text changes how esbuild names the minified identifiers of the standalone sign-in bundle.
declare module '../core/events.js' {
  interface RpEventMap {
    'rp-open-page': CustomEvent<RpOpenPageDetail>;
  }
}

/**
 * The merchant's resource pages (brand guidelines, product facts, …): a list with each page's
 * title and date, and the chosen page read right here, with readable typography and a link back
 * to the list. Opening a page moves focus to its title; going back moves it to the page's link.
 *
 * The links point at `#/resource-pages/<slug>`, the page's address in `<rp-portal>`, which opens
 * pages through the hash so each has its own URL. Standing alone, the element shows the page
 * itself unless a listener cancels `rp-open-page`. The page's HTML comes from the API sanitized
 * (on the merchant's write) and is shown as the API gives it.
 *
 * @summary The merchant's resource pages, listed and readable.
 *
 * @fires rp-open-page - When the partner opens a page or goes back to the list; cancelable
 *   (`preventDefault()` keeps the element where it is, for a host that routes and sets `page`);
 *   `detail: { slug }`, empty for the list.
 *
 * @slot header - Replaces the list's heading ("Resource Pages") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the merchant has published no pages.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart heading - The list's `h2` heading.
 * @csspart intro - The sentence under the heading.
 * @csspart list - The list of pages.
 * @csspart page-link - Each page's link in the list.
 * @csspart back - The link back to the list.
 * @csspart page - The card of the page being read.
 * @csspart page-title - The page's `h2` title.
 * @csspart content - The page's text.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (links, focus).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of dates.
 * @cssprop --rp-surface - Card background.
 * @cssprop --rp-surface-alt - Background of code, quotes and table headers in a page.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 * @cssprop --rp-page-max-width - Line length of a page's text (default 70ch).
 *
 * @customElement rp-resource-pages
 */
@localized()
export class RpResourcePages extends RpElement {
  static override styles = [baseStyles, stateStyles, sectionStyles, resourcePagesStyles];

  /** Slug of the page shown; empty shows the list. */
  @property() page = '';

  protected readonly listTask = partnerGet<ResourcePageList>(this, path);

  protected readonly pageTask = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null, this.page] as const,
    task: async ([store, token, slug], { signal }) =>
      token && slug ? store.client.get<ResourcePage>(`${path}/${encodeURIComponent(slug)}`, { signal }) : initialState,
  });

  /** What to focus once it is rendered, after the page changed. */
  #focus = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('page')) {
      const from = changed.get('page') ?? '';
      this.#focus = this.page ? '#page-title' : from ? `[data-slug="${CSS.escape(from)}"]` : '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.#focus && this.renderRoot.querySelector<HTMLElement>(this.#focus);
    if (target) {
      this.#focus = '';
      target.focus();
    }
  }

  protected override render(): TemplateResult {
    if (this.page) {
      return html`<section>
        <a class="back" part="back" href="#/resource-pages" data-slug="" @click=${this.#open}>${msg('All resource pages')}</a>
        ${taskStates(this, this.pageTask, msg('Loading the page…'), (page) => this._pageTemplate(page))}
      </section>`;
    }
    return html`<section>
      <div class="head"><slot name="header">${this._headerTemplate()}</slot></div>
      ${taskStates(this, this.listTask, msg('Loading resource pages…'), (list) => this._listTemplate(list.pages))}
    </section>`;
  }

  /** The list's heading and introduction; override to change them without a slot. */
  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('Resource Pages')}</h2>
      <p class="intro" part="intro">${msg('Guides and facts from the merchant to help you promote them.')}</p>`;
  }

  protected _listTemplate(pages: ResourcePageSummary[]): TemplateResult {
    if (pages.length === 0) return emptyState(msg('There are no resource pages yet.'));
    return html`<ul class="list" part="list">
      ${pages.map(
        (p) => html`<li>
          <a class="card page-link" part="page-link" href="#/resource-pages/${encodeURIComponent(p.slug)}" data-slug=${p.slug}
            @click=${this.#open}><span class="title">${p.title}</span>
            <span class="updated">${this.#updated(p)}</span></a>
        </li>`,
      )}
    </ul>`;
  }

  /** The page being read. */
  protected _pageTemplate(page: ResourcePage): TemplateResult {
    return html`<article class="card page" part="page" aria-labelledby="page-title">
      <h2 id="page-title" part="page-title" tabindex="-1">${page.title}</h2>
      <p class="updated">${this.#updated(page)}</p>
      <div class="prose" part="content">${unsafeHTML(page.html)}</div>
    </article>`;
  }

  #updated(page: ResourcePageSummary): string {
    return msg(str`Updated ${formatDate(page.updatedAt, this.locale, 'long')}`);
  }

  #open(event: MouseEvent): void {
    // Modified clicks open the link in a new tab or window, as links do.
    if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const slug = (event.currentTarget as HTMLElement).dataset.slug!;
    if (fire(this, 'rp-open-page', { slug }, { cancelable: true })) this.page = slug;
  }
}

RpResourcePages.define('rp-resource-pages');

declare global {
  interface HTMLElementTagNameMap {
    'rp-resource-pages': RpResourcePages;
  }
}
