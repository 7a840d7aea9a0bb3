import { createContext, ContextRoot } from '@lit/context';
import type { CenterStore } from './center-store.js';

/** The store `<rp-center>` provides to every `rp-*` element inside it. */
export const centerContext = createContext<CenterStore>(Symbol.for('rp-center-store'));

// A merchant's page may upgrade <rp-center> after its children (script order, lazy loading);
// the root replays their context requests once a provider appears.
const rootKey = Symbol.for('rp-context-root');
const globals = globalThis as { [rootKey]?: ContextRoot };
if (!globals[rootKey] && typeof document !== 'undefined') {
  globals[rootKey] = new ContextRoot();
  globals[rootKey].attach(document.documentElement);
}
