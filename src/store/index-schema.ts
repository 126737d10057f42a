import * as z from 'zod/mini';
import type { CandidateLevel, Verdict } from '../scoring/report.js';
import type { SessionRecord, SessionStatus } from './session-record.js';

/**
 * The lines of the session index (sessions.index.jsonl), one JSON value per line. An index whose last
 * line (the seal, index-seal.ts) holds the SHA-256 of everything before it is exactly as mlsd wrote it,
 * and is read without these schemas (index-read.ts); any other index is checked line by line with them
 * (index-validate.ts) and written again, sealed. The row schema is compiled by zod into a fast validator
 * when the index is large; compiling costs more than it saves for a few hundred rows, or for the other
 * lines, which are few. Bundled with the part of zod they use at build time, so checking the index does
 * not load all of zod. Bump INDEX_FORMAT whenever a line's shape or meaning changes: an index of another
 * format is rebuilt from the session files (format 4, the same lines without the seal, is checked and sealed).
 */
export const INDEX_FORMAT = 5;

/** The formats read: this one and format 4, whose lines are this format's without a seal. */
export const READ_FORMATS = [4, INDEX_FORMAT] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const LEVELS = ['mid', 'senior', 'staff'] as const;
const KINDS = ['score', 'practice', 'interview'] as const;
const STATUSES = ['active', 'interrupted', 'finished', 'timed-out'] as const;
const VERDICTS = ['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire'] as const;
// These lists must be the types' exact values: when a type gains a value, this stops compiling.
const exact: [
  Same<(typeof LEVELS)[number], CandidateLevel>,
  Same<(typeof KINDS)[number], SessionRecord['kind']>,
  Same<(typeof STATUSES)[number], SessionStatus>,
  Same<(typeof VERDICTS)[number], Verdict>,
] = [true, true, true, true];
void exact;

const count = z.number().check(z.int(), z.nonnegative());
const maybe = z.nullable(z.number());
/** Seven values in stage order (docs/architecture.md, Contracts) separated by spaces, "-" for a stage without one: "81 100 - 84 76 92 74". */
const perStage = z.string().check(z.regex(/^(?:-|\d+(?:\.\d+)?)(?: (?:-|\d+(?:\.\d+)?)){6}$/));

/** The first line. */
export const headerSchema = z.strictObject({ index: z.literal('mlsd-sessions'), format: z.union([z.literal(READ_FORMATS[0]), z.literal(READ_FORMATS[1])]) });

/**
 * One session, by position (see Row). The first fields hold no character that JSON escapes, no comma
 * and no quote (session ids, ISO times, prompt ids, enums, numbers), so a sealed row can be read a field
 * at a time without parsing it whole (index-read.ts).
 */
export const rowSchema = z.tuple([
  z.string().check(z.regex(/^[0-9a-z][0-9a-z-]{0,63}\.json$/)), // 0 file name: the id and .json
  count, // 1 size
  z.number(), // 2 mtimeMs
  z.string().check(z.regex(/^[0-9a-z][0-9a-z-]{0,63}$/)), // 3 id
  z.string().check(z.regex(/^[0-9T:.+-]+Z?$/)), // 4 createdAt (an ISO 8601 time)
  z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)), // 5 prompt
  z.enum(LEVELS), // 6 level
  z.enum(KINDS), // 7 kind
  z.enum(STATUSES), // 8 status
  maybe, // 9 overall
  z.nullable(z.enum(VERDICTS)), // 10 verdict
  maybe, // 11 usedMs
  maybe, // 12 durationMs
  perStage, // 13 stage scores
  z.nullable(perStage), // 14 stage times
  z.nullable(perStage), // 15 stage budgets
  z.nullable(count), // 16 item set (index of its set line), null when the session has no report
  z.string().check(z.regex(/^(?:\d+[mpn](?: \d+[mpn])*)?$/)), // 17 items not covered: "3m 5p 9n" (missed, prompted, negated), by position in the set
  z.nullable(z.string()), // 18 reserved (always null; the kind says how a session was run)
  z.nullable(z.string()), // 19 candidate
]);

let compiledRows: typeof rowSchema | undefined;

/** The row schema for an index file of `bytes` bytes: compiled once (by zod) when the index holds more than about 800 rows. */
export function rowChecker(bytes: number): typeof rowSchema {
  return bytes < 300_000 ? rowSchema : (compiledRows ??= z.compile(rowSchema));
}

/** The items of one rubric set, in report order, written once and shared by every session that had it. */
export const setSchema = z.strictObject({ set: count, items: z.array(z.tuple([z.string(), z.string(), z.string()])) });

/** A session file that is gone. */
export const goneSchema = z.strictObject({ gone: z.string() });

/** A file that is not a readable session, remembered by size and time so it is not read again until it changes. */
export const badSchema = z.strictObject({ bad: z.string(), size: count, mtimeMs: z.number(), reason: z.string() });

export type Header = z.infer<typeof headerSchema>;
export type Row = z.infer<typeof rowSchema>;
export type SetLine = z.infer<typeof setSchema>;
export type GoneLine = z.infer<typeof goneSchema>;
export type BadLine = z.infer<typeof badSchema>;
