import { html, nothing, svg, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { CenterForPartner, Summary } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { partnerGet } from '../core/partner-get.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { errorState, loadingState, signedOutState } from '../core/states.js';
import { loadPartnerCenter } from '../core/partner-center.js';
import { formatDay, formatNumber } from '../core/format.js';
import { figureStyles, figures } from '../reports/figures.js';
import { welcomeStyles } from './rp-welcome.styles.js';
import { welcomeCardTemplate, welcomeHeadingTemplate, welcomeMessageTemplate } from './welcome-message.js';

/**
 * The partner's home page: greets the signed-in partner by first name and shows the merchant's
 * welcome message (plain text; blank lines separate paragraphs), then a summary: available and
 * pending balance, earned this month, and clicks → leads → sales for the period with conversion
 * rates, a small bar chart of clicks per day (an SVG with an accessible name) and the same
 * figures as a table.
 *
 * @summary Welcome message of the partner center.
 *
 * @slot header - Replaces the default heading ("Welcome, Dana").
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the merchant has not written a welcome message.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart card - The card around the whole section.
 * @csspart header - The header holding the center name and the heading.
 * @csspart eyebrow - The center's name above the heading.
 * @csspart heading - The `h2` heading.
 * @csspart message - The welcome message.
 * @csspart paragraph - Each paragraph of the welcome message.
 * @csspart summary - The summary under the message.
 * @csspart figures - The balances and earnings of the summary.
 * @csspart funnel - Clicks, leads and sales with their rates.
 * @csspart chart - The chart of clicks per day.
 * @csspart daily - The disclosure with the daily figures as a table.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (center name, buttons).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of secondary text.
 * @cssprop --rp-surface - Card background.
 * @cssprop --rp-surface-alt - Background of the empty state.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 * @cssprop --rp-welcome-heading-size - Font size of the heading.
 * @cssprop --rp-chart-bar - Colour of the chart's bars (the accent by default).
 *
 * @customElement rp-welcome
 */
@localized()
export class RpWelcome extends RpElement {
  static override styles = [baseStyles, stateStyles, figureStyles, welcomeStyles];

  #reload = false;

  // The request is shared with <rp-portal> and <rp-nav> (one `GET /partner/center` per session).
  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([store, token]) => {
      if (!token) return initialState;
      const reload = this.#reload;
      this.#reload = false;
      return loadPartnerCenter(store, { reload });
    },
  });

  /** The summary's figures, fetched beside the message. */
  protected readonly summaryTask = partnerGet<Summary>(this, '/partner/summary');

  /** Fetches the welcome message again. */
  reload(): void {
    this.#reload = true;
    void this.task.run();
  }

  /** The partner's first name, from the session. */
  protected get firstName(): string {
    const name = this.store.session?.partner.name.trim() ?? '';
    return name.split(/\s+/)[0] ?? '';
  }

  protected override render(): TemplateResult {
    const signedIn = this.store.signedIn;
    const center = this.task.value ?? this.store.center;
    return welcomeCardTemplate(
      center?.name,
      html`<slot name="header">${this._headerTemplate()}</slot>`,
      signedIn
        ? this.task.render({
            pending: () => loadingState(msg('Loading your welcome message…')),
            complete: (data) => this._contentTemplate(data),
            error: (error) => errorState(error, () => this.reload()),
          })
        : signedOutState(),
    );
  }

  /** The heading; override to change it without a slot. */
  protected _headerTemplate(): TemplateResult {
    return welcomeHeadingTemplate(this.store.signedIn ? this.firstName : '');
  }

  /** The message, then the summary (empty for now). */
  protected _contentTemplate(data: CenterForPartner): TemplateResult {
    return html`${welcomeMessageTemplate(data.welcomeMessage)} ${this._summaryTemplate(data)}`;
  }

  /** The summary below the message: its own request, loading and error states. */
  protected _summaryTemplate(_data: CenterForPartner): TemplateResult | typeof nothing {
    return (
      this.summaryTask.render({
        pending: () => html`<p class="state loading summary-state" role="status">${msg('Loading your summary…')}</p>`,
        complete: (summary) => this._figuresTemplate(summary),
        error: (error) => errorState(error, () => void this.summaryTask.run()),
      }) ?? nothing
    );
  }

  protected _figuresTemplate(s: Summary): TemplateResult {
    const locale = this.locale;
    const { clicks, leads, sales } = s.funnel;
    const rate = (n: number) => (clicks ? msg(str`${formatNumber(n / clicks, locale, true)} of clicks`) : '');
    const step = (label: string, n: number, note: string) =>
      html`<li>
        <span class="count">${formatNumber(n, locale)}</span>
        <span class="what">${label}</span>
        ${note ? html`<span class="rate">${note}</span>` : nothing}
      </li>`;
    return html`<section class="summary" part="summary" aria-labelledby="summary-heading">
      <h3 id="summary-heading">${msg('Your summary')}</h3>
      ${figures('figures', locale, [
        [msg('Available balance'), s.balance.available, msg('Can be paid out now')],
        [msg('Pending balance'), s.balance.pending, msg('In the hold period')],
        [msg('Earned this month'), s.earnedThisMonth, msg('Commissions since the 1st')],
      ])}
      <div class="period-head">
        <h4>${msg('Clicks → leads → sales')}</h4>
        <p class="period">${this.#period(s)}</p>
      </div>
      <ol class="funnel" part="funnel">
        ${step(msg('Clicks'), clicks, '')} ${step(msg('Leads'), leads, rate(leads))} ${step(msg('Sales'), sales, rate(sales))}
      </ol>
      ${s.daily.length ? this._chartTemplate(s) : nothing}
    </section>`;
  }

  /** Clicks per day as bars: a picture with a name that says what it shows, then the numbers as a table. */
  protected _chartTemplate(s: Summary): TemplateResult {
    const locale = this.locale;
    const days = s.daily;
    const max = Math.max(1, ...days.map((d) => d.clicks));
    const best = days.reduce((a, b) => (b.clicks > a.clicks ? b : a));
    const period = this.#period(s);
    const total = formatNumber(s.funnel.clicks, locale);
    const label = best.clicks
      ? msg(str`Clicks per day, ${period}: ${total} in total, the most on ${formatDay(best.day, locale)} (${formatNumber(best.clicks, locale)}).`)
      : msg(str`No clicks, ${period}.`);
    return html`<figure class="chart" part="chart">
        <svg viewBox="0 0 ${days.length} 40" preserveAspectRatio="none" role="img" aria-labelledby="chart-title">
          <title id="chart-title">${label}</title>
          ${days.map((d, i) => {
            const h = (d.clicks / max) * 38;
            return svg`<rect x=${i + 0.15} y=${40 - h} width="0.7" height=${h}></rect>`;
          })}
          <line class="grid" x1="0" x2=${days.length} y1="2" y2="2"></line>
          <line x1="0" x2=${days.length} y1="39.9" y2="39.9"></line>
        </svg>
        <span class="peak" aria-hidden="true">${formatNumber(max, locale)}</span>
        <figcaption aria-hidden="true">
          <span>${formatDay(days[0]!.day, locale, { month: 'short', day: 'numeric' })}</span>
          <span>${msg('Clicks per day')}</span>
          <span>${formatDay(days[days.length - 1]!.day, locale, { month: 'short', day: 'numeric' })}</span>
        </figcaption>
      </figure>
      <details part="daily">
        <summary>${msg('Daily figures')}</summary>
        <table>
          <caption class="visually-hidden">${msg(str`Clicks, leads and sales per day, ${period}`)}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Day')}</th>
              <th scope="col">${msg('Clicks')}</th>
              <th scope="col">${msg('Leads')}</th>
              <th scope="col">${msg('Sales')}</th>
            </tr>
          </thead>
          <tbody>
            ${days.map(
              (d) => html`<tr>
                <th scope="row">${formatDay(d.day, locale)}</th>
                <td>${formatNumber(d.clicks, locale)}</td>
                <td>${formatNumber(d.leads, locale)}</td>
                <td>${formatNumber(d.sales, locale)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  }

  /** "Oct 26 – Nov 24, 2026" */
  #period(s: Summary): string {
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(day(s.from), day(s.to));
  }
}

RpWelcome.define('rp-welcome');

declare global {
  interface HTMLElementTagNameMap {
    'rp-welcome': RpWelcome;
  }
}
