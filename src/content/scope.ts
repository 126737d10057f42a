import type { Catalog } from './catalog.js';
import type { Prompt, Rubric } from './schema.js';

/** Every prompt is scored against this rubric, then against its own. */
export const FRAMEWORK_RUBRIC = 'framework';

/**
 * The rubrics a prompt is scored against: the framework first, then its own, without the items the
 * prompt marks not applicable, so they are neither scored nor asked as follow-ups.
 */
export function rubricsFor(catalog: Catalog, prompt: Prompt): Rubric[] {
  const ids = [FRAMEWORK_RUBRIC, ...prompt.rubrics.filter((id) => id !== FRAMEWORK_RUBRIC)];
  const rubrics = ids.map((id) => catalog.rubrics.get(id)?.value).filter((r): r is Rubric => !!r);
  const skipped = new Set(prompt.notApplicable);
  if (skipped.size === 0) return rubrics;
  return rubrics.map((r) => ({ ...r, items: r.items.filter((i) => !skipped.has(i.id)) }));
}

