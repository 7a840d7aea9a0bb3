import { css } from 'lit';

/** Banner cards and the image preview. */
export const bannerStyles = css`
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card-item {
    display: flex;
    flex-direction: column;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    overflow: hidden;
  }
  /* A checkerboard behind the image, so transparent and white banners show their edges. */
  .thumb,
  .preview-frame {
    display: grid;
    place-items: center;
    padding: 0.75rem;
    background-color: var(--_surface-alt);
    background-image: linear-gradient(45deg, rgb(0 0 0 / 0.04) 25%, transparent 25%, transparent 75%, rgb(0 0 0 / 0.04) 75%),
      linear-gradient(45deg, rgb(0 0 0 / 0.04) 25%, transparent 25%, transparent 75%, rgb(0 0 0 / 0.04) 75%);
    background-size: 16px 16px;
    background-position: 0 0, 8px 8px;
  }
  .thumb {
    height: 9.5rem;
    border-bottom: 1px solid var(--_border);
  }
  .thumb img {
    max-height: 8rem;
  }
  .thumb img,
  .preview-frame img {
    display: block;
    max-width: 100%;
    width: auto;
    height: auto;
    object-fit: contain;
    box-shadow: 0 1px 3px rgb(16 24 40 / 0.12);
  }
  .preview-frame {
    min-height: 8rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
  }
  .preview-frame img {
    max-height: 22rem;
  }
  .preview-frame.empty {
    color: var(--_muted);
    font-size: 0.9375rem;
    text-align: center;
    border-style: dashed;
  }
  .card-body {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
    flex: 1;
    padding: 0.85rem 1rem 1rem;
  }
  .card-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.4rem 0.75rem;
    overflow-wrap: anywhere;
  }
  .meta {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.4rem 0.75rem;
    margin: 0;
    font-size: 0.875rem;
  }
  .meta .wide {
    grid-column: 1 / -1;
  }
  .meta dt {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .meta dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .card-actions {
    margin-top: auto;
    display: flex;
    justify-content: flex-end;
  }
  .image-facts {
    margin: 0.5rem 0 0;
    color: var(--_muted);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .uploading {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
`;
