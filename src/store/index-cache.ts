import { createHash } from 'node:crypto';
import { appendFileSync, lstatSync, rmSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KEEP_FREE_FOR_SESSIONS, writeFileAtomic } from '../files/atomic.js';
import { asReadError, fileKind, ReadError } from '../files/read.js';
import { addToTotals, emptyTotals, type StatsTotals } from '../progress/stats.js';
import { checkFile, readCheck, writeCheck, type IndexCheck } from './index-check.js';
import { FORMAT_4_HEADER, HEADER_LINE, readIndexBytes, readSealedFile, readSealedIndex } from './index-read.js';
import type { BadLine, SetLine } from './index-schema.js';
import type { SessionChecker } from './index-session-schema.js';
import { sealLine, type SealFacts } from './index-seal.js';
import { dropEntry, emptyState, entryOf, olderThan, putEntry, type Entry, type IndexState } from './index-state.js';
import { IndexedSummary, itemSets, type ItemSet } from './indexed-summary.js';
import type { ItemInfo, SessionSummary } from './summary.js';

/**
 * The session index: sessions.index.jsonl beside the sessions directory, so that history and stats
 * over years of practice read one small file instead of every session. Only what lists need is kept
 * per session (about 370 bytes); the items of a rubric set are written once and shared, and the stats
 * totals (progress/stats.ts) are kept in the index's last line, its seal (index-seal.ts).
 *
 * What a run checks, and so what the index guarantees:
 * - The names are exact on every run: a new, deleted or renamed session file is noticed at once. The
 *   directory is listed unless its modification time, change time and inode are those recorded when it
 *   was last listed (index-check.ts); a listing made within RACY_MS of the directory's last change is not
 *   relied on, since a change in the same clock tick would not move its time. A directory to list is
 *   listed while the index is read (libuv does the listing on its own thread).
 * - A session file read again when its size or modification time differ from its row, for: every file
 *   when the index holds at most `checkAll` sessions (500), or has no check of its own (after a rebuild);
 *   otherwise the files of sessions still in progress (the only files mlsd itself rewrites, and always
 *   by renaming a new file into place), files the index could not read, the `recent` (100) rows indexed
 *   last, and a rotating share of the rest, so that every file is checked at least once in `sweepRuns`
 *   (10) runs. So a file changed in place by another program (cut short, edited) is noticed at once if it
 *   is recent or the index is small, else within ten runs of any command that lists sessions; `review`
 *   and `resume` always read the whole file with the full schema.
 * - The index itself is trusted only when sealed: its last line holds the SHA-256 of every byte before
 *   it. Otherwise (another format, a corrupt or cut-short line, two runs appending at once) every line is
 *   checked with its schema, the index is rebuilt from whatever fails, and written again whole and sealed.
 * Changes are appended as lines (a later line for a file replaces an earlier one) with a new seal, and the
 * file is rewritten whole only when superseded lines outnumber live ones.
 */

export interface Summaries {
  /** Newest first. */
  summaries: SessionSummary[];
  items: ItemInfo;
  problems: Array<{ file: string; reason: string }>;
  /**
   * The stats totals of every session listed, kept in the index as sessions come and go. When `exact`
   * is false, sum them again from the summaries (progress/stats.ts, totalsOf) instead.
   */
  totals: StatsTotals;
  /** Sessions with an overall score, by prompt, over every session listed. */
  scoredByPrompt: ReadonlyMap<string, number>;
  /** The prompts of the sessions listed; and whether every time is in Date#toISOString's form (so newest first is also newest first by `localeCompare`). */
  prompts: ReadonlySet<string>;
  isoTimes: boolean;
}

/** How much of the directory a run checks (see above); tests make them small. */
export interface IndexOptions {
  /** Every file is checked when the index holds at most this many sessions. */
  checkAll?: number;
  /** Otherwise every file is checked at least once in this many runs. */
  sweepRuns?: number;
  /** The rows indexed last that are checked on every run. */
  recent?: number;
  /** The clock (ms since 1970). */
  now?: () => number;
}

const CHECK_ALL = 500;
const SWEEP_RUNS = 10;
const RECENT = 100;
/** A directory listed less than this long after it last changed may change again without its times moving. */
const RACY_MS = 2000;

/** The index file of a sessions directory. */
export function indexFile(dir: string): string {
  return `${dir}.index.jsonl`;
}

/** The summaries of every session in `dir`, newest first, brought up to date with the files and saved back. */
export async function loadSummaries(dir: string, options: IndexOptions = {}): Promise<Summaries> {
  const { checkAll = CHECK_ALL, sweepRuns = SWEEP_RUNS, recent = RECENT, now = Date.now } = options;
  const listedAt = now();
  let dirInfo: Stats;
  try {
    dirInfo = statSync(dir);
  } catch (error) {
    // No directory yet means no sessions yet; one that exists but cannot be read is an error.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { summaries: [], items: {}, problems: [], totals: emptyTotals(), scoredByPrompt: new Map(), prompts: new Set(), isoTimes: true };
    throw directoryError(dir, error);
  }
  if (!dirInfo.isDirectory()) throw new ReadError(dir, 'cannot read the sessions directory: it is not a directory', 'ENOTDIR');
  const file = indexFile(dir);
  const checkPath = checkFile(dir);
  const stamp: IndexCheck['dir'] = [dirInfo.mtimeMs, dirInfo.ctimeMs, dirInfo.ino];
  const lastCheck = readCheck(checkPath);
  const sameDir = (c: IndexCheck) => c.trusted && c.dir.every((v, i) => v === stamp[i]);
  // A directory that changed since its last listing (a new session) is listed while the index is read:
  // the listing's system calls and sorting run on libuv's threads meanwhile.
  const early = lastCheck && sameDir(lastCheck.check) ? null : listNames(dir);
  const state = await readIndex(file);
  const previous = state.seal ? lastCheck : null;
  const check = previous && previous.check.seal === state.seal!.hex ? previous.check : null;
  const unchanged = check !== null && sameDir(check);

  const problems: Summaries['problems'] = [];
  const prefix = join(dir, '/'); // joined once: path.join per file costs as much as the stat
  const toStat = new Set<string>();
  const gone = new Set<string>();
  let listingClean = true;
  if (!unchanged) {
    const listed = await (early ?? listNames(dir));
    const isSession = (name: string) => name.endsWith('.json') && !name.startsWith('.');
    const { entries, bad } = state;
    let known = 0;
    for (const name of listed) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue; // isSession, inline: 5,000 names a run
      if (entries.has(name) || bad.has(name)) known++;
      else toStat.add(name);
    }
    // Every name the index knows is still there when as many known names were listed as it holds.
    if (known !== state.entries.size + state.bad.size) {
      const present = new Set(listed.filter(isSession));
      for (const name of state.entries.keys()) if (!present.has(name)) gone.add(name);
      for (const name of state.bad.keys()) if (!present.has(name)) gone.add(name);
    }
  }

  // Which known files to check this run.
  let next: string | null = null;
  let at = 0;
  if (!check || state.entries.size <= checkAll) {
    for (const name of state.entries.keys()) toStat.add(name);
  } else {
    // Files of sessions in progress, the rows indexed last, and a share of the rest from where the last run stopped.
    for (const name of state.live) if (state.entries.has(name)) toStat.add(name);
    const names = [...state.entries.keys()];
    const count = names.length;
    const share = Math.max(checkAll, Math.ceil(count / sweepRuns));
    let from = Math.min(check.at, count - 1);
    // The file it stopped at moved (files before it went): look for it by name.
    if (names[from] !== check.next && check.next !== null) {
      const found = names.indexOf(check.next);
      if (found >= 0) from = found;
    }
    const end = from + share;
    for (const [start, stop] of positionsToCheck(count, from, end, recent)) for (let position = start; position < stop; position++) toStat.add(names[position]!);
    next = names[end % count] ?? null;
    at = end % count;
  }
  for (const name of state.bad.keys()) toStat.add(name);

  const toRead: Array<{ name: string; size: number; mtimeMs: number }> = [];
  for (const name of toStat) {
    if (gone.has(name)) continue;
    let info: Stats;
    try {
      info = statSync(prefix + name);
    } catch (error) {
      // Deleted meanwhile is nothing to say; a dangling link or a loop of links is said, not ignored.
      gone.add(name);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        problems.push({ file: prefix + name, reason: asReadError(name, error).reason });
        listingClean = false;
      }
      continue;
    }
    if (!info.isFile()) {
      // A FIFO would hang the read and a link to a device would never end: only regular files are read.
      gone.add(name);
      problems.push({ file: prefix + name, reason: `not a regular file (${fileKind(info)})` });
      listingClean = false;
      continue;
    }
    const known = state.entries.get(name);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) continue;
    const bad = state.bad.get(name);
    if (bad && bad.size === info.size && bad.mtimeMs === info.mtimeMs) {
      problems.push({ file: join(dir, name), reason: bad.reason });
      continue;
    }
    toRead.push({ name, size: info.size, mtimeMs: info.mtimeMs });
  }

  const added: string[] = [];
  const sets = sharedSets(state);
  const totals = state.totals;
  if (toRead.length > 0) {
    // Loaded only when some file is new or changed; the schema library only when a file is not in mlsd's own form.
    const { checkSessionValue, readSessionFile, toRow } = await import('./index-session-read.js');
    let checker: SessionChecker | null = null;
    for (const { name, size, mtimeMs } of toRead) {
      const fileId = name.slice(0, -'.json'.length);
      const parsed = readSessionFile(join(dir, name), size);
      let checked = 'reason' in parsed ? parsed : checkSessionValue(parsed.value, fileId, checker);
      if (checked === null && 'value' in parsed) {
        checker = (await import('./index-session-schema.js')).indexedSessionChecker(toRead.length);
        checked = checkSessionValue(parsed.value, fileId, checker);
      }
      const read = checked ?? { reason: 'not a valid mlsd session' };
      const old = state.entries.get(name);
      if (old && totals) addToTotals(totals, new IndexedSummary(old, sets()), -1);
      if ('reason' in read) {
        const line: BadLine = { bad: name, size, mtimeMs, reason: read.reason };
        dropEntry(state, name);
        state.entries.delete(name);
        state.bad.set(name, line);
        added.push(JSON.stringify(line));
        problems.push({ file: join(dir, name), reason: read.reason });
        continue;
      }
      state.bad.delete(name);
      const row = toRow(name, size, mtimeMs, read.session, state, added);
      const line = JSON.stringify(row);
      const entry = entryOf(row, line);
      putEntry(state, entry); // in the place of the file's earlier row, if any
      added.push(line);
      if (totals) addToTotals(totals, new IndexedSummary(entry, sets()), 1);
    }
  }
  for (const name of gone) {
    const old = state.entries.get(name);
    if (!old && !state.bad.has(name)) continue;
    if (old && totals) addToTotals(totals, new IndexedSummary(old, sets()), -1);
    dropEntry(state, name);
    state.entries.delete(name);
    state.bad.delete(name);
    added.push(JSON.stringify({ gone: name }));
  }

  const seal = await save(file, dir, state, added, sets);
  if (seal === null && blocked(file)) {
    problems.push({ file, reason: 'not a regular file, so the session index cannot be kept and every run reads all the sessions again; move it aside' });
  }
  if (seal !== null) {
    // The directory as listed now is trusted next time only if the index holds what the listing found.
    const trusted = unchanged || (listingClean && listedAt - Math.max(stamp[0], stamp[1]) > RACY_MS);
    writeCheck(checkPath, { seal, dir: unchanged ? check.dir : stamp, trusted, next, at }, previous?.text);
  }
  const entries = newestFirstOf(state);
  const shared = sets();
  return { summaries: entries.map((e) => new IndexedSummary(e, shared)), items: itemInfo(state.sets), problems, totals: state.totals!, scoredByPrompt: state.scored, prompts: new Set(state.prompts.keys()), isoTimes: state.oddTimes === 0 };
}

/**
 * The index as last written: sealed (index-read.ts), or of format 4 and checked line by line
 * (index-validate.ts); anything else comes back empty and invalid, to be rebuilt from the session files.
 */
async function readIndex(file: string): Promise<IndexState> {
  const streamed = readSealedFile(file);
  if (streamed) return streamed;
  const bytes = readIndexBytes(file);
  if (!bytes) return emptyState(false);
  const sealed = readSealedIndex(bytes);
  if (sealed) return sealed;
  if (bytes.subarray(0, FORMAT_4_HEADER.length + 1).toString('latin1') === `${FORMAT_4_HEADER}\n`) return (await import('./index-validate.js')).readIndexChecked(file);
  return emptyState(false);
}

/**
 * The positions of the rows a run checks when it checks a share (index order, as half-open ranges in
 * ascending order, merged): the share from `from` to `end` (wrapping past the last row to the first) and
 * the `recent` rows indexed last. Ascending, as a pass over every row would find them.
 */
export function positionsToCheck(count: number, from: number, end: number, recent: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (end > count) ranges.push([0, Math.min(end - count, count)]);
  ranges.push([from, Math.min(end, count)], [Math.max(count - recent, 0), count]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, stop] of ranges) {
    if (start >= stop) continue;
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], stop);
    else merged.push([start, stop]);
  }
  return merged;
}

/**
 * The names in the directory (as readdirSync gives them: libuv lists and sorts them on its own thread),
 * or a ReadError saying why it cannot be read. The promise is already handled, so it may wait unawaited
 * while the index is read.
 */
function listNames(dir: string): Promise<string[]> {
  const names = readdir(dir).catch((error: unknown) => {
    throw directoryError(dir, error);
  });
  names.catch(() => undefined);
  return names;
}

function directoryError(dir: string, error: unknown): ReadError {
  const problem = asReadError(dir, error);
  const reason = problem.code === 'ENOTDIR' ? 'it is not a directory' : problem.reason;
  return new ReadError(dir, `cannot read the sessions directory: ${reason}`, problem.code);
}

/** The item sets of the state for its summaries, extended as sets are added. */
function sharedSets(state: IndexState): () => ItemSet[] {
  const shared: ItemSet[] = [];
  return () => {
    if (shared.length < state.sets.length) shared.push(...itemSets(state.sets.slice(shared.length)));
    return shared;
  };
}

/**
 * The entries newest first. The index keeps them oldest first as a rule (rewritten in that order, new
 * sessions appended) and its seal says whether they are; when they are not, the order is checked in one
 * pass (and reversed), and sorted only when that fails.
 */
function newestFirstOf(state: IndexState): Entry[] {
  const list = [...state.entries.values()];
  if (state.sorted) return list.reverse();
  for (let i = 1; i < list.length; i++) if (olderThan(list[i]!, list[i - 1]!)) return list.sort(newestFirst);
  return list.reverse();
}

/** Newest first: by creation time, then by id. */
function newestFirst(a: Entry, b: Entry): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Appends what changed with a new seal, or rewrites the index sealed when it was not sealed, not tidy or
 * mostly superseded lines. Sums the totals first when they are not known. Best effort: returns the seal
 * written (or already there), null when the index could not be written.
 */
async function save(file: string, dir: string, state: IndexState, added: string[], sets: () => ItemSet[]): Promise<string | null> {
  if (!state.totals) {
    const totals = emptyTotals();
    for (const entry of state.entries.values()) addToTotals(totals, new IndexedSummary(entry, sets()), 1);
    state.totals = totals;
  }
  const live = state.entries.size + state.bad.size + state.sets.length + 2;
  try {
    // A symbolic link in the index's place is replaced by a whole new file, never appended through.
    if (!state.seal || !state.valid || !state.clean || state.lines + added.length + 1 > 2 * live + 1000 || isLink(file)) {
      const rows = [...state.entries.values()].sort((a, b) => newestFirst(b, a));
      state.sorted = true;
      state.live = new Set(rows.filter((e) => e.live).map((e) => e.name));
      const body = `${[HEADER_LINE, ...state.sets.map((s: SetLine) => JSON.stringify(s)), ...rows.map((e) => (e.row ? JSON.stringify(e.row) : e.line)), ...[...state.bad.values()].map((b) => JSON.stringify(b))].join('\n')}\n`;
      const hex = createHash('sha256').update(body).digest('hex');
      // Disposable: skipped when the disk is nearly full, so it never takes the room a session needs.
      await writeFileAtomic(file, `${body}${sealLine(hex, facts(state))}\n`, { keepFree: KEEP_FREE_FOR_SESSIONS });
      rmSync(`${dir}.index.json`, { force: true }); // the index of mlsd 0.1
      return hex;
    }
    if (added.length === 0) return state.seal.hex;
    const chunk = `${added.join('\n')}\n`;
    const hex = state.seal.running.update(chunk).copy().digest('hex');
    appendFileSync(file, `${chunk}${sealLine(hex, facts(state))}\n`);
    return hex;
  } catch {
    // a read-only data directory: the next run reads the changed files again
    return null;
  }
}

/** Whether something other than a file or a link stands where the index goes (a directory, a FIFO): it is never replaced. */
function blocked(file: string): boolean {
  try {
    const info = lstatSync(file);
    return !info.isFile() && !info.isSymbolicLink();
  } catch {
    return false;
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function facts(state: IndexState): SealFacts {
  return { totals: state.totals!, live: [...state.live].filter((name) => state.entries.has(name)), sorted: state.sorted, scored: Object.fromEntries(state.scored), prompts: Object.fromEntries(state.prompts), oddTimes: state.oddTimes };
}

function itemInfo(sets: readonly SetLine[]): ItemInfo {
  const info: ItemInfo = {};
  for (const set of sets) for (const [id, label, hint] of set.items) info[id] ??= { label, hint };
  return info;
}
