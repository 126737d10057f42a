import { z } from 'zod';
import { STAGE_IDS } from '../stages.js';
import { CANDIDATE_LEVELS } from '../scoring/report.js';
import { jsonMayHoldControl, sanitizeDeep } from '../text/sanitize.js';
import { peerSheetSchema } from './peer-sheet-schema.js';
import { SESSION_SCHEMA, type SessionRecord, type SessionStatus } from './session-record.js';

/**
 * The saved session format, checked on every read. A session file may have been edited, truncated,
 * written by another version or planted by someone else: nothing in it is trusted until it parses
 * here. Objects are loose (a newer mlsd may add fields and they survive a resume); every field mlsd
 * reads is required with its type. Strings are stripped of terminal control after parsing.
 */

/** Session ids: lower-case letters, digits and dashes, so an id is always a safe file name. */
export const SESSION_ID = /^[0-9a-z][0-9a-z-]{0,63}$/;

/** True when the id can name a session file (no slash, no dot, nothing a path could abuse). */
export function isSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

const stage = z.enum(STAGE_IDS);
const level = z.enum(CANDIDATE_LEVELS);
const status = z.enum(['active', 'interrupted', 'finished', 'timed-out']);
const time = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date and time' });
const id = z.string().regex(SESSION_ID, { error: 'expected a session id (lower-case letters, digits and dashes)' });
const count = z.number().finite().nonnegative();
const stageNumbers = z.partialRecord(stage, count);

const answerSet = z.looseObject({
  sections: z.partialRecord(stage, z.string()),
  general: z.string().optional(),
  followUps: z.array(z.looseObject({ stage, text: z.string() })).optional(),
  unreached: z.array(stage).optional(),
});

const interview = z.looseObject({
  schema: z.literal(1),
  id,
  promptId: z.string(),
  level,
  durationMs: count,
  budgets: z.record(stage, count),
  createdAt: time,
  status,
  usedMs: count,
  stage,
  phase: z.enum(['answer', 'follow-up']),
  clarify: z.array(z.looseObject({ question: z.string(), answer: z.string(), topic: z.string().nullable() })),
  answers: z.partialRecord(stage, z.string()),
  followUps: z.array(z.looseObject({ stage, itemId: z.string(), question: z.string(), answer: z.string() })),
  pending: z.array(z.looseObject({ itemId: z.string(), question: z.string() })),
  stageMs: stageNumbers,
  draft: z.string(),
  warned: z.array(z.string()),
  clockAt: z.number().nullable(),
});

const itemResult = z.looseObject({
  id: z.string(),
  rubric: z.string(),
  stage,
  label: z.string(),
  level: z.enum(['core', 'senior', 'staff']),
  weight: z.number(),
  status: z.enum(['covered', 'prompted', 'missed', 'negated']),
  evidence: z.string().nullable(),
  foundIn: z.union([stage, z.literal('general'), z.literal('follow-up')]).nullable(),
  matched: z.array(z.string()),
  depth: z.enum(['statement', 'mention']).nullable(),
  credit: z.number(),
  why: z.string(),
  hint: z.string(),
  followUp: z.string(),
});

const report = z.looseObject({
  prompt: z.string(),
  title: z.string(),
  level,
  overall: z.number(),
  verdict: z.enum(['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire']),
  stages: z.array(
    z.looseObject({ id: stage, title: z.string(), score: z.number(), answered: z.boolean(), words: z.number(), listOnly: z.boolean(), items: z.array(itemResult) }),
  ),
  redFlags: z.array(
    z.looseObject({ id: z.string(), rubric: z.string(), label: z.string(), stage: stage.nullable(), severity: z.enum(['minor', 'major']), evidence: z.string().nullable(), why: z.string() }),
  ),
  penalty: z.number(),
});

const sessionFile = z.looseObject({
  schema: z.literal(SESSION_SCHEMA),
  id,
  kind: z.enum(['score', 'practice', 'interview']),
  createdAt: time,
  // Early files lacked status and updatedAt: they are derived below.
  updatedAt: time.optional(),
  prompt: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a prompt id' }),
  level,
  status: status.optional(),
  answers: answerSet,
  source: z.looseObject({ file: z.string(), format: z.enum(['yaml', 'markdown', 'text']) }).optional(),
  interview: interview.optional(),
  report: report.optional(),
  sheet: peerSheetSchema.optional(),
  candidate: z.string().optional(),
  automatic: report.optional(),
});

export type ParsedSession = { record: SessionRecord } | { error: string };

/**
 * A session read back from disk, or why it is not one: the first problem, with its field path.
 * With `fileId` (the file's name without .json) the id inside must match it, so one file can never
 * stand for, or be saved over, another. With `text` (the JSON it was parsed from), a file with no
 * control character skips the sanitising walk.
 */
export function parseSession(value: unknown, fileId?: string, options: { text?: string } = {}): ParsedSession {
  if (value && typeof value === 'object' && 'schema' in value && typeof value.schema === 'number' && value.schema > SESSION_SCHEMA) {
    return { error: `written by a newer mlsd (session format ${value.schema}); upgrade mlsd to read it` };
  }
  const result = sessionFile.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0]!;
    const path = first.path.map(String).join('.');
    return { error: `not a valid mlsd session (${path ? `${path}: ` : ''}${first.message})` };
  }
  const v = result.data;
  if (fileId !== undefined && v.id !== fileId) return { error: `its id "${v.id}" does not match its file name` };
  if (v.kind === 'practice' && !v.interview) return { error: 'not a valid mlsd session (interview: a practice session needs its interview)' };
  if (v.kind === 'interview' && !v.sheet) return { error: "not a valid mlsd session (sheet: a peer interview needs the interviewer's sheet)" };
  // A resumed session is saved under its interview's (or sheet's) id: it must be this session's own.
  const live = v.interview ?? v.sheet;
  if (live && live.id !== v.id) return { error: `not a valid mlsd session (${v.interview ? 'interview' : 'sheet'}.id "${live.id}" is not the session's id "${v.id}")` };
  const derived: SessionStatus = v.status ?? (v.kind === 'score' ? 'finished' : (live?.status ?? 'interrupted'));
  const record: SessionRecord = { ...v, status: derived, updatedAt: v.updatedAt ?? v.createdAt };
  // The JSON text it came from, when given, tells whether there is anything to strip at all.
  return { record: options.text !== undefined && !jsonMayHoldControl(options.text) ? record : sanitizeDeep(record).value };
}
