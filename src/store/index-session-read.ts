import { readFileSync } from 'node:fs';
import { formatBytes, MAX_SESSION_BYTES, asReadError } from '../files/read.js';
import { STAGE_IDS, type StageId } from '../stages.js';
import { stripControl } from '../text/sanitize.js';
import type { Row, SetLine } from './index-schema.js';
import type { IndexedSession, SessionChecker } from './index-session-schema.js';
import { surelyIndexedSession } from './index-session-check.js';
import { indexedClock } from './indexed-clock.js';
import type { IndexState } from './index-state.js';
import { STATUS_LETTER } from './indexed-summary.js';
import { SESSION_SCHEMA } from './session-version.js';

/**
 * A session file as the index reads it (only the fields the index keeps) and the row it becomes. In a
 * module of its own, loaded only when some file is new or changed. A file in the form mlsd writes passes
 * a quick check (index-session-check.ts); only another file needs the index's schema
 * (index-session-schema.ts), which is loaded then and says what is wrong.
 */

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
export function readSessionFile(path: string, size: number): { value: unknown } | { reason: string } {
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
  return { value };
}

/**
 * Checks what the index keeps of a session file read by readSessionFile (its id must match the file
 * name), with the quick check, then with `checker` (the index's schema) if the quick check is not sure.
 * Null when it is not sure and no checker was given: call again with one.
 */
export function checkSessionValue(value: unknown, fileId: string, checker: SessionChecker | null): { session: IndexedSession } | { reason: string } | null {
  let v: IndexedSession;
  if (surelyIndexedSession(value)) v = value;
  else if (!checker) return null;
  else {
    const result = checker.safeParse(value);
    if (!result.success) {
      const first = result.error.issues[0]!;
      const where = first.path.map(String).join('.');
      return { reason: `not a valid mlsd session (${where ? `${where}: ` : ''}${issueMessage(first)})` };
    }
    v = result.data;
  }
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


/**
 * The row of a session read by readSessionFile. A rubric set not seen before is added to the state, and
 * its line to `added` (the lines to write); a string kept that may hold any character is decoded and sanitised.
 */
export function toRow(name: string, size: number, mtimeMs: number, record: IndexedSession, state: Pick<IndexState, 'sets' | 'setKeys'>, added: string[]): Row {
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

