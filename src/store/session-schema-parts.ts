import { z } from 'zod';
import { SESSION_STATUSES } from '../interview/session-status.js';
import { CANDIDATE_LEVELS } from '../scoring/report.js';
import { STAGE_IDS } from '../stages.js';

/**
 * The zod pieces both session formats share (format 2 in session-schema.ts, format 1 in
 * session-schema-v1.ts): ids, times, the answers as scored, the report. Objects are loose: a newer
 * mlsd may add fields.
 */

/** Session ids: lower-case letters, digits and dashes, so an id is always a safe file name. */
export const SESSION_ID = /^[0-9a-z][0-9a-z-]{0,63}$/;

export const stage = z.enum(STAGE_IDS);
export const level = z.enum(CANDIDATE_LEVELS);
export const status = z.enum(SESSION_STATUSES);
export const time = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date and time' });
export const sessionId = z.string().regex(SESSION_ID, { error: 'expected a session id (lower-case letters, digits and dashes)' });
export const promptId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a prompt id' });
export const count = z.number().finite().nonnegative();
export const stageNumbers = z.partialRecord(stage, count);
export const kind = z.enum(['score', 'practice', 'interview']);

export const answerSet = z.looseObject({
  sections: z.partialRecord(stage, z.string()),
  general: z.string().optional(),
  followUps: z.array(z.looseObject({ stage, text: z.string(), itemId: z.string().optional() })).optional(),
  unreached: z.array(stage).optional(),
});

export const source = z.looseObject({ file: z.string(), format: z.enum(['yaml', 'markdown', 'text']) });

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

export const report = z.looseObject({
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

/** The first problem zod found, with its field path. */
export function firstIssue(error: z.ZodError, prefix = ''): string {
  const first = error.issues[0]!;
  const path = [prefix, ...first.path.map(String)].filter((p) => p !== '').join('.');
  return `${path ? `${path}: ` : ''}${first.message}`;
}
