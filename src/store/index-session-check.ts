import { STAGE_IDS } from '../stages.js';
import type { IndexedSession } from './index-session-schema.js';

/**
 * A quick check that a parsed session file has what the index keeps, in the forms mlsd writes them: the
 * index reads a new session file with it before loading any schema (index-session-read.ts). It accepts a
 * file only if the index's schema (index-session-schema.ts) would: each rule here is that schema's rule
 * or a stricter one (times only in the form mlsd writes them, records with stage ids only), so a file it
 * refuses is not necessarily wrong; it is then checked with the schema itself, which also says what is
 * wrong. A test holds the two together.
 */

const STAGES = new Set<string>(STAGE_IDS);
const KINDS = new Set(['score', 'practice', 'interview']);
const LEVELS = new Set(['mid', 'senior', 'staff']);
const STATUSES = new Set(['active', 'interrupted', 'finished', 'timed-out']);
const ITEM_STATUSES = new Set(['covered', 'prompted', 'missed', 'negated']);
const VERDICTS = new Set(['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire']);
const ID = /^[0-9a-z][0-9a-z-]{0,63}$/;
const PROMPT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A time as mlsd writes it (Date#toISOString). */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Fields = Record<string, unknown>;

/** Whether `value` certainly passes the index's session schema (false: check it with the schema). */
export function surelyIndexedSession(value: unknown): value is IndexedSession {
  if (!isObject(value)) return false;
  const v = value;
  if (v.schema !== 1 && v.schema !== 2) return false;
  if (!(typeof v.id === 'string' && ID.test(v.id)) || !oneOf(v.kind, KINDS) || !isTime(v.createdAt)) return false;
  if (!(v.updatedAt === undefined || isTime(v.updatedAt))) return false;
  if (!(typeof v.prompt === 'string' && PROMPT.test(v.prompt)) || !oneOf(v.level, LEVELS)) return false;
  if (!(v.status === undefined || oneOf(v.status, STATUSES))) return false;
  if (!(v.report === undefined || isReport(v.report))) return false;
  if (!(v.candidate === undefined || typeof v.candidate === 'string')) return false;
  if (v.schema === 1) {
    return isAnswers(v.answers) && (v.interview === undefined || isClock(v.interview)) && (v.sheet === undefined || isClock(v.sheet));
  }
  if (!(v.answers === undefined || isAnswers(v.answers))) return false;
  if (v.practice !== undefined) {
    const p = v.practice;
    if (!isObject(p) || !isCount(p.durationMs) || !isCount(p.leftMs) || !allStages(p.budgets) || !Array.isArray(p.stages)) return false;
    for (const span of p.stages) {
      if (!isObject(span) || !oneOf(span.stage, STAGES) || !isCount(span.startedAtMs) || !(span.endedAtMs === null || isCount(span.endedAtMs))) return false;
    }
  }
  if (v.sheet !== undefined) {
    const s = v.sheet;
    if (!isObject(s) || !isCount(s.durationMs) || !isCount(s.leftMs) || !allStages(s.budgets) || !someStages(s.stageMs)) return false;
  }
  return true;
}

function isReport(value: unknown): boolean {
  if (!isObject(value) || !isNumber(value.overall) || !oneOf(value.verdict, VERDICTS) || !Array.isArray(value.stages)) return false;
  for (const stage of value.stages) {
    if (!isObject(stage) || !oneOf(stage.id, STAGES) || !isNumber(stage.score) || !Array.isArray(stage.items)) return false;
    for (const item of stage.items) {
      if (!isObject(item) || typeof item.id !== 'string' || typeof item.label !== 'string' || typeof item.hint !== 'string' || !oneOf(item.status, ITEM_STATUSES)) return false;
    }
  }
  return true;
}

function isAnswers(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.sections) || !(value.general === undefined || typeof value.general === 'string')) return false;
  return Object.entries(value.sections).every(([stage, text]) => STAGES.has(stage) && typeof text === 'string');
}

function isClock(value: unknown): boolean {
  return isObject(value) && typeof value.id === 'string' && oneOf(value.status, STATUSES) && isCount(value.usedMs) && isCount(value.durationMs) && someStages(value.stageMs) && allStages(value.budgets);
}

/** Every stage id and nothing else, each with a count (a record keyed by the stage enum). */
function allStages(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === STAGES.size && someStages(value);
}

/** Stage ids only, each with a count (a partial record keyed by the stage enum). */
function someStages(value: unknown): boolean {
  return isObject(value) && Object.entries(value).every(([stage, n]) => STAGES.has(stage) && isCount(n));
}

function isTime(value: unknown): boolean {
  if (typeof value !== 'string' || !UTC_TIME.test(value)) return false;
  const time = new Date(value);
  // A day or hour out of range moves the date: only a real time comes back the same.
  return !Number.isNaN(time.getTime()) && time.toISOString() === value;
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isCount(value: unknown): boolean {
  return isNumber(value) && value >= 0;
}

function oneOf(value: unknown, values: ReadonlySet<string>): boolean {
  return typeof value === 'string' && values.has(value);
}
