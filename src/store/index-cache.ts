import { appendFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KEEP_FREE_FOR_SESSIONS, writeFileAtomic } from '../files/atomic.js';
import { STAGE_IDS, type StageId } from '../stages.js';
import { badSchema, goneSchema, headerSchema, INDEX_FORMAT, rowSchema, setSchema, type BadLine, type Row, type SetLine } from './index-schema.js';
import { asReadError, fileKind, formatBytes, MAX_SESSION_BYTES, ReadError } from '../files/read.js';
import type { SessionRecord } from './session-record.js';
import type { ItemInfo, NotCovered, SessionSummary } from './summary.js';

/**
 * The session index: sessions.index.jsonl beside the sessions directory, so that history and stats
 * over years of practice read one small file instead of every session. Only what lists need is kept
 * per session (about 300 bytes); the items of a rubric set are written once and shared.
 *
 * Each run lists the directory and checks every file's size and modification time against its row, so
 * a new, edited, truncated or deleted file is noticed; only those files are read. Changes are appended
 * as lines (a later line for a file replaces an earlier one), and the file is rewritten whole only when
 * superseded lines outnumber live ones. Every line is validated on read (index-schema.ts); an index of
 * another format or with a corrupt line is rebuilt from the session files, which stay the truth.
 */

export interface Summaries {
  /** Newest first. */
  summaries: SessionSummary[];
  items: ItemInfo;
  problems: Array<{ file: string; reason: string }>;
}

/** The index file of a sessions directory. */
export function indexFile(dir: string): string {
  return `${dir}.index.jsonl`;
}

interface State {
  rows: Map<string, Row>;
  bad: Map<string, BadLine>;
  sets: SetLine[];
  setKeys: Map<string, number>;
  /** Lines in the file, and whether it ends with a complete line. */
  lines: number;
  clean: boolean;
  valid: boolean;
}

/** The summaries of every session in `dir`, newest first, brought up to date with the files and saved back. */
export async function loadSummaries(dir: string): Promise<Summaries> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch (error) {
    // No directory yet means no sessions yet; one that exists but cannot be read is an error.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { summaries: [], items: {}, problems: [] };
    const problem = asReadError(dir, error);
    const reason = problem.code === 'ENOTDIR' ? 'it is not a directory' : problem.reason;
    throw new ReadError(dir, `cannot read the sessions directory: ${reason}`, problem.code);
  }
  const file = indexFile(dir);
  const state = readIndex(file);
  const added: string[] = [];
  const problems: Summaries['problems'] = [];
  const present = new Set<string>();
  const toRead: Array<{ name: string; size: number; mtimeMs: number }> = [];
  const prefix = join(dir, '/'); // joined once: path.join per file costs as much as the stat
  for (const name of names) {
    let info;
    try {
      info = statSync(prefix + name);
    } catch (error) {
      // Deleted meanwhile is nothing to say; a dangling link or a loop of links is said, not ignored.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file: prefix + name, reason: asReadError(name, error).reason });
      continue;
    }
    if (!info.isFile()) {
      // A FIFO would hang the read and a link to a device would never end: only regular files are read.
      problems.push({ file: prefix + name, reason: `not a regular file (${fileKind(info)})` });
      continue;
    }
    present.add(name);
    const known = state.rows.get(name);
    if (known && known[1] === info.size && known[2] === info.mtimeMs) continue;
    const bad = state.bad.get(name);
    if (bad && bad.size === info.size && bad.mtimeMs === info.mtimeMs) {
      problems.push({ file: join(dir, name), reason: bad.reason });
      continue;
    }
    toRead.push({ name, size: info.size, mtimeMs: info.mtimeMs });
  }
  // The session schema (and zod with it) is loaded only when some session file has to be parsed.
  const parse = toRead.length > 0 ? (await import('./session-schema.js')).parseSession : null;
  for (const { name, size, mtimeMs } of toRead) {
    const read = readSessionFile(join(dir, name), name.slice(0, -'.json'.length), size, parse!);
    if ('reason' in read) {
      const line: BadLine = { bad: name, size, mtimeMs, reason: read.reason };
      state.rows.delete(name);
      state.bad.set(name, line);
      added.push(JSON.stringify(line));
      problems.push({ file: join(dir, name), reason: read.reason });
      continue;
    }
    state.bad.delete(name);
    const row = toRow(name, size, mtimeMs, read.record, state, added);
    state.rows.set(name, row);
    added.push(JSON.stringify(row));
  }
  for (const name of [...state.rows.keys(), ...state.bad.keys()]) {
    if (present.has(name)) continue;
    state.rows.delete(name);
    state.bad.delete(name);
    added.push(JSON.stringify({ gone: name }));
  }
  await save(file, dir, state, added);
  return { summaries: summariesOf(state), items: itemInfo(state.sets), problems };
}

/**
 * Reads one session file, already known to be a regular file of `size` bytes, and validates it with the
 * session schema (its id must match the file name); what is wrong with it otherwise.
 */
function readSessionFile(
  path: string,
  fileId: string,
  size: number,
  parse: typeof import('./session-schema.js').parseSession,
): { record: SessionRecord } | { reason: string } {
  if (size > MAX_SESSION_BYTES) return { reason: `larger than ${formatBytes(MAX_SESSION_BYTES)}; not an mlsd session` };
  try {
    const text = readFileSync(path, 'utf8');
    // With its text, a session with no control character skips the sanitising walk.
    const result = parse(JSON.parse(text), fileId, { text });
    return 'error' in result ? { reason: result.error } : { record: result.record };
  } catch (error) {
    return { reason: error instanceof SyntaxError ? 'corrupt JSON' : asReadError(path, error).reason };
  }
}

const STATUS_LETTER = { missed: 'm', prompted: 'p', negated: 'n' } as const;
const LETTER_STATUS = { m: 'missed', p: 'prompted', n: 'negated' } as const;

function toRow(name: string, size: number, mtimeMs: number, record: SessionRecord, state: State, added: string[]): Row {
  const report = record.report;
  let set: number | null = null;
  let notCovered = '';
  if (report) {
    const items = report.stages.flatMap((s) => s.items);
    const key = items.map((i) => i.id).join('\n');
    let index = state.setKeys.get(key);
    if (index === undefined) {
      index = state.sets.length;
      const line: SetLine = { set: index, items: items.map((i) => [i.id, i.label, i.hint]) };
      state.sets.push(line);
      state.setKeys.set(key, index);
      added.push(JSON.stringify(line));
    }
    set = index;
    notCovered = items.flatMap((item, k) => (item.status === 'covered' ? [] : [`${k}${STATUS_LETTER[item.status]}`])).join(' ');
  }
  const stage = (values: Partial<Record<StageId, number>> | undefined) => (values ? STAGE_IDS.map((id) => values[id] ?? '-').join(' ') : null);
  // A practice session keeps its clock in `interview`, a peer interview in `sheet`.
  const clock = record.interview ?? record.sheet;
  return [
    name, size, mtimeMs, record.id, record.createdAt, record.prompt, record.level, record.kind, record.status,
    report?.overall ?? null, report?.verdict ?? null, clock?.usedMs ?? null, clock?.durationMs ?? null,
    STAGE_IDS.map((id) => report?.stages.find((s) => s.id === id)?.score ?? '-').join(' '),
    stage(clock?.stageMs), stage(clock?.budgets), set, notCovered,
    null, record.candidate ?? null,
  ];
}

function emptyState(valid: boolean): State {
  return { rows: new Map(), bad: new Map(), sets: [], setKeys: new Map(), lines: 0, clean: true, valid };
}

/** The index as last written; an index that is missing, of another format or corrupt comes back empty and invalid. */
function readIndex(file: string): State {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return emptyState(false);
  }
  // A crash while appending can leave half a line at the end: it is dropped, and its file read again.
  const state = emptyState(true);
  state.clean = text.endsWith('\n');
  try {
    let start = text.indexOf('\n') + 1;
    if (start === 0 || !headerSchema.safeParse(JSON.parse(text.slice(0, start - 1))).success) return emptyState(false);
    state.lines = 1;
    // Line by line without splitting the text into an array: 50,000 rows are read on every run.
    for (let end = text.indexOf('\n', start); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
      state.lines++;
      const value: unknown = JSON.parse(text.slice(start, end));
      if (Array.isArray(value)) {
        const row = rowSchema.parse(value);
        if (row[16] !== null && !state.sets[row[16]]) throw new Error('row of an unknown item set');
        state.rows.set(row[0], row);
        state.bad.delete(row[0]);
      } else if (value && typeof value === 'object' && 'set' in value) {
        const set = setSchema.parse(value);
        if (set.set !== state.sets.length) throw new Error('item sets out of order');
        state.sets.push(set);
        state.setKeys.set(set.items.map((i) => i[0]).join('\n'), set.set);
      } else if (value && typeof value === 'object' && 'gone' in value) {
        const gone = goneSchema.parse(value).gone;
        state.rows.delete(gone);
        state.bad.delete(gone);
      } else {
        const bad = badSchema.parse(value);
        state.rows.delete(bad.bad);
        state.bad.set(bad.bad, bad);
      }
    }
    for (const row of state.rows.values()) {
      if (row[17] && largestIndex(row[17]) >= (row[16] === null ? 0 : state.sets[row[16]]!.items.length)) throw new Error('item out of its set');
    }
  } catch {
    return emptyState(false);
  }
  return state;
}

/** Appends what changed, or rewrites the index when it is invalid, untidy or mostly superseded lines. Best effort. */
async function save(file: string, dir: string, state: State, added: string[]): Promise<void> {
  const live = state.rows.size + state.bad.size + state.sets.length + 1;
  const lines = state.lines + added.length;
  try {
    if (!state.valid || !state.clean || lines > 2 * live + 1000) {
      const all = [
        JSON.stringify({ index: 'mlsd-sessions', format: INDEX_FORMAT }),
        ...state.sets.map((s) => JSON.stringify(s)),
        ...[...state.rows.values()].map((r) => JSON.stringify(r)),
        ...[...state.bad.values()].map((b) => JSON.stringify(b)),
      ];
      // Disposable: skipped when the disk is nearly full, so it never takes the room a session needs.
      await writeFileAtomic(file, `${all.join('\n')}\n`, { keepFree: KEEP_FREE_FOR_SESSIONS });
      rmSync(`${dir}.index.json`, { force: true }); // the index of mlsd 0.1
    } else if (added.length > 0) {
      appendFileSync(file, `${added.join('\n')}\n`);
    }
  } catch {
    // a read-only data directory: the next run reads the changed files again
  }
}

function summariesOf(state: State): SessionSummary[] {
  const sets = state.sets.map((s) => ({ ids: s.items.map((i) => i[0]), decoded: new Map<string, NotCovered[]>() }));
  const none = { ids: [] as string[], decoded: new Map<string, NotCovered[]>() };
  const rows = [...state.rows.values()].sort((a, b) => (a[4] < b[4] ? 1 : a[4] > b[4] ? -1 : a[3] < b[3] ? 1 : a[3] > b[3] ? -1 : 0));
  return rows.map((row) => new IndexedSummary(row, row[16] === null ? none : sets[row[16]]!));
}

/**
 * A summary read from a row. Fields are read from the row when asked for, so listing the latest rows
 * of 50,000 costs little more than sorting them; the items not covered are decoded once per distinct
 * pattern of a rubric set.
 */
class IndexedSummary implements SessionSummary {
  readonly #row: Row;
  readonly #set: { ids: readonly string[]; decoded: Map<string, NotCovered[]> };
  #stageScores: Partial<Record<StageId, number>> | undefined;
  #stageMs: Partial<Record<StageId, number>> | null | undefined;
  #budgets: Partial<Record<StageId, number>> | null | undefined;

  constructor(row: Row, set: { ids: readonly string[]; decoded: Map<string, NotCovered[]> }) {
    this.#row = row;
    this.#set = set;
  }

  get id(): string { return this.#row[3]; }
  get createdAt(): string { return this.#row[4]; }
  get prompt(): string { return this.#row[5]; }
  get level(): SessionSummary['level'] { return this.#row[6]; }
  get kind(): SessionSummary['kind'] { return this.#row[7]; }
  get status(): SessionSummary['status'] { return this.#row[8]; }
  get overall(): number | null { return this.#row[9]; }
  get verdict(): SessionSummary['verdict'] { return this.#row[10]; }
  get usedMs(): number | null { return this.#row[11]; }
  get durationMs(): number | null { return this.#row[12]; }
  get stageScores(): Partial<Record<StageId, number>> { return (this.#stageScores ??= byStage(this.#row[13])); }
  get stageMs(): Partial<Record<StageId, number>> | null { return this.#stageMs === undefined ? (this.#stageMs = this.#row[14] === null ? null : byStage(this.#row[14])) : this.#stageMs; }
  get budgets(): Partial<Record<StageId, number>> | null { return this.#budgets === undefined ? (this.#budgets = this.#row[15] === null ? null : budgetsOf(this.#row[15])) : this.#budgets; }
  get candidate(): string | null { return this.#row[19]; }
  get itemIds(): readonly string[] { return this.#set.ids; }

  get notCovered(): NotCovered[] {
    const code = this.#row[17];
    if (!code) return [];
    let list = this.#set.decoded.get(code);
    if (!list) {
      list = code.split(' ').map((part) => ({ id: this.#set.ids[Number.parseInt(part, 10)]!, status: LETTER_STATUS[part.at(-1) as keyof typeof LETTER_STATUS] }));
      this.#set.decoded.set(code, list);
    }
    return list;
  }

  /** The plain fields, as summarize() gives them (for JSON and for comparing). */
  toJSON(): SessionSummary {
    const { id, createdAt, prompt, level, kind, status, candidate, overall, verdict, usedMs, durationMs, stageScores, notCovered, itemIds, stageMs, budgets } = this;
    return { id, createdAt, prompt, level, kind, status, candidate, overall, verdict, usedMs, durationMs, stageScores, notCovered, itemIds, stageMs, budgets };
  }
}

function byStage(values: string): Partial<Record<StageId, number>> {
  const out: Partial<Record<StageId, number>> = {};
  let stage = 0;
  let start = 0;
  for (let i = 0; i <= values.length; i++) {
    if (i < values.length && values.charCodeAt(i) !== 32) continue;
    if (values.charCodeAt(start) !== 45) out[STAGE_IDS[stage]!] = Number(values.slice(start, i)); // "-": no value
    stage++;
    start = i + 1;
  }
  return out;
}

/** Budgets repeat from session to session (same length, same budgets): decoded once, shared read-only. */
const sharedBudgets = new Map<string, Partial<Record<StageId, number>>>();
function budgetsOf(values: string): Partial<Record<StageId, number>> {
  let found = sharedBudgets.get(values);
  if (!found) sharedBudgets.set(values, (found = Object.freeze(byStage(values))));
  return found;
}

/** The largest item position in "3m 5p 9n", read without splitting (50,000 rows are checked on every run). */
function largestIndex(code: string): number {
  let largest = -1;
  let value = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c !== 32) {
      if (value > largest) largest = value;
      value = 0;
    }
  }
  return largest;
}

function itemInfo(sets: readonly SetLine[]): ItemInfo {
  const info: ItemInfo = {};
  for (const set of sets) for (const [id, label, hint] of set.items) info[id] ??= { label, hint };
  return info;
}
