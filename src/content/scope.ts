import type { Catalog } from './catalog.js';
import type { Prompt, Rubric } from './schema.js';

/** Every prompt is scored against this rubric, then against its own. */
export const FRAMEWORK_RUBRIC = 'framework';

/** The rubrics a prompt is scored against: the framework first, then its own. */
export function rubricsFor(catalog: Catalog, prompt: Prompt): Rubric[] {
  const ids = [FRAMEWORK_RUBRIC, ...prompt.rubrics.filter((id) => id !== FRAMEWORK_RUBRIC)];
  return ids.map((id) => catalog.rubrics.get(id)?.value).filter((r): r is Rubric => !!r);
}

