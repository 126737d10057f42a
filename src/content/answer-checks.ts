import type { z } from 'zod';
import { KEBAB, toKebab } from './scaffold.js';

/**
 * Checks of single answers typed at `prompts new` / `rubrics new`, against the very schema field the written
 * file will be read with (content/schema.ts), so an answer the file would reject is asked again with the
 * reason, while the user still has it in mind. Each check returns true, or the message to show. Pure.
 */
export type AnswerCheck = (value: string) => true | string;

/** The first problem the schema field finds in a value, in the schema's own words; true when there is none. */
export function fieldProblem(schema: z.ZodType, value: unknown): true | string {
  const result = schema.safeParse(value);
  if (result.success) return true;
  const issue = result.error.issues[0];
  return issue ? issue.message : 'not a valid value';
}

/**
 * A text answer checked against a string field: the answer as typed (trimmed), e.g. a title that is only
 * spaces gives "a title must not be empty".
 */
export function textAnswer(schema: z.ZodType): AnswerCheck {
  return (value) => fieldProblem(schema, value.trim());
}

/**
 * A list answered as one line, split by `split` (commas, or semicolons for outline points), checked against
 * a list field. The entry the schema rejects is named with the schema's reason and, when turning every entry
 * into kebab-case makes the list valid, the whole answer as it should be typed: 'tag "Classification":
 * expected a kebab-case id such as "cold-start"; type: finance, classification'. `optional`: an empty answer
 * is fine (the field has a default). `separator`: what joins entries in the suggestion (", " or "; ").
 */
export function listAnswer(schema: z.ZodType, split: (text: string) => string[], what: string, options: { optional?: boolean; separator?: string } = {}): AnswerCheck {
  const separator = options.separator ?? ', ';
  return (value) => {
    const entries = split(value);
    if (entries.length === 0) return options.optional ? true : `give at least one ${what}, separated by "${separator.trim()}"`;
    const result = schema.safeParse(entries);
    if (result.success) return true;
    const issue = result.error.issues[0];
    if (!issue) return 'not a valid value';
    const index = issue.path[0];
    if (typeof index !== 'number' || entries[index] === undefined) return issue.message;
    const fixed = entries.map((e) => (KEBAB.test(e) ? e : toKebab(e)));
    const fixable = fixed.every(Boolean) && schema.safeParse(fixed).success;
    return `${what} "${entries[index]}": ${issue.message}${fixable ? `; type: ${fixed.join(separator)}` : ''}`;
  };
}

/** Several checks of one answer, the first problem found. */
export function allOf(...checks: AnswerCheck[]): AnswerCheck {
  return (value) => {
    for (const check of checks) {
      const result = check(value);
      if (result !== true) return result;
    }
    return true;
  };
}

/** An id not already given earlier in the same file ("duplicate topic"), which the catalog rejects. */
export function notTaken(taken: readonly string[], what: string): AnswerCheck {
  return (value) => (taken.includes(value.trim()) ? `${what} "${value.trim()}" is given already; each must be different` : true);
}

/**
 * Domain rubrics chosen together for one prompt, checked as the catalog checks the prompt: no item id may
 * be in two of them (nor in the framework rubric, whose items are `frameworkItems`). `itemsOf` gives a
 * rubric's item ids. True, or the first clash in the catalog's words.
 */
export function rubricsTogether(chosen: readonly string[], itemsOf: (id: string) => readonly string[], frameworkItems: readonly string[], framework = 'framework'): true | string {
  const owner = new Map<string, string>(frameworkItems.map((id) => [id, framework]));
  for (const rubric of chosen) {
    for (const item of itemsOf(rubric)) {
      const other = owner.get(item);
      if (other && other !== rubric) return `rubric "${rubric}" has item "${item}", which rubric "${other}" also has; item ids must be unique within a prompt: leave one of them out`;
      owner.set(item, rubric);
    }
  }
  return true;
}
