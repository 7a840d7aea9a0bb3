// The shape every benchmark module returns, so bench/run.ts can print and store them alike.

/** One measured figure in a table row. */
export type Cell = string | number | null;

export interface BenchTable {
  /** Column headings, in order. */
  columns: string[];
  rows: Cell[][];
}

export interface BenchResult {
  /** Stable id, also the key in bench/out/latest.json. */
  id: string;
  title: string;
  /** One-line explanation of how the figures were obtained. */
  method: string;
  table: BenchTable;
  /** Machine-readable figures for the JSON file. */
  data: unknown;
  /** Budgets that were checked; a failed one makes `npm run bench -- --check` exit 1. */
  budgets: { name: string; pass: boolean }[];
  notes?: string[];
}

export interface Bench {
  id: string;
  title: string;
  run: () => Promise<BenchResult>;
}
