import { z } from 'zod';
import { SHEET_SCHEMA, type PeerSheetState } from '../interview/peer-sheet.js';
import { SESSION_STATUSES } from '../interview/session-status.js';
import { CANDIDATE_LEVELS } from '../scoring/report.js';
import { STAGE_IDS } from '../stages.js';

/**
 * The shapes of an interviewer's sheet, checked before a session is resumed or reported on, so a
 * damaged or hand-edited file is refused with a reason instead of crashing the sheet. Unknown fields
 * are kept: later versions may add some.
 */

const stage = z.enum(STAGE_IDS);
const ms = z.number().finite().min(0);
const note = z.string().max(2_000).optional();
const byStage = <T extends z.ZodType>(value: T) => z.partialRecord(stage, value);

/** A note or question being typed when the interview stopped. */
export const sheetDraft = z.looseObject({ purpose: z.enum(['fact', 'note', 'flag-note', 'wrong-note']), text: z.string().max(2_000), target: z.string().optional() });

/** What the in-memory sheet and the saved sheet log (format 2, store/sheet-log.ts) have in common. */
export const sheetParts = {
  durationMs: ms,
  budgets: z.record(stage, ms),
  stage,
  stageMs: byStage(ms),
  visited: z.array(stage),
  marks: z.record(z.string(), z.looseObject({ mark: z.enum(['covered', 'prompted', 'wrong']), stage, atMs: ms, note })),
  flags: z.record(z.string(), z.looseObject({ stage, atMs: ms, note })),
  notes: byStage(z.string().max(2_000)),
  facts: z.array(z.looseObject({ question: z.string(), topic: z.string().nullable(), answer: z.string(), stage, atMs: ms })),
  clockAt: z.number().finite().nullable(),
  answersFile: z.string().optional(),
  draft: sheetDraft.optional(),
  pointer: byStage(z.string().max(300)).optional(),
};

/** The sheet as it is in memory, and as session format 1 saved it. */
export const peerSheetSchema = z.looseObject({
  ...sheetParts,
  schema: z.literal(SHEET_SCHEMA),
  id: z.string().min(1),
  promptId: z.string().min(1),
  level: z.enum(CANDIDATE_LEVELS),
  candidate: z.string().max(200).nullable(),
  createdAt: z.string(),
  status: z.enum(SESSION_STATUSES),
  usedMs: ms,
  warned: z.array(z.string()),
});

/** The sheet as session format 2 saves it: the session's own fields are at the file's top level. */
export const sheetLogSchema = z.looseObject({ ...sheetParts, leftMs: ms });

/** The sheet, or what is wrong with it (the first problem, with its path). */
export function readSheet(value: unknown): { sheet: PeerSheetState } | { error: string } {
  const parsed = peerSheetSchema.safeParse(value);
  if (parsed.success) {
    const sheet: PeerSheetState = parsed.data;
    return { sheet };
  }
  const issue = parsed.error.issues[0]!;
  return { error: `${issue.path.length > 0 ? `sheet.${issue.path.join('.')}: ` : ''}${issue.message}` };
}
