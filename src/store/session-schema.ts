import { z } from 'zod';
import { jsonMayHoldControl, sanitizeDeep } from '../text/sanitize.js';
import { sheetLogSchema } from './peer-sheet-schema.js';
import { SESSION_SCHEMA, fromSessionFile, type SessionFile } from './session-format.js';
import type { SessionRecord } from './session-record.js';
import { recordFromV1 } from './session-schema-v1.js';
import { answerSet, count, firstIssue, kind, level, promptId, report, SESSION_ID, sessionId, source, stage, status, time } from './session-schema-parts.js';

/**
 * The saved session format, checked on every read. A session file may have been edited, truncated,
 * written by another version or planted by someone else: nothing in it is trusted until it parses
 * here. Format 2 (store/session-format.ts) is read and rebuilt into the session; format 1 is migrated
 * (session-schema-v1.ts). Strings are stripped of terminal control after parsing.
 */

export { SESSION_ID } from './session-schema-parts.js';

/** True when the id can name a session file (no slash, no dot, nothing a path could abuse). */
export function isSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

const saidAt = count.nullable();

const stageLog = z.looseObject({
  stage,
  startedAtMs: count,
  endedAtMs: count.nullable(),
  questions: z.array(z.looseObject({ question: z.string(), reply: z.string(), topic: z.string().nullable(), atMs: saidAt })).optional(),
  answers: z.array(z.looseObject({ text: z.string(), atMs: saidAt })),
  followUps: z.array(z.looseObject({ itemId: z.string(), question: z.string(), answer: z.string(), atMs: saidAt })),
  pending: z.array(z.looseObject({ itemId: z.string(), question: z.string() })).optional(),
  draft: z.string().optional(),
});

const practiceLog = z.looseObject({
  durationMs: count,
  budgets: z.record(stage, count),
  leftMs: count,
  clockAt: z.number().finite().nullable(),
  stages: z.array(stageLog),
});

const sessionFile = z.looseObject({
  schema: z.literal(SESSION_SCHEMA),
  id: sessionId,
  kind,
  createdAt: time,
  updatedAt: time,
  prompt: promptId,
  level,
  status,
  candidate: z.string().optional(),
  source: source.optional(),
  answers: answerSet.optional(),
  practice: practiceLog.optional(),
  sheet: sheetLogSchema.optional(),
  report: report.optional(),
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
  const schema = value && typeof value === 'object' && 'schema' in value ? value.schema : undefined;
  if (typeof schema === 'number' && schema > SESSION_SCHEMA) {
    return { error: `written by a newer mlsd (session format ${schema}); upgrade mlsd to read it` };
  }
  const read = schema === 1 ? recordFromV1(value) : readFormat2(value);
  if ('error' in read) return { error: `not a valid mlsd session (${read.error})` };
  const record = read.record;
  if (fileId !== undefined && record.id !== fileId) return { error: `its id "${record.id}" does not match its file name` };
  // The JSON text it came from, when given, tells whether there is anything to strip at all.
  return { record: options.text !== undefined && !jsonMayHoldControl(options.text) ? record : sanitizeDeep(record).value };
}

function readFormat2(value: unknown): { record: SessionRecord } | { error: string } {
  const result = sessionFile.safeParse(value);
  if (!result.success) return { error: firstIssue(result.error) };
  const file: SessionFile = result.data;
  return fromSessionFile(file);
}
