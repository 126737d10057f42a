import { appendFileSync, closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KEEP_FREE_FOR_SESSIONS, writeFileAtomic } from '../files/atomic.js';
import { STAGE_IDS, type StageId } from '../stages.js';
import { badSchema, goneSchema, headerSchema, INDEX_FORMAT, rowChecker, setSchema, type BadLine, type Row, type SetLine } from './index-schema.js';
import { asReadError, fileKind, formatBytes, MAX_SESSION_BYTES, ReadError } from '../files/read.js';
import { indexedClock, indexedSessionChecker, type IndexedSession } from './index-session-schema.js';
import { SESSION_SCHEMA } from './session-version.js';
import { stripControl } from '../text/sanitize.js';
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
  const checker = indexedSessionChecker(toRead.length);
  for (const { name, size, mtimeMs } of toRead) {
    const read = readSessionFile(join(dir, name), name.slice(0, -'.json'.length), size, checker);
    if ('reason' in read) {
      const line: BadLine = { bad: name, size, mtimeMs, reason: read.reason };
      state.rows.delete(name);
      state.bad.set(name, line);
      added.push(JSON.stringify(line));
      problems.push({ file: join(dir, name), reason: read.reason });
      continue;
    }
    state.bad.delete(name);
    const row = toRow(name, size, mtimeMs, read.session, state, added);
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
 * Reads one session file, already known to be a regular file of `size` bytes, and checks what the index
 * keeps of it (index-session-schema.ts; its id must match the file name); what is wrong with it otherwise.
 *
 * The bytes are decoded as Latin-1, not UTF-8: each byte becomes one character, so the text is a
 * one-byte string that decodes and parses about twice as fast, and JSON's structure (all ASCII) is the
 * same. A multi-byte UTF-8 character inside a string comes out as several characters; the few strings
 * the index keeps (item ids, labels, hints, the candidate) are decoded back to UTF-8 (`text`) when
 * they are kept, and sanitised. Ids, times, prompt ids and enums are ASCII-only by their rules.
 */
function readSessionFile(path: string, fileId: string, size: number, checker: ReturnType<typeof indexedSessionChecker>): { session: IndexedSession } | { reason: string } {
  if (size > MAX_SESSION_BYTES) return { reason: `larger than ${formatBytes(MAX_SESSION_BYTES)}; not an mlsd session` };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'latin1'));
  } catch (error) {
    return { reason: error instanceof SyntaxError ? 'corrupt JSON' : asReadError(path, error).reason };
  }
  if (value && typeof value === 'object' && 'schema' in value && typeof value.schema === 'number' && value.schema > SESSION_SCHEMA) {
    return { reason: `written by a newer mlsd (session format ${value.schema}); upgrade mlsd to read it` };
  }
  const result = checker.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0]!;
    const where = first.path.map(String).join('.');
    return { reason: `not a valid mlsd session (${where ? `${where}: ` : ''}${issueMessage(first)})` };
  }
  const v = result.data;
  // The same rules as the full session schema (session-schema.ts, parseSession).
  if (v.id !== fileId) return { reason: `its id "${v.id}" does not match its file name` };
  if (v.schema === 1) {
    if (v.kind === 'practice' && !v.interview) return { reason: 'not a valid mlsd session (interview: a practice session needs its interview)' };
    if (v.kind === 'interview' && !v.sheet) return { reason: "not a valid mlsd session (sheet: a peer interview needs the interviewer's sheet)" };
    const live = v.interview ?? v.sheet;
    if (live && live.id !== v.id) return { reason: `not a valid mlsd session (${v.interview ? 'interview' : 'sheet'}.id: not the session's id "${v.id}")` };
  } else {
    if (v.kind === 'practice' && !v.practice) return { reason: 'not a valid mlsd session (practice: a practice session needs its log)' };
    if (v.kind === 'interview' && !v.sheet) return { reason: "not a valid mlsd session (sheet: a peer interview needs the interviewer's sheet)" };
    if (v.kind === 'score' && !v.answers) return { reason: 'not a valid mlsd session (answers: a scored answer needs its text)' };
  }
  const clock = indexedClock(v);
  if (clock && 'error' in clock) return { reason: `not a valid mlsd session (${clock.error})` };
  // The strings kept that may hold any character are decoded and sanitised where they are kept (toRow).
  return { session: v };
}

const NOT_ASCII = /[\u0080-\u00ff]/;

/**
 * A zod/mini issue in words. zod/mini carries no English messages of its own (they read "Invalid
 * input" unless full zod was loaded in the same process), so types and values are worded here, the
 * same way every time; formats (ids, times) carry the schema's own message.
 */
function issueMessage(issue: { code: string; message: string; expected?: unknown; values?: readonly unknown[] }): string {
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value' && issue.values) return `expected ${issue.values.map((x) => JSON.stringify(x)).join(' or ')}`;
  return issue.message;
}

const STATUS_LETTER = { missed: 'm', prompted: 'p', negated: 'n' } as const;
const LETTER_STATUS = { m: 'missed', p: 'prompted', n: 'negated' } as const;

function toRow(name: string, size: number, mtimeMs: number, record: IndexedSession, state: State, added: string[]): Row {
  const report = record.report;
  let set: number | null = null;
  let notCovered = '';
  if (report) {
    const items = report.stages.flatMap((s) => s.items);
    // The key is the ids as text, as the set lines read back from the index give them.
    const key = text(items.map((i) => i.id).join('\n'));
    let index = state.setKeys.get(key);
    if (index === undefined) {
      index = state.sets.length;
      const line: SetLine = { set: index, items: items.map((i) => [text(i.id), text(i.label), text(i.hint)]) };
      state.sets.push(line);
      state.setKeys.set(key, index);
      added.push(JSON.stringify(line));
    }
    set = index;
    notCovered = items.flatMap((item, k) => (item.status === 'covered' ? [] : [`${k}${STATUS_LETTER[item.status]}`])).join(' ');
  }
  const stage = (values: Partial<Record<StageId, number>> | undefined) => (values ? STAGE_IDS.map((id) => values[id] ?? '-').join(' ') : null);
  // A practice session keeps its clock in `interview` (format 1) or `practice`, a peer interview in `sheet`.
  const derived = indexedClock(record);
  const clock = derived && 'error' in derived ? null : derived;
  // Early files lacked a status: derived as the full session schema derives it.
  const status = record.status ?? (record.kind === 'score' ? 'finished' : (clock?.status ?? 'interrupted'));
  return [
    name, size, mtimeMs, record.id, record.createdAt, record.prompt, record.level, record.kind, status,
    report?.overall ?? null, report?.verdict ?? null, clock?.usedMs ?? null, clock?.durationMs ?? null,
    STAGE_IDS.map((id) => report?.stages.find((s) => s.id === id)?.score ?? '-').join(' '),
    stage(clock?.stageMs), stage(clock?.budgets), set, notCovered,
    null, record.candidate === undefined ? null : text(record.candidate),
  ];
}

/** A string of a Latin-1-decoded session file (readSessionFile) as the text it was, without terminal control. */
function text(latin1: string): string {
  return stripControl(NOT_ASCII.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1);
}

function emptyState(valid: boolean): State {
  return { rows: new Map(), bad: new Map(), sets: [], setKeys: new Map(), lines: 0, clean: true, valid };
}

/** The index is read in pieces of this many bytes (a piece grows to hold a longer line). */
const CHUNK = 1 << 20;

/**
 * The index as last written; an index that is missing, of another format or corrupt comes back empty
 * and invalid. Read a piece at a time and line by line, so the whole file (18 MB at 50,000 sessions) is
 * never one string in memory beside the rows made from it.
 */
function readIndex(file: string): State {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return emptyState(false);
  }
  const state = emptyState(true);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return emptyState(false);
    const rows = rowChecker(info.size);
    let buffer = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) {
        // A crash while appending can leave half a line at the end: it is dropped, and its file read again.
        state.clean = filled === 0;
        break;
      }
      const end = filled + read;
      // A newline byte is never part of a multi-byte UTF-8 character: the text up to it decodes whole.
      const last = buffer.lastIndexOf(10, end - 1);
      if (last < 0) {
        filled = end;
        continue;
      }
      readLines(buffer.toString('utf8', 0, last + 1), state, rows);
      buffer.copy(buffer, 0, last + 1, end);
      filled = end - last - 1;
    }
    if (state.lines === 0) return emptyState(false);
    for (const row of state.rows.values()) {
      if (row[17] && largestIndex(row[17]) >= (row[16] === null ? 0 : state.sets[row[16]]!.items.length)) throw new Error('item out of its set');
    }
  } catch {
    return emptyState(false);
  } finally {
    closeSync(fd);
  }
  return state;
}

/** Applies whole lines (the text ends with a newline) to the state; throws at the first line that fails its schema. */
function readLines(text: string, state: State, rows: ReturnType<typeof rowChecker>): void {
  // Line by line without splitting the text into an array: 50,000 rows are read on every run.
  for (let start = 0, end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    const value: unknown = JSON.parse(text.slice(start, end));
    if (state.lines++ === 0) {
      if (!headerSchema.safeParse(value).success) throw new Error('not an index of this format');
      continue;
    }
    if (Array.isArray(value)) {
      const row = rows.parse(value);
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
