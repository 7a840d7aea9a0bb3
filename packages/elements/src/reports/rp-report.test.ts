import { expect, waitUntil } from '@open-wc/testing';
import { CommissionPage, ReportQuery } from '@rp/contract';
import { apiPath, HttpResponse, http, moneyFixtures, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { $, $$, cells, renderReport } from '../../test/report-kit.js';
import type { RpCommissions } from '../commissions/rp-commissions.js';
import '../commissions/rp-commissions.js';

// What every report shares, exercised through <rp-commissions>.
const [first, second] = moneyFixtures.commissions.rows as [CommissionPage['rows'][number], CommissionPage['rows'][number]];
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('RpReport (shared report behaviour)', () => {
  beforeEach(() => resetApi());

  it('asks for the last 90 days by default and shows them in the date inputs', async () => {
    const queries: URLSearchParams[] = [];
    worker.use(
      http.get(apiPath('/partner/reports/commissions'), ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return reply(CommissionPage, moneyFixtures.commissions);
      }),
    );
    const { el } = await renderReport<RpCommissions>('rp-commissions');
    await waitUntil(() => $(el, 'table'), 'table rendered');
    expect(queries).to.have.length(1);
    expect(Object.fromEntries(queries[0]!)).to.deep.equal({ from: isoDay(-89), to: isoDay(0) });
    ReportQuery.parse(Object.fromEntries(queries[0]!));
    const from = $(el, 'input#from') as HTMLInputElement;
    const to = $(el, 'input#to') as HTMLInputElement;
    expect(from.value).to.equal(isoDay(-89));
    expect(to.value).to.equal(isoDay(0));
    expect(text(el.shadowRoot!.querySelector('label[for="from"]'))).to.equal('From');
    expect(text(el.shadowRoot!.querySelector('label[for="to"]'))).to.equal('To');
  });

  it('fetches again with from and to when the date range changes', async () => {
    const queries: Record<string, string>[] = [];
    worker.use(
      http.get(apiPath('/partner/reports/commissions'), ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        queries.push(query);
        return reply(CommissionPage, query.from === '2026-10-01' ? { rows: [second], nextCursor: null } : moneyFixtures.commissions);
      }),
    );
    const { el } = await renderReport<RpCommissions>('rp-commissions');
    await waitUntil(() => $$(el, 'tbody tr').length === 2, 'first page');
    const from = $(el, 'input#from') as HTMLInputElement;
    from.value = '2026-10-01';
    from.dispatchEvent(new Event('change', { bubbles: true }));
    const to = $(el, 'input#to') as HTMLInputElement;
    to.value = '2026-10-31';
    to.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => queries.some((q) => q.from === '2026-10-01' && q.to === '2026-10-31'), 'refetched with the range');
    await waitUntil(() => $$(el, 'tbody tr').length === 1, 'filtered rows');
    expect(cells(el)[0]![3]).to.equal('LEAD-9');
    expect(text($(el, 'caption'))).to.equal('Commissions, Oct 1, 2026 to Oct 31, 2026');
    expect(($(el, 'input#to') as HTMLInputElement).min).to.equal('2026-10-01');
  });

  it('ignores an empty or inverted date', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath('/partner/reports/commissions'), () => {
        calls += 1;
        return reply(CommissionPage, moneyFixtures.commissions);
      }),
    );
    const { el } = await renderReport<RpCommissions>('rp-commissions');
    await waitUntil(() => $(el, 'table'), 'table rendered');
    const from = $(el, 'input#from') as HTMLInputElement;
    from.value = '';
    from.dispatchEvent(new Event('change', { bubbles: true }));
    from.value = isoDay(5); // after "to"
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(calls).to.equal(1);
  });

  it('appends the next page with Load more, then hides the button and keeps focus in the table', async () => {
    const cursors: (string | null)[] = [];
    worker.use(
      http.get(apiPath('/partner/reports/commissions'), ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        cursors.push(cursor);
        return cursor === 'c2'
          ? reply(CommissionPage, { rows: [second], nextCursor: null })
          : reply(CommissionPage, { rows: [first], nextCursor: 'c2' });
      }),
    );
    const { el } = await renderReport<RpCommissions>('rp-commissions');
    await waitUntil(() => $(el, '[part="more-button"]'), 'load more shown');
    expect(cells(el).map((row) => row[3])).to.deep.equal(['ORD-1001']);
    await expect(el).to.be.accessible();
    ($(el, '[part="more-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $$(el, 'tbody tr').length === 2, 'second page appended');
    expect(cells(el).map((row) => row[3])).to.deep.equal(['ORD-1001', 'LEAD-9']);
    expect(cursors).to.deep.equal([null, 'c2']);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '.table-wrap'), 'focus in the table');
    expect($(el, '[part="more-button"]')).to.equal(null);
    expect(text($(el, '[role="status"]'))).to.equal('1 more row loaded.');
  });

  it('shows a Load more failure beside the button and keeps the rows', async () => {
    worker.use(
      http.get(apiPath('/partner/reports/commissions'), ({ request }) =>
        new URL(request.url).searchParams.get('cursor')
          ? replyError('internal', 'Page two is lost.')
          : reply(CommissionPage, { rows: [first], nextCursor: 'c2' }),
      ),
    );
    const { el } = await renderReport<RpCommissions>('rp-commissions');
    await waitUntil(() => $(el, '[part="more-button"]'), 'load more shown');
    ($(el, '[part="more-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '.more [role="alert"]'), 'error shown');
    expect(text($(el, '.more [role="alert"]'))).to.equal('Page two is lost.');
    expect($$(el, 'tbody tr')).to.have.length(1);
    expect(($(el, '[part="more-button"]') as HTMLButtonElement).disabled).to.equal(false);
  });

  describe('Download CSV', () => {
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL, click: HTMLAnchorElement.prototype.click };
    let saved: { href: string; download: string; blob: Blob }[] = [];
    beforeEach(() => {
      saved = [];
      const blobs = new Map<string, Blob>();
      URL.createObjectURL = (blob: Blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob as Blob);
        return url;
      };
      URL.revokeObjectURL = () => {};
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push({ href: this.href, download: this.download, blob: blobs.get(this.href)! });
      };
    });
    afterEach(() => {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
      HTMLAnchorElement.prototype.click = original.click;
    });

    it('fetches the .csv route with the bearer token and saves it under a dated name', async () => {
      const seen: { auth: string | null; query: Record<string, string> }[] = [];
      worker.use(
        http.get(apiPath('/partner/reports/commissions.csv'), ({ request }) => {
          seen.push({ auth: request.headers.get('authorization'), query: Object.fromEntries(new URL(request.url).searchParams) });
          return new HttpResponse('date,program\n2026-10-05,Coffee\n', { headers: { 'content-type': 'text/csv' } });
        }),
      );
      const { el } = await renderReport<RpCommissions>('rp-commissions');
      await waitUntil(() => $(el, 'table'), 'table rendered');
      const button = $(el, '[part="download-button"]') as HTMLButtonElement;
      expect(text(button)).to.equal('Download CSV');
      button.click();
      await waitUntil(() => saved.length === 1, 'file saved');
      expect(seen).to.deep.equal([
        { auth: 'Bearer test-token-0123456789abcdef0123456789abcdef', query: { from: isoDay(-89), to: isoDay(0) } },
      ]);
      expect(saved[0]!.download).to.equal(`commissions-${isoDay(-89)}-${isoDay(0)}.csv`);
      expect(await saved[0]!.blob.text()).to.equal('date,program\n2026-10-05,Coffee\n');
      await waitUntil(() => !button.disabled, 'button enabled again');
    });

    it("shows the server's error when the export fails", async () => {
      worker.use(http.get(apiPath('/partner/reports/commissions.csv'), () => replyError('throttled', 'Too many exports.')));
      const { el } = await renderReport<RpCommissions>('rp-commissions');
      await waitUntil(() => $(el, 'table'), 'table rendered');
      ($(el, '[part="download-button"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '[part="filters"] + [role="alert"]'), 'error shown');
      expect(text($(el, '[part="filters"] + [role="alert"]'))).to.equal('Too many exports.');
      expect(saved).to.have.length(0);
    });
  });
});

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
