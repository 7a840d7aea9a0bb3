/** Shared state tests of the reports built on `RpReport` (loading, empty, error + retry, signed out). */
import { expect } from '@open-wc/testing';
import type * as z from 'zod';
import { $, $$, renderSection, sectionStateTests, text } from './section-kit.js';

export { $, $$, text };

/** Renders `<tag api-base>`; signed in unless told otherwise. */
export const renderReport = renderSection;

/** Rows of the report's table as arrays of cell texts. */
export const cells = (el: Element) =>
  $$(el, 'tbody tr').map((tr) => [...tr.children].map((cell) => text(cell)));

export function reportStateTests<S extends z.ZodType>(o: {
  tag: string;
  path: string;
  schema: S;
  page: z.input<S>;
  empty: z.input<S>;
  emptyText: string;
}): void {
  sectionStateTests({
    ...o,
    empty: { page: o.empty, text: o.emptyText, absent: 'table' },
    errorText: 'Reports are resting.',
    shown: (el) => $(el, 'table'),
    checkShown: (el) => {
      expect($(el, 'caption')).to.not.equal(null);
      expect($$(el, 'thead th[scope="col"]').length).to.be.greaterThan(2);
      expect($$(el, 'tbody th[scope="row"]').length).to.equal($$(el, 'tbody tr').length);
    },
    checkSignedOut: (el) => expect($(el, '[part="filters"]')).to.equal(null),
  });
}
