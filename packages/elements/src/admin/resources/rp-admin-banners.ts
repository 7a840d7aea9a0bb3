import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { AdminBanner, AdminBannerList, AdminDestination, AdminDestinationList, MediaUpload } from '@rp/contract';
import { ApiError } from '../../core/api-client.js';
import { adminStyles } from '../admin-styles.js';
import { describedBy } from '../admin-form.js';
import { AdminCollection, type CollectionTexts } from './rp-admin-collection.js';
import { collectionStyles } from './rp-admin-collection.styles.js';
import { bannerStyles } from './rp-admin-banners.styles.js';
import { checkImageFile, formatBytes, MEDIA_TYPES, uploadMedia } from './media-upload.js';

type BannerDraft = {
  name: string;
  /** The uploaded file's name (from `POST /admin/media`); '' before an upload. */
  image: string;
  alt: string;
  destinationId: number | null;
  active: boolean;
  position: string;
};

/**
 * The merchant's advertising banners: a card per banner with its image, size, alt text,
 * destination and whether partners see it; an editor to upload the image (PNG, JPEG, GIF or
 * WebP up to 2 MB, checked here for a quick answer and by the server by its bytes), name it,
 * describe it for screen readers, choose the approved destination it links to, switch it on or
 * off and order it. Partners copy each banner as HTML carrying their own tracked link.
 *
 * @summary Back office: upload and manage advertising banners.
 *
 * @slot header - Replaces the heading ("Banners") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown when there are no banners yet.
 * @slot signed-out - Shown instead of the default text while no admin is signed in.
 *
 * @csspart section - The element's section.
 * @csspart heading - The heading.
 * @csspart subheading - The editor's heading.
 * @csspart intro - The sentence under the heading.
 * @csspart status - The live region ("Banner saved.").
 * @csspart add-button - The "Add banner" button.
 * @csspart list - The list of banner cards.
 * @csspart card - One banner's card.
 * @csspart thumbnail - A banner's image in its card or in the editor's preview.
 * @csspart edit-button - A card's "Edit" button.
 * @csspart form - The editor.
 * @csspart input - Every input, select and textarea of the editor.
 * @csspart switch - The "Active" switch.
 * @csspart field-error - A field's error message.
 * @csspart form-error - An error about the whole form.
 * @csspart save-button - The "Save" button.
 * @csspart cancel-button - The "Cancel" button.
 * @csspart remove-button - The "Remove" button.
 * @csspart confirm-remove-button - The button confirming removal.
 * @csspart keep-button - The button cancelling removal.
 * @csspart aside - The preview beside the editor.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, switch, focus).
 * @cssprop --rp-accent-contrast - Text on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of hints and secondary text.
 * @cssprop --rp-surface - Card and input background.
 * @cssprop --rp-surface-alt - Background of image frames and panel footers.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors and removal.
 * @cssprop --rp-success - Colour of "Active" and of the saved confirmation.
 * @cssprop --rp-warning - Colour of warnings (a disabled destination).
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-banners
 */
@localized()
export class RpAdminBanners extends AdminCollection<AdminBanner, BannerDraft> {
  static override styles = [adminStyles, collectionStyles, bannerStyles];

  protected readonly path = '/admin/banners';

  /** Every destination (disabled ones too, to name them in the list). */
  @state() protected destinations: AdminDestination[] = [];
  /** An upload in flight: the file's name. */
  @state() protected uploading = '';
  /** The image uploaded in this editor session, shown until saved. */
  @state() protected uploaded: MediaUpload | null = null;

  #upload: AbortController | null = null;

  protected get texts(): CollectionTexts<AdminBanner> {
    return {
      loading: msg('Loading banners…'),
      empty: msg('No banners yet. Add one, and partners can place it on their sites with their own link.'),
      add: msg('Add banner'),
      count: (n) => (n === 1 ? msg('1 banner') : msg(str`${n} banners`)),
      newTitle: msg('New banner'),
      editTitle: (b) => msg(str`Edit "${b.name}"`),
      saved: (b) => msg(str`Banner "${b.name}" saved.`),
      removed: (b) => msg(str`Banner "${b.name}" removed.`),
      confirmRemove: () => msg('Remove this banner? Partners will no longer find it in their center.'),
      removeButton: msg('Remove banner'),
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#upload?.abort();
  }

  protected async load(signal: AbortSignal): Promise<AdminBanner[]> {
    const [{ banners }, { destinations }] = await Promise.all([
      this.store.client.get<AdminBannerList>(this.path, { signal }),
      this.store.client.get<AdminDestinationList>('/admin/destinations', { signal }),
    ]);
    this.destinations = destinations;
    return banners;
  }

  protected _headerTemplate(): TemplateResult {
    return html`<div>
      ${this.heading(msg('Banners'))}
      <p class="intro" part="intro">${msg('Images partners place on their sites. Each links to a page you approved, through the partner’s own tracked link.')}</p>
    </div>`;
  }

  // ---- list ---------------------------------------------------------------------------------

  protected _listTemplate(banners: AdminBanner[]): TemplateResult {
    return html`<ul class="cards" part="list" aria-label=${msg('Banners')}>
      ${banners.map((banner) => this._cardTemplate(banner))}
    </ul>`;
  }

  protected _cardTemplate(banner: AdminBanner): TemplateResult {
    const destination = this.destinations.find((d) => d.id === banner.destinationId);
    const hiddenByDestination = banner.active && destination !== undefined && !destination.active;
    return html`<li class="card-item" part="card">
      <div class="thumb" part="thumbnail">
        <img src=${banner.imageUrl} alt="" width=${banner.width} height=${banner.height} loading="lazy" />
      </div>
      <div class="card-body">
        <div class="card-title">
          <strong>${banner.name}</strong>
          ${banner.active
            ? hiddenByDestination
              ? html`<span class="badge warning">${msg('Hidden: destination disabled')}</span>`
              : html`<span class="badge success">${msg('Active')}</span>`
            : html`<span class="badge neutral">${msg('Inactive')}</span>`}
        </div>
        <dl class="meta">
          <div><dt>${msg('Size')}</dt><dd>${msg(str`${banner.width} × ${banner.height} px`)}</dd></div>
          <div><dt>${msg('Links to')}</dt><dd>${destination?.name ?? msg('Unknown destination')}</dd></div>
          <div class="wide"><dt>${msg('Alt text')}</dt><dd>${banner.alt}</dd></div>
        </dl>
        <div class="card-actions">
          ${this._editButton(banner, banner.name)}
        </div>
      </div>
    </li>`;
  }

  // ---- editor -------------------------------------------------------------------------------

  protected emptyDraft(): BannerDraft {
    const first = this.destinations.find((d) => d.active);
    return { name: '', image: '', alt: '', destinationId: first?.id ?? null, active: true, position: '0' };
  }

  protected toDraft(b: AdminBanner): BannerDraft {
    return { name: b.name, image: b.image, alt: b.alt, destinationId: b.destinationId, active: b.active, position: String(b.position) };
  }

  protected bodyFrom(draft: BannerDraft, keys: (keyof BannerDraft)[]): object {
    const all = {
      name: draft.name.trim(),
      image: draft.image,
      alt: draft.alt.trim(),
      destinationId: draft.destinationId,
      active: draft.active,
      position: Number(draft.position || 0),
    };
    return Object.fromEntries(keys.map((key) => [key, all[key]]));
  }

  protected override opened(): void {
    this.#upload?.abort();
    this.uploading = '';
    this.uploaded = null;
  }

  protected override checkDraft(): Record<string, string> {
    return this.draft.image ? {} : { image: msg('Upload the banner image.') };
  }

  protected override saveBlocked(): boolean {
    return this.uploading !== '';
  }

  protected _fieldsTemplate(): TemplateResult {
    const current = this.editing === 'new' ? null : this.editing;
    const options = this.destinations
      .filter((d) => d.active || d.id === current?.destinationId)
      .map((d) => ({ value: d.id, label: d.active ? d.name : msg(str`${d.name} (disabled)`) }));
    return html`${this._imageFieldTemplate()}
      ${this.textField('name', msg('Name'), {
        required: true,
        maxlength: 80,
        hint: msg('For you and partners to tell banners apart, such as "Spring sale – leaderboard".'),
      })}
      ${this.selectField('destinationId', msg('Links to'), options, {
        required: true,
        hint: options.length
          ? msg('Where a click on the banner goes, through the partner’s tracked link.')
          : msg('Approve a link destination first: the banner needs a page to link to.'),
      })}
      ${this.textField('alt', msg('Alt text'), {
        required: true,
        wide: true,
        maxlength: 250,
        rows: 2,
        hint: msg(
          'Read aloud by screen readers and shown when the image does not load. Say what the banner says, such as "Harbor & Pine: 20% off your first bag".',
        ),
      })}
      ${this.textField('position', msg('Order'), {
        type: 'number',
        min: 0,
        max: 1000000,
        hint: msg('Lower numbers come first in the partner’s list.'),
      })}
      ${this.switchField('active', msg('Active'), msg('Partners see active banners in their center.'), false)}`;
  }

  protected _imageFieldTemplate(): TemplateResult {
    const error = this.fieldErrors['image'];
    return html`<div class="field wide">
      ${this.label('image', msg('Image'), { required: true })}
      <input id="f-image" name="image-file" type="file" part="input" accept=${MEDIA_TYPES.join(',')}
        aria-invalid=${this.invalid('image')}
        aria-describedby=${describedBy('f-image-hint', this.uploading ? 'f-image-progress' : '', error ? 'f-image-error' : '')} ?disabled=${this.uploading !== ''} @change=${this.#chooseFile} />
      <span class="hint" id="f-image-hint">
        ${msg('PNG, JPEG, GIF or WebP, up to 2 MB. Upload it at the size partners will place, such as 728 × 90 or 300 × 250.')}
      </span>
      ${this.uploading
        ? html`<p class="uploading busy" id="f-image-progress" role="status">${msg(str`Uploading ${this.uploading}…`)}</p>`
        : nothing}
      ${this.fieldError('image')}
    </div>`;
  }

  /** The image as it will look, and the HTML partners copy. */
  protected override _asideTemplate(): TemplateResult {
    const image = this.#image();
    const alt = this.draft.alt.trim();
    return html`<div class="panel">
      <div class="panel-header">${this.heading(msg('Preview'), 1)}</div>
      ${image
        ? html`<div class="preview-frame" part="thumbnail">
              <img src=${image.url} alt=${alt} width=${image.width} height=${image.height} />
            </div>
            <p class="image-facts">
              ${msg(str`${image.width} × ${image.height} px`)}${image.size ? html` · ${formatBytes(image.size, this.locale)}` : nothing}
            </p>
            <p class="preview-label">${msg('Partners copy this HTML, with their own link:')}</p>
            <pre class="code">${`<a href="…/r/partner-link"><img src="${image.url}" width="${image.width}" height="${image.height}" alt="${alt}"></a>`}</pre>`
        : html`<div class="preview-frame empty">${msg('The image appears here once uploaded.')}</div>`}
    </div>`;
  }

  #image(): { url: string; width: number; height: number; size: number | null } | null {
    if (this.uploaded && this.uploaded.name === this.draft.image) {
      return { url: this.uploaded.url, width: this.uploaded.width, height: this.uploaded.height, size: this.uploaded.size };
    }
    const current = this.editing === 'new' ? null : this.editing;
    if (current && current.image === this.draft.image) return { url: current.imageUrl, width: current.width, height: current.height, size: null };
    return null;
  }

  async #chooseFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const problem = checkImageFile(file, this.locale);
    if (problem) {
      this.fieldErrors = { ...this.fieldErrors, image: problem };
      return;
    }
    const { image: _cleared, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
    this.#upload?.abort();
    const controller = new AbortController();
    this.#upload = controller;
    this.uploading = file.name;
    try {
      const media = await uploadMedia(this.store, file, controller.signal);
      if (controller.signal.aborted) return;
      this.uploaded = media;
      this.setDraft('image', media.name);
      await this.say(msg(str`Uploaded ${file.name} (${media.width} × ${media.height} px).`));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.fieldErrors = { ...this.fieldErrors, image: error instanceof ApiError ? error.message : msg('The upload failed. Try again.') };
      input.value = '';
    } finally {
      if (this.#upload === controller) {
        this.#upload = null;
        this.uploading = '';
      }
    }
    await this.updateComplete;
    if (this.fieldErrors['image']) input.focus();
  }
}

RpAdminBanners.define('rp-admin-banners');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-banners': RpAdminBanners;
  }
}
