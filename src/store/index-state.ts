import type { Hash } from 'node:crypto';
import type { StatsTotals } from '../progress/stats.js';
import type { BadLine, Row, SetLine } from './index-schema.js';

/**
 * The session index in memory (index-cache.ts), as read from sessions.index.jsonl and then brought up to
 * date with the session files. Filled by index-read.ts (a sealed index: rows kept as their text, parsed
 * when a field beyond the first ones is asked for) or index-validate.ts (any other index: every line
 * checked with its schema).
 */
export interface IndexState {
  /** One entry per session file, by file name, in the order the index first listed them. */
  entries: Map<string, Entry>;
  /** Files that are not readable sessions, by file name. */
  bad: Map<string, BadLine>;
  sets: SetLine[];
  /** Set number by the set's item ids joined with newlines. */
  setKeys: Map<string, number>;
  /**
   * The stats totals of every row (progress/stats.ts), kept up to date as rows change; null when not
   * known (an index read line by line), then summed again from every row when the index is saved.
   */
  totals: StatsTotals | null;
  /** Lines in the file (the seal included), and whether it ends with a complete line. */
  lines: number;
  clean: boolean;
  /** Whether the file is an index this mlsd reads at all (missing, damaged or another format: false). */
  valid: boolean;
  /**
   * A sealed index: the SHA-256 (hex) of everything before its seal line, and the hash of the whole file
   * so far, which the next seal continues (only what changed is appended). Null: the index is written whole.
   */
  seal: { hex: string; running: Hash } | null;
}

/** One session of the index: the fields every run needs, read from the row's first fields, and the row itself. */
export interface Entry {
  name: string;
  size: number;
  mtimeMs: number;
  id: string;
  createdAt: string;
  prompt: string;
  kind: Row[7];
  status: Row[8];
  overall: Row[9];
  /** The row as JSON text, parsed on demand (rowOf). */
  line: string;
  row: Row | null;
}

/** An empty state: `valid` false for an index that is missing or unusable, so it is written whole. */
export function emptyState(valid: boolean): IndexState {
  return { entries: new Map(), bad: new Map(), sets: [], setKeys: new Map(), totals: null, lines: 0, clean: true, valid, seal: null };
}

/** The entry of a row already parsed (and checked). */
export function entryOf(row: Row, line: string): Entry {
  return { name: row[0], size: row[1], mtimeMs: row[2], id: row[3], createdAt: row[4], prompt: row[5], kind: row[7], status: row[8], overall: row[9], line, row };
}

/**
 * The row of an entry. A row read from a sealed index is exactly as mlsd wrote it (its seal is the SHA-256
 * of the file's bytes), and mlsd writes only rows it built from a checked session file or checked line by
 * line, so it is parsed without its schema, as the content cache's body is (docs/architecture.md).
 */
export function rowOf(entry: Entry): Row {
  return (entry.row ??= JSON.parse(entry.line) as Row);
}
