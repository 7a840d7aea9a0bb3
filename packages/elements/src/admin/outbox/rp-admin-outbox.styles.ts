import { css } from 'lit';

export const outboxStyles = css`
  :host {
    container-type: inline-size;
  }
  .count {
    margin: 0 0 0.5rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .mailbox {
    display: grid;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
    overflow: hidden;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    background: var(--_surface-alt);
    border-bottom: 1px solid var(--_border);
    max-height: 24rem;
    overflow-y: auto;
  }
  .list li + li {
    border-top: 1px solid var(--_border);
  }
  .item {
    display: grid;
    gap: 0.15rem;
    width: 100%;
    min-height: 0;
    padding: 0.75rem 1rem;
    border: 0;
    border-radius: 0;
    background: none;
    text-align: start;
    position: relative;
  }
  .item:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_text) 4%, transparent);
  }
  .item[aria-current='true'] {
    background: var(--_surface);
  }
  .item[aria-current='true']::before {
    content: '';
    position: absolute;
    inset: 0 auto 0 0;
    width: 3px;
    background: var(--_accent);
  }
  .item:focus-visible {
    box-shadow: inset var(--_focus);
  }
  .item-top {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .to {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  time {
    flex: none;
  }
  .subject-line {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .snippet {
    font-size: 0.875rem;
    color: var(--_muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .message {
    min-width: 0;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
  }
  .message header {
    padding-bottom: var(--_space);
    margin-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .message h3 {
    font-size: 1.25rem;
    overflow-wrap: anywhere;
  }
  .meta {
    display: grid;
    gap: 0.3rem;
    margin: 0;
    font-size: 0.9375rem;
  }
  .meta div {
    display: grid;
    grid-template-columns: 5.5rem minmax(0, 1fr);
    gap: 0.5rem;
    align-items: baseline;
  }
  .meta dt {
    color: var(--_muted);
  }
  .meta dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .meta .badge {
    white-space: nowrap;
  }
  /* On a phone each label sits above its value, so the delivery badge keeps to one line. */
  @container (max-width: 30rem) {
    .meta {
      gap: 0.6rem;
    }
    .meta div {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.1rem;
    }
    .meta dt {
      font-size: 0.8125rem;
    }
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-width: 70ch;
    line-height: 1.6;
  }
  .body a {
    font-weight: 500;
  }
  .state.empty {
    text-align: start;
    padding: calc(var(--_space) * 1.5);
  }
  .empty-title {
    font-weight: 700;
    color: var(--_text);
    font-size: 1.0625rem;
    margin-bottom: 0.35rem;
  }
  .state.empty p:last-child {
    margin-bottom: 0;
    max-width: 62ch;
  }
  code {
    font-family: var(--_mono);
    font-size: 0.875em;
    padding: 0.1em 0.35em;
    border-radius: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    color: var(--_text);
  }
  @container (min-width: 48rem) {
    .mailbox {
      grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
      min-height: 22rem;
    }
    .list {
      max-height: 36rem;
      border-bottom: 0;
      border-inline-end: 1px solid var(--_border);
    }
  }
`;
