import { expect, waitUntil } from '@open-wc/testing';
import { AdminBanner, AdminBannerList, BannerCreate, BannerUpdate, MediaUpload } from '@rp/contract';
import { apiPath, http, reply, replyError, resetApi, worker } from '../../../test/api-mock.js';
import { adminResourceFixtures as fx, chooseFile, fileOf, IMAGE_NEW, PNG_BYTES, useAdminResources } from '../../../test/admin-resources-mock.js';
import { $, $$, adminFixtures, adminStateTests, captureBodies, click, editorField as field, renderAdmin, selectValue, text, typeInto } from '../../../test/admin-kit.js';
import type { RpAdminBanners } from './rp-admin-banners.js';
import './rp-admin-banners.js';

const render = (options: { signIn?: boolean } = {}) => renderAdmin<RpAdminBanners>('rp-admin-banners', options);
const ready = (el: RpAdminBanners) => waitUntil(() => $(el, '[part="list"]'), 'banners listed');
const save = (el: RpAdminBanners) => click(el, '[part="save-button"]');

const created = AdminBanner.parse({
  id: 13,
  name: 'Square',
  image: IMAGE_NEW,
  imageUrl: fx.upload.url,
  width: 300,
  height: 250,
  alt: 'Harbor & Pine beans',
  destinationId: 2,
  active: true,
  position: 5,
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
});

describe('rp-admin-banners', () => {
  beforeEach(() => {
    resetApi();
    useAdminResources();
  });

  adminStateTests({
    tag: 'rp-admin-banners',
    path: '/admin/banners',
    schema: AdminBannerList,
    page: fx.banners,
    empty: { banners: [] },
    loadingText: 'Loading banners…',
    emptyText: 'No banners yet. Add one, and partners can place it on their sites with their own link.',
    list: '[part="list"]',
  });

  it('lists each banner with its image, size, destination, alt text and whether partners see it', async () => {
    const { el } = await render();
    await ready(el);
    expect(text($(el, 'h2'))).to.equal('Banners');
    const cards = $$(el, '[part="card"]');
    expect(cards).to.have.length(2);
    expect(text(cards[0]!.querySelector('.card-title'))).to.equal('Leaderboard Active');
    expect(text(cards[0]!.querySelector('.meta'))).to.equal(
      'Size728 × 90 px Links toShop Alt textHarbor & Pine: 20% off your first bag',
    );
    const img = cards[0]!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(fx.banners.banners[0]!.imageUrl);
    expect(img.getAttribute('width')).to.equal('728');
    // Active, but its destination is disabled: partners do not see it, and the card says why.
    expect(text(cards[1]!.querySelector('.badge'))).to.equal('Hidden: destination disabled');
    expect(text($(el, '.count'))).to.equal('2 banners');
    expect(text(cards[0]!.querySelector('[part="edit-button"]'))).to.equal('Edit Leaderboard');
    await expect(el).to.be.accessible();
  });

  it('uploads the chosen image as its raw bytes with the admin token, then saves the banner with exactly the form', async () => {
    const uploads: { type: string | null; auth: string | null; bytes: number[] }[] = [];
    const bodies: unknown[] = [];
    worker.use(
      http.post(apiPath('/admin/media'), async ({ request }) => {
        uploads.push({
          type: request.headers.get('content-type'),
          auth: request.headers.get('authorization'),
          bytes: [...new Uint8Array(await request.arrayBuffer())],
        });
        return reply(MediaUpload, fx.upload, { status: 201 });
      }),
      http.post(apiPath('/admin/banners'), async ({ request }) => {
        const body = await request.json();
        bodies.push(body);
        BannerCreate.parse(body);
        return reply(AdminBanner, created, { status: 201 });
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    expect(text($(el, '#editor-title'))).to.equal('New banner');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'image'));
    // Only enabled destinations can be chosen; the first is preselected.
    const select = field<HTMLSelectElement>(el, 'destinationId');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Choose…', 'Shop', 'Spring sale']);
    expect(select.value).to.equal('1');
    await expect(el).to.be.accessible();

    chooseFile(field(el, 'image'), fileOf(PNG_BYTES, 'square.png', 'image/png'));
    await waitUntil(() => $(el, '.preview-frame img'), 'preview of the upload');
    expect(uploads).to.deep.equal([{ type: 'image/png', auth: `Bearer ${adminFixtures.signIn.token}`, bytes: [...PNG_BYTES] }]);
    expect(text($(el, '.image-facts'))).to.equal('300 × 250 px · 24 kB');
    expect(text($(el, '[part="status"]'))).to.equal('Uploaded square.png (300 × 250 px).');

    typeInto(field(el, 'name'), ' Square ');
    typeInto(field<HTMLTextAreaElement>(el, 'alt'), 'Harbor & Pine beans');
    selectValue(select, '2');
    typeInto(field(el, 'position'), '5');
    await el.updateComplete;
    expect(text($(el, '.editor-aside pre'))).to.contain('alt="Harbor & Pine beans"');
    save(el);
    await waitUntil(() => $$(el, '[part="card"]').length === 3, 'new banner listed');
    expect(bodies).to.deep.equal([{ name: 'Square', image: IMAGE_NEW, alt: 'Harbor & Pine beans', destinationId: 2, active: true, position: 5 }]);
    expect(text($(el, '[part="status"]'))).to.equal('Banner "Square" saved.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-edit="13"]'));
    await expect(el).to.be.accessible();
  });

  it('refuses an SVG or an image over 2 MB before uploading, with a friendly message at the field', async () => {
    let uploads = 0;
    worker.use(
      http.post(apiPath('/admin/media'), () => {
        uploads += 1;
        return reply(MediaUpload, fx.upload, { status: 201 });
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    const input = field(el, 'image');
    chooseFile(input, fileOf('<svg xmlns="http://www.w3.org/2000/svg"/>', 'logo.svg', 'image/svg+xml'));
    await waitUntil(() => $(el, '#f-image-error'), 'svg refused');
    expect(text($(el, '#f-image-error'))).to.equal(
      '"logo.svg" is an SVG. Upload a PNG, JPEG, GIF or WebP image: SVG files can carry scripts, so they are not accepted.',
    );
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('f-image-hint f-image-error');
    await expect(el).to.be.accessible();

    chooseFile(input, fileOf(new Uint8Array(2 * 1024 * 1024 + 1), 'huge.png', 'image/png'));
    await waitUntil(() => text($(el, '#f-image-error')).startsWith('"huge.png"'), 'large file refused');
    expect(text($(el, '#f-image-error'))).to.equal('"huge.png" is 2.1 MB; images may be at most 2 MB. Export it smaller, or as JPEG or WebP.');
    expect(uploads).to.equal(0);
  });

  it("shows the server's refusal of an upload at the image field", async () => {
    worker.use(
      http.post(apiPath('/admin/media'), () =>
        replyError('unsupported_media_type', 'Upload a PNG, JPEG, GIF or WebP image (SVG is not accepted).'),
      ),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    typeInto(field(el, 'name'), 'Renamed');
    // Named .png, so the browser calls it a PNG; the server reads the bytes and refuses.
    chooseFile(field(el, 'image'), fileOf('not really an image', 'fake.png', 'image/png'));
    await waitUntil(() => $(el, '#f-image-error'), 'server refusal shown');
    expect(text($(el, '#f-image-error'))).to.equal('Upload a PNG, JPEG, GIF or WebP image (SVG is not accepted).');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'image'));
    expect(field(el, 'name').value).to.equal('Renamed');
    expect($(el, '.preview-frame img')).to.equal(null);
  });

  it('disables Save while the image uploads', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.post(apiPath('/admin/media'), async () => {
        await gate;
        return reply(MediaUpload, fx.upload, { status: 201 });
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    chooseFile(field(el, 'image'), fileOf(PNG_BYTES, 'square.png', 'image/png'));
    await waitUntil(() => $(el, '.uploading'), 'uploading');
    expect(text($(el, '.uploading'))).to.equal('Uploading square.png…');
    expect(($(el, '[part="save-button"]') as HTMLButtonElement).disabled).to.equal(true);
    release();
    await waitUntil(() => !($(el, '[part="save-button"]') as HTMLButtonElement).disabled, 'save enabled again');
  });

  it('asks for the image, name and alt text before sending anything', async () => {
    let calls = 0;
    worker.use(
      http.post(apiPath('/admin/banners'), () => {
        calls += 1;
        return reply(AdminBanner, created, { status: 201 });
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    save(el);
    await waitUntil(() => $(el, '#f-alt-error'), 'errors shown');
    expect(text($(el, '#f-image-error'))).to.equal('Upload the banner image.');
    expect($(el, '#f-name-error')).to.not.equal(null);
    expect(field(el, 'alt').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'image'));
    expect(calls).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it("edits with only the changed fields, and shows the server's field error without losing the text", async () => {
    const bodies = captureBodies('patch', '/admin/banners/11', BannerUpdate, (call) =>
      call === 1
        ? replyError('invalid_request', 'Some fields need attention.', { alt: 'Use at most 250 characters.' })
        : reply(AdminBanner, { ...fx.banners.banners[0]!, alt: 'Twenty percent off', active: false }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="11"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    expect(text($(el, '#editor-title'))).to.equal('Edit "Leaderboard"');
    expect(($(el, '.preview-frame img') as HTMLImageElement).getAttribute('alt')).to.equal('Harbor & Pine: 20% off your first bag');
    typeInto(field<HTMLTextAreaElement>(el, 'alt'), 'Twenty percent off');
    click(el, '#f-active');
    await el.updateComplete;
    expect(field(el, 'active').getAttribute('aria-checked')).to.equal('false');
    save(el);
    await waitUntil(() => $(el, '#f-alt-error'), 'server field error');
    expect(text($(el, '#f-alt-error'))).to.equal('Use at most 250 characters.');
    expect(field<HTMLTextAreaElement>(el, 'alt').value).to.equal('Twenty percent off');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'alt'));
    expect($(el, '[part="form-error"]')).to.equal(null);
    save(el);
    await waitUntil(() => $(el, '[part="list"]'), 'back to the list');
    expect(bodies).to.deep.equal([
      { alt: 'Twenty percent off', active: false },
      { alt: 'Twenty percent off', active: false },
    ]);
    expect(text($$(el, '[part="card"]')[0]!.querySelector('.badge'))).to.equal('Inactive');
  });

  it('says so when nothing changed, without a request', async () => {
    let calls = 0;
    worker.use(
      http.patch(apiPath('/admin/banners/11'), () => {
        calls += 1;
        return reply(AdminBanner, fx.banners.banners[0]!);
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="11"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    save(el);
    await waitUntil(() => text($(el, '[part="status"]')) === 'No changes to save.', 'no changes');
    expect(calls).to.equal(0);
  });

  it('cancels with Escape and puts focus back on the Edit button', async () => {
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="12"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    field(el, 'name').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => $(el, '[part="list"]'), 'list again');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-edit="12"]'));
  });

  it('removes a banner after confirmation', async () => {
    const removed: string[] = [];
    worker.use(
      http.delete(apiPath('/admin/banners/12'), ({ request }) => {
        removed.push(request.method);
        return new Response(null, { status: 204 });
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="12"]');
    await waitUntil(() => $(el, '[part="form"]'), 'editor open');
    click(el, '[part="remove-button"]');
    await waitUntil(() => $(el, '[part="confirm-remove-button"]'), 'asks to confirm');
    expect(text($(el, '#confirm-remove-text'))).to.equal('Remove this banner? Partners will no longer find it in their center.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="keep-button"]'));
    await expect(el).to.be.accessible();
    click(el, '[part="confirm-remove-button"]');
    await waitUntil(() => $(el, '[part="list"]'), 'back to the list');
    expect(removed).to.deep.equal(['DELETE']);
    expect($$(el, '[part="card"]')).to.have.length(1);
    expect(text($(el, '[part="status"]'))).to.equal('Banner "Blog square" removed.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="add-button"]'));
  });
});
