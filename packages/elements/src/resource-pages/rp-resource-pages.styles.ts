import { css } from 'lit';

export const resourcePagesStyles = css`
  .page-link { display: grid; grid-template-columns: 1fr auto; align-items: center; gap: 0.15rem 1rem; padding: var(--_space) calc(var(--_space) * 1.25); color: inherit; text-decoration: none; }
  .page-link::after { content: '→'; grid-area: 1 / 2 / 3; color: var(--_accent); font-size: 1.25rem; }
  .page-link:hover { border-color: var(--_accent); }
  .title { color: var(--_accent); font-weight: 600; font-size: 1.0625rem; }
  .page-link:hover .title { text-decoration: underline; }
  .updated { margin: 0; color: var(--_muted); font-size: 0.875rem; }
  .back { display: inline-flex; gap: 0.4em; margin-bottom: 0.75rem; font-weight: 600; text-decoration: none; }
  .back::before { content: '←'; }
  .back:hover { text-decoration: underline; }
  .page { padding: calc(var(--_space) * 1.75) calc(var(--_space) * 2); }
  .page > h2 { margin: 0; font-size: 1.625rem; letter-spacing: -0.01em; }
  h2:focus { outline: none; box-shadow: none; }
  .page > .updated { margin: 0.25rem 0 calc(var(--_space) * 1.25); padding-bottom: var(--_space); border-bottom: 1px solid var(--_border); }
  /* The merchant's sanitized HTML: readable line length and rhythm. */
  .prose { max-width: var(--rp-page-max-width, 70ch); font-size: 1.0625rem; line-height: 1.65; overflow-wrap: break-word; }
  .prose > :first-child { margin-top: 0; }
  .prose > :last-child { margin-bottom: 0; }
  .prose h2, .prose h3, .prose h4 { margin: 1.6em 0 0.5em; font-size: 1.25rem; }
  .prose h3, .prose h4 { font-size: 1.0625rem; }
  .prose p, .prose ul, .prose ol, .prose blockquote, .prose pre, .prose table { margin: 0 0 1em; }
  .prose ul, .prose ol { padding-inline-start: 1.5em; }
  .prose li + li { margin-top: 0.35em; }
  .prose blockquote { padding: 0.75em 1em; border-inline-start: 4px solid var(--_accent); background: var(--_surface-alt); border-radius: 0 calc(var(--_radius) * 0.6) calc(var(--_radius) * 0.6) 0; }
  .prose blockquote > :last-child { margin-bottom: 0; }
  .prose code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.875em; padding: 0.1em 0.3em; background: var(--_surface-alt); border-radius: 4px; }
  .prose pre { padding: 0.9em 1em; white-space: pre-wrap; background: var(--_surface-alt); border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.6); line-height: 1.5; }
  .prose pre code { padding: 0; background: none; }
  .prose table { border-collapse: collapse; display: block; overflow-x: auto; font-size: 0.9375rem; }
  .prose th, .prose td { padding: 0.5em 1em 0.5em 0; border-bottom: 1px solid var(--_border); text-align: start; }
  .prose img { max-width: 100%; height: auto; }
  .prose hr { border: 0; border-top: 1px solid var(--_border); margin: 1.5em 0; }
  @container (max-width: 640px) {
    .page { padding: var(--_space); }
    .page > h2 { font-size: 1.375rem; }
    .prose { font-size: 1rem; }
  }
`;
