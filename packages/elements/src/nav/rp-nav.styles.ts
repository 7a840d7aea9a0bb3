import { css } from 'lit';

export const navStyles = css`
  :host {
    font-size: 0.9375rem;
  }
  nav {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .category {
    display: grid;
    gap: 0.35rem;
  }
  h2 {
    margin: 0;
    padding: 0 0.75rem;
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  a.item {
    position: relative;
    display: flex;
    align-items: center;
    min-height: 2.5rem;
    padding: 0.45rem 0.75rem;
    border-radius: calc(var(--_radius) * 0.7);
    color: var(--_text);
    text-decoration: none;
    font-weight: 500;
  }
  a.item:hover {
    background: var(--_surface-alt);
    background: color-mix(in srgb, var(--_text) 6%, transparent);
  }
  a.item[aria-current='page'] {
    background: color-mix(in srgb, var(--_accent) 11%, var(--_surface));
    color: color-mix(in srgb, var(--_accent) 82%, black);
    font-weight: 650;
  }
  a.item[aria-current='page']::before {
    content: '';
    position: absolute;
    left: 0;
    top: 0.5rem;
    bottom: 0.5rem;
    width: 3px;
    border-radius: 3px;
    background: var(--_accent);
  }
  a.item:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .state {
    padding: var(--_space) 0.75rem;
    text-align: left;
  }
  .state.error button {
    margin-top: 0.5rem;
  }
  .skeleton {
    display: grid;
    gap: 0.6rem;
    padding: 0.25rem 0.75rem;
  }
  .skeleton span {
    display: block;
    height: 0.9rem;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .skeleton span:nth-child(3n + 1) {
    width: 40%;
    height: 0.65rem;
    margin-top: 0.5rem;
  }
  .skeleton span:nth-child(3n + 2) {
    width: 80%;
  }
  .skeleton span:nth-child(3n) {
    width: 65%;
  }

  /* Compact: a disclosure button that opens the list. */
  .compact {
    position: relative;
    display: block;
  }
  .menu-button {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.85rem;
    text-align: left;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.8);
  }
  .menu-button .menu-word {
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .menu-button .current {
    flex: 1;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .menu-button svg {
    flex: none;
    transition: transform 0.15s ease;
  }
  .menu-button[aria-expanded='true'] svg {
    transform: rotate(180deg);
  }
  .panel {
    margin-top: 0.5rem;
    padding: 0.75rem 0.5rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(16 24 40 / 0.12);
    display: grid;
    gap: var(--_space);
  }
  .panel[hidden] {
    display: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .menu-button svg {
      transition: none;
    }
  }
`;
