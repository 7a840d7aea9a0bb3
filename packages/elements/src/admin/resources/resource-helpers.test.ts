import { expect } from '@open-wc/testing';
import { MAX_MEDIA_BYTES as CONTRACT_MAX, MEDIA_TYPES as CONTRACT_TYPES, MERGE_FIELDS as CONTRACT_FIELDS, MediaUpload } from '@rp/contract';
import { ApiError } from '../../core/api-client.js';
import { apiPath, freshApiBase, http, HttpResponse, reply, resetApi, worker } from '../../../test/api-mock.js';
import { adminSignedIn } from '../../../test/admin-signed-in.js';
import { adminResourceFixtures as fx, fileOf, PNG_BYTES } from '../../../test/admin-resources-mock.js';
import { checkImageFile, formatBytes, MAX_MEDIA_BYTES, MEDIA_TYPES, uploadMedia } from './media-upload.js';
import { fillMergeFields, MERGE_FIELDS } from './merge-fields.js';
import { removedBySanitizer } from './stored-html.js';

describe('admin resource helpers', () => {
  beforeEach(() => resetApi());

  it("keep their copies of the contract's constants in step with it", () => {
    expect([...MEDIA_TYPES]).to.deep.equal([...CONTRACT_TYPES]);
    expect(MAX_MEDIA_BYTES).to.equal(CONTRACT_MAX);
    expect([...MERGE_FIELDS]).to.deep.equal([...CONTRACT_FIELDS]);
  });

  it('check images before upload by type and size', () => {
    expect(checkImageFile(fileOf(PNG_BYTES, 'a.png', 'image/png'), 'en-US')).to.equal(null);
    expect(checkImageFile(fileOf(PNG_BYTES, 'a.webp', 'image/webp'), 'en-US')).to.equal(null);
    expect(checkImageFile(fileOf('x', 'a.txt', 'text/plain'), 'en-US')).to.equal('"a.txt" is not a PNG, JPEG, GIF or WebP image.');
    expect(checkImageFile(fileOf('', 'a.png', 'image/png'), 'en-US')).to.equal('"a.png" is empty.');
    expect(checkImageFile(fileOf(new Uint8Array(MAX_MEDIA_BYTES), 'max.png', 'image/png'), 'en-US')).to.equal(null);
    expect(formatBytes(3.44 * 1024 * 1024, 'en-US')).to.equal('3.5 MB');
    expect(formatBytes(100, 'en-US')).to.equal('1 kB');
  });

  it('fill merge fields, escaping values for HTML and leaving unknown fields as written', () => {
    const values = { 'partner.name': 'A <b> & "c"', 'partner.firstName': 'A', 'partner.code': 'a', link: 'https://x.test/r/1?a=1&b=2', 'center.name': 'C' };
    expect(fillMergeFields('Hi {{ partner.name }} {{nope}} {{link}}', values)).to.equal('Hi A <b> & "c" {{nope}} https://x.test/r/1?a=1&b=2');
    expect(fillMergeFields('<a href="{{link}}">{{partner.name}}</a>', values, true)).to.equal(
      '<a href="https://x.test/r/1?a=1&amp;b=2">A &lt;b&gt; &amp; &quot;c&quot;</a>',
    );
  });

  it("report what the sanitizer removed, ignoring its harmless rewriting", () => {
    expect(removedBySanitizer('<p>a<br>b</p><a href="https://x.test">x</a>', '<p>a<br />b</p><a href="https://x.test/" rel="noopener noreferrer">x</a>')).to.deep.equal({
      tags: [],
      attributes: [],
    });
    expect(
      removedBySanitizer(
        '<div><p class="x" onclick="y()">a</p><iframe src="https://evil.test"></iframe><a href="javascript:alert(1)">z</a></div>',
        '<p>a</p><a rel="noopener noreferrer">z</a>',
      ),
    ).to.deep.equal({ tags: ['div', 'iframe'], attributes: ['class', 'onclick', 'src', 'href'] });
    // Handlers and styles are renamed before parsing (so the page's CSP is not triggered) and
    // counted under their own names, whatever the separator; text that looks like one is left alone.
    expect(removedBySanitizer('<p/onclick=x STYLE = "a">turn on=off, style=x</p>', '<p>turn on=off, style=x</p>')).to.deep.equal({
      tags: [],
      attributes: ['onclick', 'style'],
    });
  });

  it('upload with the raw body and map refusals to ApiError, ending the session on 401', async () => {
    const apiBase = freshApiBase();
    const store = await adminSignedIn(apiBase);
    worker.use(http.post(apiPath('/admin/media'), () => reply(MediaUpload, fx.upload, { status: 201 })));
    expect(await uploadMedia(store, fileOf(PNG_BYTES, 'a.png', 'image/png'))).to.deep.equal(fx.upload);

    worker.use(
      http.post(apiPath('/admin/media'), () =>
        HttpResponse.json({ error: { code: 'payload_too_large', message: 'Images may be at most 2 MB.' } }, { status: 413 }),
      ),
    );
    const tooLarge = await uploadMedia(store, fileOf(PNG_BYTES, 'a.png', 'image/png')).catch((e: unknown) => e);
    expect(tooLarge).to.be.instanceOf(ApiError);
    expect((tooLarge as ApiError).status).to.equal(413);
    expect((tooLarge as ApiError).code).to.equal('payload_too_large');
    expect((tooLarge as ApiError).message).to.equal('Images may be at most 2 MB.');

    worker.use(http.post(apiPath('/admin/media'), () => HttpResponse.error()));
    const offline = await uploadMedia(store, fileOf(PNG_BYTES, 'a.png', 'image/png')).catch((e: unknown) => e);
    expect((offline as ApiError).code).to.equal('network');

    worker.use(
      http.post(apiPath('/admin/media'), () =>
        HttpResponse.json({ error: { code: 'unauthorized', message: 'Sign in to continue.' } }, { status: 401 }),
      ),
    );
    const refused = await uploadMedia(store, fileOf(PNG_BYTES, 'a.png', 'image/png')).catch((e: unknown) => e);
    expect((refused as ApiError).status).to.equal(401);
    expect(store.signedIn).to.equal(false);
    expect(store.lastSignOutReason).to.equal('expired');
  });
});
