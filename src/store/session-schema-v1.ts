import { z } from 'zod';
import type { InterviewState } from '../interview/interview-machine.js';
import type { SessionStatus } from '../interview/session-status.js';
import { STAGE_IDS } from '../stages.js';
import { peerSheetSchema } from './peer-sheet-schema.js';
import type { SessionRecord } from './session-record.js';
import { answerSet, count, firstIssue, kind, level, promptId, report, sessionId, source, stage, stageNumbers, status, time } from './session-schema-parts.js';

/**
 * Session format 1, read only to migrate it: the file held the interview reducer's in-memory state
 * (`interview`) or the interviewer's sheet (`sheet`) as they were, and the answers besides. Times of
 * what was said were not kept: they come back as null. Early files also lacked `status` and
 * `updatedAt`. The next save writes format 2.
 */

const interviewV1 = z.looseObject({
  schema: z.literal(1),
  id: sessionId,
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

const sessionFileV1 = z.looseObject({
  schema: z.literal(1),
  id: sessionId,
  kind,
  createdAt: time,
  updatedAt: time.optional(),
  prompt: promptId,
  level,
  status: status.optional(),
  answers: answerSet,
  source: source.optional(),
  interview: interviewV1.optional(),
  report: report.optional(),
  sheet: peerSheetSchema.optional(),
  candidate: z.string().optional(),
  automatic: report.optional(),
});

/** A format-1 file as the session mlsd works with, or the first problem found (with its field path). */
export function recordFromV1(value: unknown): { record: SessionRecord } | { error: string } {
  const result = sessionFileV1.safeParse(value);
  if (!result.success) return { error: firstIssue(result.error) };
  const v = result.data;
  if (v.kind === 'practice' && !v.interview) return { error: 'interview: a practice session needs its interview' };
  if (v.kind === 'interview' && !v.sheet) return { error: "sheet: a peer interview needs the interviewer's sheet" };
  // A resumed session is saved under its interview's (or sheet's) id: it must be this session's own.
  const live = v.interview ?? v.sheet;
  if (live && live.id !== v.id) return { error: `${v.interview ? 'interview' : 'sheet'}.id "${live.id}" is not the session's id "${v.id}"` };
  const derived: SessionStatus = v.status ?? (v.kind === 'score' ? 'finished' : (live?.status ?? 'interrupted'));
  const record: SessionRecord = {
    id: v.id,
    kind: v.kind,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt ?? v.createdAt,
    prompt: v.prompt,
    level: v.level,
    status: derived,
    answers: v.answers,
    ...(v.source ? { source: v.source } : {}),
    ...(v.interview ? { interview: interviewFromV1(v.interview) } : {}),
    ...(v.report ? { report: v.report } : {}),
    ...(v.sheet ? { sheet: v.sheet } : {}),
    ...(v.candidate !== undefined ? { candidate: v.candidate } : {}),
    ...(v.automatic ? { automatic: v.automatic } : {}),
  };
  return { record };
}

/** The format-1 interview state in today's shape: each stage's answer as one submission, times unknown. */
function interviewFromV1(v: z.infer<typeof interviewV1>): InterviewState {
  const answers: InterviewState['answers'] = {};
  for (const id of STAGE_IDS) {
    const text = v.answers[id];
    if (text) answers[id] = [{ text, atMs: null }];
  }
  return {
    ...v,
    clarify: v.clarify.map((e) => ({ question: e.question, answer: e.answer, topic: e.topic, atMs: null })),
    answers,
    followUps: v.followUps.map((f) => ({ stage: f.stage, itemId: f.itemId, question: f.question, answer: f.answer, atMs: null })),
    pending: v.pending.map((p) => ({ itemId: p.itemId, question: p.question })),
  };
}
