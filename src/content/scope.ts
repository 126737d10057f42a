import type { ProblemType, Prompt, Rubric, RubricItem } from './schema.js';

/** Every prompt is scored against this rubric, then against its own. */
export const FRAMEWORK_RUBRIC = 'framework';

/** Where rubrics are found by id: a `Catalog` (catalog.ts) is one. */
export interface RubricSource {
  rubrics: ReadonlyMap<string, { value: Rubric }>;
}

/**
 * The rubrics a prompt is scored against: the framework first, then its own, without the items the
 * prompt marks not applicable or that do not apply to its problem type, so they are neither scored
 * nor asked as follow-ups; items worded for the prompt's problem type carry that wording.
 */
export function rubricsFor(catalog: RubricSource, prompt: Prompt): Rubric[] {
  const ids = [FRAMEWORK_RUBRIC, ...prompt.rubrics.filter((id) => id !== FRAMEWORK_RUBRIC)];
  const rubrics = ids.map((id) => catalog.rubrics.get(id)?.value).filter((r): r is Rubric => !!r);
  const skipped = new Set(prompt.notApplicable);
  const type = prompt.problemType;
  if (skipped.size === 0 && !type) return rubrics;
  return rubrics.map((r) => ({ ...r, items: r.items.filter((i) => !skipped.has(i.id) && applies(i, type)).map((i) => worded(i, type)) }));
}

function applies(item: RubricItem, type: ProblemType | undefined): boolean {
  return !type || !item.problemTypes || item.problemTypes.includes(type);
}

function worded(item: RubricItem, type: ProblemType | undefined): RubricItem {
  const wording = type ? item.byProblemType?.[type] : undefined;
  return wording ? { ...item, ...wording } : item;
}

