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
export function currentItemInfo(catalog: Catalog, sessions: readonly SessionSummary[], saved: ItemInfo): ItemInfo {
  const info: ItemInfo = {};
  const newestFirst = [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const prompts = new Set<string>();
  for (const session of newestFirst) {
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
