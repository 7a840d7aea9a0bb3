import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { emptyState } from '../core/states.js';
import { plainText } from '../core/plain-text.js';

/**
 * The welcome card as a partner sees it (styled by `welcomeStyles`): the center's name above the
 * heading, then the body. Shared by `<rp-welcome>` and the back office's preview of it.
 */
export function welcomeCardTemplate(centerName: string | undefined, heading: unknown, body: unknown): TemplateResult {
  return html`<section class="card" part="card">
    <header part="header">
      ${centerName ? html`<p class="eyebrow" part="eyebrow">${centerName}</p>` : nothing}
      ${heading}
    </header>
    ${body}
  </section>`;
}

/** "Welcome, Dana", or "Welcome" without a name. */
export function welcomeHeadingTemplate(firstName: string): TemplateResult {
  return html`<h2 id="heading" part="heading">${firstName ? msg(str`Welcome, ${firstName}`) : msg('Welcome')}</h2>`;
}

/** The merchant's message as paragraphs (`plainText`), or the empty state while it is blank. */
export function welcomeMessageTemplate(message: string): TemplateResult {
  const paragraphs = plainText(message);
  return paragraphs === nothing
    ? emptyState(msg('Your partner center is ready. Your welcome message will appear here.'))
    : html`<div class="message" part="message">${paragraphs}</div>`;
}
