import { css } from 'lit';

export const portalStyles = css`
  :host {
    --_page: var(--rp-page-background, var(--_surface-alt));
    container-type: inline-size;
    background: var(--_page);
    min-height: var(--rp-portal-min-height, 100%);
  }
  .signin-wrap {
    display: grid;
    place-items: center;
    padding: calc(var(--_space) * 3) var(--_space);
    min-height: var(--rp-portal-min-height, 32rem);
  }
  .signin-wrap rp-signin {
    width: 100%;
  }
  .topbar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: 0.75rem calc(var(--_space) * 1.5);
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.65rem;
    min-width: 0;
    font-weight: 650;
    font-size: 1.0625rem;
  }
  .brand span:last-child {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .brand img {
    max-height: 2.25rem;
    max-width: 9rem;
    object-fit: contain;
  }
  .monogram {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 700;
  }
  .account {
    display: flex;
    align-items: center;
    gap: 0.85rem;
    flex: none;
    font-size: 0.9375rem;
  }
  .who {
    color: var(--_muted);
  }
  .who strong {
    color: var(--_text);
    font-weight: 600;
  }
  .account button {
    padding: 0.45em 0.95em;
  }
  .account button:hover {
    background: var(--_surface-alt);
  }
  .layout {
    display: grid;
    grid-template-columns: var(--rp-sidebar-width, 16rem) minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.75) calc(var(--_space) * 1.5) calc(var(--_space) * 3);
    max-width: var(--rp-portal-max-width, 76rem);
    margin: 0 auto;
  }
  .sidebar {
    align-self: start;
    position: sticky;
    /* A merchant with a sticky header of their own sets this so the menu stays below it. */
    top: var(--rp-sticky-top, var(--_space));
  }
  .main {
    min-width: 0;
  }
  .section:focus {
    outline: none;
  }
  /* Focus lands here from code after navigating, for screen readers; it is not a control, so no ring. */
  [tabindex='-1']:focus-visible {
    box-shadow: none;
  }
  .state.error button {
    margin-top: 0.25rem;
  }
  .state.error p {
    margin-bottom: 0.75rem;
  }

  :host([narrow]) .topbar {
    padding: 0.65rem var(--_space);
  }
  /* On a phone the whole name matters more than one line: wrap it, a little smaller. */
  :host([narrow]) .brand {
    font-size: 1rem;
    line-height: 1.25;
  }
  :host([narrow]) .brand span:last-child {
    white-space: normal;
    text-wrap: balance;
  }

  :host([narrow]) .layout {
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    padding: var(--_space) var(--_space) calc(var(--_space) * 2);
  }
  :host([narrow]) .sidebar {
    position: relative;
    top: 0;
    z-index: 2;
  }
`;
