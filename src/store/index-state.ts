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
  /** File names of the sessions in progress (status active or interrupted): mlsd may rewrite their files. */
  live: Set<string>;
  /** Whether the entries, in the map's order, are oldest first (by time, then id), and the entry last added to the map. */
  sorted: boolean;
  last: Entry | null;
  /** Sessions with an overall score, and sessions, by prompt. */
  scored: Map<string, number>;
  prompts: Map<string, number>;
  /** Rows whose time is not in the form Date#toISOString writes. */
  oddTimes: number;
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

/**
 * One session of the index: its row, kept as the row's text and read a field at a time when a field is
 * asked for (the file name at once, as the key of the index's map), or parsed whole (rowOf). The first
 * fields of a row hold no comma, quote or escape (index-schema.ts), so each is found with indexOf:
 * `["<name>",<size>,<mtimeMs>,"<id>","<createdAt>","<prompt>","<level>","<kind>","<status>",<overall>,...`.
 * Reading 50,000 rows field by field only as far as a run needs is several times faster than building
 * every field of every row.
 *
 * An entry is made for every row of the index on every run, so it holds only four fields of its own
 * until a field of the row is asked for; what is read then is kept in one object made at that point
 * (FieldCache). Each private field with an initializer costs every construction (about twice the time of
 * the rest of reading a row, cold), so there is one.
 */
export class Entry {
  readonly name: string;
  row: Row | null;
  readonly #text: string;
  readonly #start: number;
  readonly #end: number;
  #fields: FieldCache | null = null;

  /** A row in `text` from `start` to `end` (its newline excluded), whose file name is `name`. */
  constructor(name: string, text: string, start: number, end: number, row: Row | null) {
    this.name = name;
    this.row = row;
    this.#text = text;
    this.#start = start;
    this.#end = end;
  }

  /** The entry of a row line `text` (`["<name>",...`); null when it does not start like one. */
  static read(text: string, start: number, end: number): Entry | null {
    const nameEnd = text.indexOf('",', start + 2);
    if (text.charCodeAt(start + 1) !== 34 /* " */ || nameEnd < 0 || nameEnd > end) return null;
    return new Entry(text.slice(start + 2, nameEnd), text, start, end, null);
  }

  get line(): string {
    const f = this.#cache();
    return (f.line ??= this.#text.slice(this.#start, this.#end));
  }
  get size(): number { return this.row ? this.row[1] : Number(this.#field(1)); }
  get mtimeMs(): number { return this.row ? this.row[2] : Number(this.#field(2)); }
  get id(): string {
    const f = this.#cache();
    return (f.id ??= this.row ? this.row[3] : this.#field(3));
  }
  get createdAt(): string {
    const f = this.#cache();
    return (f.createdAt ??= this.row ? this.row[4] : this.#field(4));
  }
  get prompt(): string {
    const f = this.#cache();
    return (f.prompt ??= this.row ? this.row[5] : this.#field(5));
  }
  get kind(): Row[7] { return this.row ? this.row[7] : (this.#field(7) as Row[7]); }
  get status(): Row[8] { return this.row ? this.row[8] : (this.#field(8) as Row[8]); }
  get overall(): Row[9] {
    const f = this.#cache();
    if (f.overall === undefined) {
      const raw = this.row ? null : this.#field(9);
      f.overall = this.row ? this.row[9] : raw === 'null' ? null : Number(raw);
    }
    return f.overall;
  }

  /** Whether the session is still in progress: mlsd may rewrite its file. */
  get live(): boolean {
    const status = this.status;
    return status === 'active' || status === 'interrupted';
  }

  #cache(): FieldCache {
    return (this.#fields ??= { ends: null, line: null, id: null, createdAt: null, prompt: null, overall: undefined });
  }

  /** The text of field `k` (0-9) of the row, without its quotes. */
  #field(k: number): string {
    const f = this.#cache();
    const at = f.ends ?? (f.ends = this.#scan());
    const from = k === 0 ? this.#start + 2 : k === 2 ? at[1]! + 1 : k === 1 || k === 3 || k === 9 ? at[k - 1]! + 2 : at[k - 1]! + 3;
    return this.#text.slice(from, at[k]!);
  }

  #scan(): number[] {
    const t = this.#text;
    const e0 = t.indexOf('",', this.#start + 2); // name
    const e1 = t.indexOf(',', e0 + 2); // size
    const e2 = t.indexOf(',"', e1 + 1); // mtimeMs
    const e3 = t.indexOf('","', e2 + 2); // id
    const e4 = t.indexOf('","', e3 + 3); // createdAt
    const e5 = t.indexOf('","', e4 + 3); // prompt
    const e6 = t.indexOf('","', e5 + 3); // level
    const e7 = t.indexOf('","', e6 + 3); // kind
    const e8 = t.indexOf('",', e7 + 3); // status
    const e9 = t.indexOf(',', e8 + 2); // overall
    return [e0, e1, e2, e3, e4, e5, e6, e7, e8, e9];
  }
}

/** The fields of an entry read so far: where each of the first fields ends in the text, and the values kept. */
interface FieldCache {
  ends: number[] | null;
  line: string | null;
  id: string | null;
  createdAt: string | null;
  prompt: string | null;
  overall: number | null | undefined;
}

/** An empty state: `valid` false for an index that is missing or unusable, so it is written whole. */
export function emptyState(valid: boolean): IndexState {
  return { entries: new Map(), bad: new Map(), sets: [], setKeys: new Map(), totals: null, live: new Set(), sorted: true, last: null, scored: new Map(), prompts: new Map(), oddTimes: 0, lines: 0, clean: true, valid, seal: null };
}

/** Whether entry `a` comes before `b` oldest first: by time, then by id. */
export function olderThan(a: Entry, b: Entry): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/** Adds (or replaces, in its place) an entry, keeping `live`, `sorted` and `last` true to the entries. */
export function putEntry(state: IndexState, entry: Entry): void {
  const before = state.entries.get(entry.name);
  if (before) dropEntry(state, before.name);
  state.entries.set(entry.name, entry);
  if (entry.overall !== null) state.scored.set(entry.prompt, (state.scored.get(entry.prompt) ?? 0) + 1);
  state.prompts.set(entry.prompt, (state.prompts.get(entry.prompt) ?? 0) + 1);
  if (!ISO_TIME.test(entry.createdAt)) state.oddTimes++;
  if (before) {
    if (before.createdAt !== entry.createdAt || before.id !== entry.id) state.sorted = false;
  } else {
    if (state.last && olderThan(entry, state.last)) state.sorted = false;
    state.last = entry;
  }
  if (entry.live) state.live.add(entry.name);
  else state.live.delete(entry.name);
}

/** Takes a file's entry (if any) out of `live` and `scored`; the caller then removes or replaces it. */
export function dropEntry(state: IndexState, name: string): void {
  const entry = state.entries.get(name);
  if (!entry) return;
  state.live.delete(name);
  if (entry.overall !== null) countDown(state.scored, entry.prompt);
  countDown(state.prompts, entry.prompt);
  if (!ISO_TIME.test(entry.createdAt)) state.oddTimes--;
}

function countDown(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}

/** A time as Date#toISOString writes it: UTC, to the millisecond, every digit in a fixed place. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The entry of a row already parsed (and checked), whose text is `line`. */
export function entryOf(row: Row, line: string): Entry {
  return new Entry(row[0], line, 0, line.length, row);
}

/**
 * The row of an entry. A row read from a sealed index is exactly as mlsd wrote it (its seal is the SHA-256
 * of the file's bytes), and mlsd writes only rows it built from a checked session file or checked line by
 * line, so it is parsed without its schema, as the content cache's body is (docs/architecture.md).
 */
export function rowOf(entry: Entry): Row {
  return (entry.row ??= JSON.parse(entry.line) as Row);
}
