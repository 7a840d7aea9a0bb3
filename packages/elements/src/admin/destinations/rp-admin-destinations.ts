import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { AdminDestination, AdminDestinationList, DestinationUpdate } from '@rp/contract';
import { adminStyles } from '../admin-styles.js';
import { AdminCollection, type CollectionTexts } from '../resources/rp-admin-collection.js';
import { collectionStyles } from '../resources/rp-admin-collection.styles.js';

type DestinationDraft = {
  name: string;
  url: string;
  description: string;
  allowSubpaths: boolean;
  active: boolean;
};

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The address in pieces that each end at a slash, so it wraps between them, never inside a host name. */
const urlPieces = (url: string) => url.split(/(?<=[^/]\/)(?!\/)/).map((piece) => html`<span class="piece">${piece}</span><wbr>`);

/**
 * The link destinations the merchant approves: the only pages partners' tracked links may lead
 * to (the redirect never goes anywhere else). A table of destinations with their address,
 * whether partners may link to any page of that site, and whether they are enabled; a form to
 * add one (name, address, description, "any page under it"), edit its name, description and
 * paths rule, and disable or enable it. The address itself cannot change once partners may
 * have links to it; there is no removal, only disabling.
 *
 * @summary Back office: approve the pages partners may link to.
 *
 * @slot header - Replaces the heading ("Link destinations") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown when no destination is approved yet.
 * @slot signed-out - Shown instead of the default text while no admin is signed in.
 *
 * @csspart section - The element's section.
 * @csspart heading - The heading.
 * @csspart subheading - The editor's heading.
 * @csspart intro - The sentence under the heading.
 * @csspart status - The live region ("Destination saved.").
 * @csspart add-button - The "Add destination" button.
 * @csspart table - The table of destinations.
 * @csspart edit-button - A row's "Edit" button.
 * @csspart toggle-button - A row's "Disable" / "Enable" button.
 * @csspart confirm-disable-button - The button confirming that a destination is disabled.
 * @csspart keep-button - The button cancelling that.
 * @csspart form - The editor.
 * @csspart input - Every input and textarea of the editor.
 * @csspart switch - The editor's switches.
 * @csspart field-error - A field's error message.
 * @csspart form-error - An error about the whole form or the list.
 * @csspart save-button - The "Save" button.
 * @csspart cancel-button - The "Cancel" button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, switches, focus).
 * @cssprop --rp-accent-contrast - Text on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of hints and secondary text.
 * @cssprop --rp-surface - Panel and input background.
 * @cssprop --rp-surface-alt - Background of the table header.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors and disabling.
 * @cssprop --rp-success - Colour of "Enabled" and of the saved confirmation.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-destinations
 */
@localized()
export class RpAdminDestinations extends AdminCollection<AdminDestination, DestinationDraft> {
  static override styles = [
    adminStyles,
    collectionStyles,
    css`
      .url-cell .piece {
        white-space: nowrap;
      }
      /* As a card on a phone, a very long piece may still wrap rather than overflow. */
      @container (max-width: 40rem) {
        .url-cell .piece {
          white-space: normal;
        }
      }
    `,
  ];

  protected readonly path = '/admin/destinations';
  protected override removable = false;

  /** The destination whose "Disable" waits for confirmation. */
  @state() protected confirmingDisable: number | null = null;
  /** The destination being enabled or disabled. */
  @state() protected toggling: number | null = null;

  protected get texts(): CollectionTexts<AdminDestination> {
    return {
      loading: msg('Loading destinations…'),
      empty: msg('No destinations yet. Approve your shop’s home page to let partners make their first links.'),
      add: msg('Add destination'),
      count: (n) => (n === 1 ? msg('1 destination') : msg(str`${n} destinations`)),
      newTitle: msg('New destination'),
      editTitle: (d) => msg(str`Edit "${d.name}"`),
      saved: (d) => msg(str`Destination "${d.name}" saved.`),
      removed: (d) => msg(str`Destination "${d.name}" removed.`),
      confirmRemove: () => '',
      removeButton: '',
    };
  }

  protected async load(signal: AbortSignal): Promise<AdminDestination[]> {
    const { destinations } = await this.store.client.get<AdminDestinationList>(this.path, { signal });
    return destinations;
  }

  protected override sorted(items: AdminDestination[]): AdminDestination[] {
    return [...items].sort((a, b) => a.id - b.id);
  }

  protected _headerTemplate(): TemplateResult {
    return html`<div>
      ${this.heading(msg('Link destinations'))}
      <p class="intro" part="intro">${msg('The pages partners may send visitors to. Tracked links, banners and emails only ever lead here.')}</p>
    </div>`;
  }

  protected _listTemplate(destinations: AdminDestination[]): TemplateResult {
    return this._tableTemplate(
      msg('Link destinations'),
      [msg('Destination'), msg('Address'), msg('Partners may link to'), msg('Status')],
      destinations.map((d) => this._rowTemplate(d)),
    );
  }

  protected _rowTemplate(d: AdminDestination): TemplateResult {
    return html`<tr>
      <th scope="row">${d.name}${d.description ? html`<span class="sub">${d.description}</span>` : nothing}</th>
      <td class="url-cell" data-label=${msg('Address')}><a class="mono" href=${d.url} target="_blank" rel="noopener noreferrer">${urlPieces(d.url)}</a></td>
      <td data-label=${msg('Partners may link to')}>
        ${d.allowSubpaths ? msg(str`Any page on ${hostOf(d.url)}`) : msg('This page only')}
      </td>
      <td data-label=${msg('Status')}>
        ${d.active
          ? html`<span class="badge success">${msg('Enabled')}</span>`
          : html`<span class="badge neutral">${msg('Disabled')}</span>`}
      </td>
      <td class="actions-cell">${this.confirmingDisable === d.id ? this._confirmDisableTemplate(d) : this._rowActions(d)}</td>
    </tr>`;
  }

  protected _rowActions(d: AdminDestination): TemplateResult {
    const toggling = this.toggling === d.id;
    return html`<span class="row-actions">
      ${this._editButton(d, d.name, toggling)}
      <button type="button" class="${d.active ? 'danger' : 'secondary'} small" part="toggle-button" data-toggle=${d.id}
        ?disabled=${this.toggling !== null} @click=${() => void (d.active ? this.#askDisable(d) : this.#setActive(d, true))}>
        ${toggling ? (d.active ? msg('Disabling…') : msg('Enabling…')) : d.active ? msg('Disable') : msg('Enable')}<span class="visually-hidden"> ${d.name}</span>
      </button>
    </span>`;
  }

  protected _confirmDisableTemplate(d: AdminDestination): TemplateResult {
    return html`<div class="row-confirm" role="group" aria-labelledby="confirm-disable-${d.id}" @keydown=${this.#confirmKeydown}>
      <p id="confirm-disable-${d.id}">
        ${msg(str`Disable "${d.name}"? Partners' links to it stop redirecting, and banners and emails pointing at it are hidden.`)}
      </p>
      <span class="row-actions">
        <button type="button" class="danger small" part="confirm-disable-button" ?disabled=${this.toggling !== null}
          @click=${() => void this.#setActive(d, false)}>
          ${this.toggling === d.id ? msg('Disabling…') : msg('Disable')}
        </button>
        <button type="button" class="secondary small" part="keep-button" ?disabled=${this.toggling !== null} @click=${() => void this.#keepEnabled(d)}>
          ${msg('Keep enabled')}
        </button>
      </span>
    </div>`;
  }

  // ---- editor -------------------------------------------------------------------------------

  protected emptyDraft(): DestinationDraft {
    return { name: '', url: '', description: '', allowSubpaths: true, active: true };
  }

  protected toDraft(d: AdminDestination): DestinationDraft {
    return { name: d.name, url: d.url, description: d.description, allowSubpaths: d.allowSubpaths, active: d.active };
  }

  protected bodyFrom(draft: DestinationDraft, keys: (keyof DestinationDraft)[], isNew: boolean): object {
    if (isNew) {
      return { name: draft.name.trim(), url: draft.url.trim(), description: draft.description.trim(), allowSubpaths: draft.allowSubpaths };
    }
    // The address is fixed once created; the rest may change.
    const all: Required<DestinationUpdate> = {
      name: draft.name.trim(),
      description: draft.description.trim(),
      allowSubpaths: draft.allowSubpaths,
      active: draft.active,
    };
    return Object.fromEntries(keys.filter((key) => key !== 'url').map((key) => [key, all[key as keyof DestinationUpdate]]));
  }

  protected override opened(): void {
    this.confirmingDisable = null;
  }

  protected _fieldsTemplate(): TemplateResult {
    const isNew = this.editing === 'new';
    const host = hostOf(this.draft.url) || msg('that site');
    return html`${this.textField('name', msg('Name'), {
        required: true,
        maxlength: 80,
        hint: msg('What partners choose from, such as "Shop" or "Spring sale".'),
      })}
      ${isNew
        ? this.textField('url', msg('Address'), {
            required: true,
            wide: true,
            type: 'url',
            maxlength: 2048,
            pattern: '\\s*https?://.+',
            placeholder: 'https://shop.example.com/',
            hint: msg('The full address, starting with https://. It cannot be changed later.'),
          })
        : this.textField('url', msg('Address'), {
            readonly: true,
            wide: true,
            code: true,
            hint: msg('Fixed: partners’ links lead here. To move, add a new destination and disable this one.'),
          })}
      ${this.textField('description', msg('Description'), {
        optional: true,
        wide: true,
        rows: 2,
        maxlength: 500,
        hint: msg('Tells partners what they find there.'),
      })}
      ${this.switchField(
        'allowSubpaths',
        msg('Allow any page under it'),
        msg(str`On: partners may add a path, such as /shop/espresso, to link to any page on ${host}. Off: links lead to exactly this address.`),
      )}
      ${isNew
        ? nothing
        : this.switchField(
            'active',
            msg('Enabled'),
            msg('Disabled: partners’ links to it stop redirecting, and banners and emails pointing at it are hidden.'),
          )}`;
  }

  // ---- enable / disable from the list -------------------------------------------------------

  async #askDisable(d: AdminDestination): Promise<void> {
    this.confirmingDisable = d.id;
    this.formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="keep-button"]')?.focus();
  }

  async #keepEnabled(d: AdminDestination): Promise<void> {
    this.confirmingDisable = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-toggle="${d.id}"]`)?.focus();
  }

  #confirmKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this.toggling !== null || this.confirmingDisable === null) return;
    event.preventDefault();
    const d = this.items.find((item) => item.id === this.confirmingDisable);
    if (d) void this.#keepEnabled(d);
  }

  async #setActive(d: AdminDestination, active: boolean): Promise<void> {
    if (this.toggling !== null) return;
    this.toggling = d.id;
    this.formError = '';
    let saved: AdminDestination | null = null;
    let failure: unknown = null;
    try {
      saved = await this.store.client.patch<AdminDestination>(`${this.path}/${d.id}`, { body: { active } satisfies DestinationUpdate });
    } catch (error) {
      failure = error;
    }
    this.toggling = null;
    this.confirmingDisable = null;
    if (!saved) return this.showError(failure);
    const { name } = saved;
    this.items = this.items.map((item) => (item.id === saved.id ? saved : item));
    await this.say(active ? msg(str`"${name}" is enabled.`) : msg(str`"${name}" is disabled.`), true);
    this.renderRoot.querySelector<HTMLElement>(`[data-toggle="${d.id}"]`)?.focus();
  }
}

RpAdminDestinations.define('rp-admin-destinations');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-destinations': RpAdminDestinations;
  }
}
