import { msg } from '@lit/localize';

// A copy of the contract's MERGE_FIELDS (importing values from '@rp/contract' would bundle zod);
// a test checks they still agree.
/** The merge fields email copy may use, as `{{name}}`; the server refuses any other. */
export const MERGE_FIELDS = ['partner.name', 'partner.firstName', 'partner.code', 'link', 'center.name'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** What each field becomes, for the help beside the editor. */
export function mergeFieldHelp(): Record<MergeField, string> {
  return {
    'partner.name': msg("The partner's full name"),
    'partner.firstName': msg("The partner's first name"),
    'partner.code': msg("The partner's code"),
    link: msg("The partner's own tracked link to the email's destination"),
    'center.name': msg('The name of your partner center'),
  };
}

/** `{{ name }}`, as the server reads it (whitespace inside the braces forgiven). */
const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Fills the known merge fields of a template with `values`, HTML-escaped when `html` (as the
 * server does for HTML bodies); unknown fields stay as written, so the preview shows them.
 */
export function fillMergeFields(template: string, values: Record<MergeField, string>, html = false): string {
  return template.replace(FIELD, (whole, name: string) => {
    const value = (values as Record<string, string>)[name];
    if (value === undefined) return whole;
    return html ? escapeHtml(value) : value;
  });
}
