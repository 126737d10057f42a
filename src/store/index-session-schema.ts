import * as z from 'zod/mini';
import { STAGE_IDS } from '../stages.js';
import { SESSION_SCHEMA } from './session-version.js';

/**
 * The part of a session file that the session index keeps (index-cache.ts), checked with a small zod
 * schema when the index reads a file it has not seen. The whole file is still parsed as JSON (a file
 * cut short or corrupt anywhere is noticed and skipped), but only these fields are validated, and only
 * the strings the index keeps are sanitised: the full session schema (session-schema.ts) costs about
 * four times the JSON parse, and stays what `review` and `resume` check before they use a session.
 *
 * Where the full schema has a rule for a field kept here, the rule is the same (ids, times, enums, the
 * kind's own clock), so a file the index lists is one the full schema accepts in everything the index
 * shows. Objects are loose, as in the full schema: a newer mlsd may add fields.
 */

/** Session ids, as in session-schema.ts: lower-case letters, digits and dashes. */
const id = z.string().check(z.regex(/^[0-9a-z][0-9a-z-]{0,63}$/, { error: 'expected a session id (lower-case letters, digits and dashes)' }));
const stage = z.enum(STAGE_IDS);
const level = z.enum(['mid', 'senior', 'staff']);
const status = z.enum(['active', 'interrupted', 'finished', 'timed-out']);
const time = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date and time' });
const count = z.number().check(z.nonnegative());
const stageNumbers = z.partialRecord(stage, count);

/** The clock of a practice interview (`interview`) or a peer interview (`sheet`): only what the index keeps. */
const clock = z.looseObject({
  id: z.string(),
  status,
  usedMs: count,
  durationMs: count,
  stageMs: stageNumbers,
  budgets: z.record(stage, count),
});

const item = z.looseObject({
  id: z.string(),
  label: z.string(),
  hint: z.string(),
  status: z.enum(['covered', 'prompted', 'missed', 'negated']),
});

const report = z.looseObject({
  overall: z.number(),
  verdict: z.enum(['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire']),
  stages: z.array(z.looseObject({ id: stage, score: z.number(), items: z.array(item) })),
});

/** The top-level fields of a session file in every format. */
const sessionFields = {
  id,
  kind: z.enum(['score', 'practice', 'interview']),
  createdAt: time,
  // Early files lacked status and updatedAt: status is derived as the full schema derives it.
  updatedAt: z.optional(time),
  prompt: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a prompt id' })),
  level,
  status: z.optional(status),
  report: z.optional(report),
  candidate: z.optional(z.string()),
};

/** A format 1 session file as the index reads it: the clock is the interview's (or the sheet's) state. */
export const indexedSessionSchemaV1 = z.looseObject({
  ...sessionFields,
  schema: z.literal(1),
  // Not kept, but a session without its answers is no session: checked at the top level only.
  answers: z.looseObject({ sections: z.partialRecord(stage, z.string()), general: z.optional(z.string()) }),
  interview: z.optional(clock),
  sheet: z.optional(clock),
});

/** One stage of a practice log (store/practice-log.ts): only its times. */
const stageSpan = z.looseObject({ stage, startedAtMs: count, endedAtMs: z.nullable(count) });

/**
 * A format 2 session file (store/session-format.ts) as the index reads it: a practice session keeps its
 * log in `practice` (stage spans, time left), a peer interview its sheet log in `sheet` (time per stage,
 * time left); `answers` is stored only where nothing else holds them (scored answers, the candidate's notes).
 */
export const indexedSessionSchemaV2 = z.looseObject({
  ...sessionFields,
  schema: z.literal(2),
  answers: z.optional(z.looseObject({ sections: z.partialRecord(stage, z.string()), general: z.optional(z.string()) })),
  practice: z.optional(z.looseObject({ durationMs: count, leftMs: count, budgets: z.record(stage, count), stages: z.array(stageSpan) })),
  sheet: z.optional(z.looseObject({ durationMs: count, leftMs: count, budgets: z.record(stage, count), stageMs: stageNumbers })),
});

/** A session file as the index reads it, in either format (the `schema` field says which). */
export const indexedSessionSchema = z.union([indexedSessionSchemaV1, indexedSessionSchemaV2]);

/** What the index reads from a session file. */
export type IndexedSession = z.infer<typeof indexedSessionSchema>;

let compiledV1: typeof indexedSessionSchemaV1 | undefined;
let compiledV2: typeof indexedSessionSchemaV2 | undefined;

/**
 * The schema to check `count` session files with. zod compiles a schema into a fast validator, but
 * compiling it costs about as much as checking a hundred files without it: it is compiled only for
 * many files (the first run over existing sessions), once.
 */
export function indexedSessionChecker(count: number): SessionChecker {
  const many = count >= 100;
  const v1 = many ? (compiledV1 ??= z.compile(indexedSessionSchemaV1)) : indexedSessionSchemaV1;
  const v2 = many ? (compiledV2 ??= z.compile(indexedSessionSchemaV2)) : indexedSessionSchemaV2;
  // Each format's own schema, chosen by the file's `schema` number, so an error names the field at fault
  // (a union would only say that neither format fits).
  return {
    safeParse: (value) => {
      const format = value && typeof value === 'object' && 'schema' in value ? value.schema : undefined;
      return format === 2 ? v2.safeParse(value) : v1.safeParse(value);
    },
  };
}

/** Checks one parsed session file against the index's schema for its format. */
export interface SessionChecker {
  safeParse(value: unknown): { success: true; data: IndexedSession } | { success: false; error: { issues: ReadonlyArray<{ code: string; message: string; path: ReadonlyArray<PropertyKey>; expected?: unknown; values?: readonly unknown[] }> } };
}
