import type { Catalog } from '../content/catalog.js';
import { rubricsFor } from '../content/scope.js';
import type { ItemInfo, SessionSummary } from '../store/summary.js';

/**
 * Labels and hints of checklist items as the rubrics word them now, by item id, for `stats`: a
 * session's report keeps the wording of the day it was scored, which goes stale when a rubric is
 * edited. Each item takes the wording for the prompt of the most recent session that had it (an
 * item may be worded for the prompt's problem type), else its rubric's own wording; an item no
 * installed rubric has any more keeps what its sessions saved. Pure.
 */
export function currentItemInfo(catalog: Catalog, sessions: readonly SessionSummary[], saved: ItemInfo, known?: KnownOrder): ItemInfo {
  const info: ItemInfo = {};
  const newestFirst = known?.inOrder || inTimeOrder(sessions) ? sessions : [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const prompts = new Set<string>();
  for (const session of newestFirst) {
    if (known && prompts.size === known.prompts.size) break; // every prompt has been seen
    if (prompts.has(session.prompt)) continue;
    prompts.add(session.prompt);
    const prompt = catalog.prompts.get(session.prompt)?.value;
    if (!prompt) continue;
    for (const rubric of rubricsFor(catalog, prompt)) for (const item of rubric.items) info[item.id] ??= { label: item.label, hint: item.hint };
  }
  for (const { value: rubric } of catalog.rubrics.values()) for (const item of rubric.items) info[item.id] ??= { label: item.label, hint: item.hint };
  for (const [id, wording] of Object.entries(saved)) info[id] ??= wording;
  return info;
}

/**
 * What the caller knows of `sessions` (the session index keeps it): that they are newest first by
 * `localeCompare` of their times already, and which prompts they have, so the pass stops once each has
 * been seen.
 */
export interface KnownOrder {
  inOrder: boolean;
  prompts: ReadonlySet<string>;
}

/** An ISO 8601 time in UTC as mlsd writes it: its digits in fixed places, so comparing code units compares times. */
const UTC_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z$/;

/**
 * Whether the sessions are already newest first by `localeCompare` of their times, so that sorting them
 * (stably) would leave them as they are: true when every time has the same length and form (digits in the
 * same places, where locale order is digit order) and they never increase. Lists from the session index
 * are; checking costs one pass instead of a sort with a locale comparison per step.
 */
function inTimeOrder(sessions: readonly SessionSummary[]): boolean {
  const first = sessions[0]?.createdAt;
  if (first === undefined) return true;
  let previous = first;
  for (const session of sessions) {
    const time = session.createdAt;
    if (time.length !== first.length || time > previous || !UTC_TIME.test(time)) return false;
    previous = time;
  }
  return true;
}
