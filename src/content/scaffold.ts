import { Document, isMap, isScalar } from 'yaml';
import type { Prompt, Rubric } from './schema.js';

/**
 * Commented YAML for a new prompt or rubric, from what `mlsd prompts new` / `rubrics new` asked.
 * The first line points editors at the JSON Schema, so fields complete and check as the user types.
 */

export type PromptDraft = Pick<Prompt, 'id' | 'title' | 'prompt' | 'tags' | 'difficulty' | 'problemType' | 'rubrics' | 'clarifications' | 'outline'>;
export type RubricDraft = Pick<Rubric, 'id' | 'title' | 'items'> & { description?: string; redFlags?: Rubric['redFlags'] };

const PROMPT_COMMENTS: Record<string, string> = {
  prompt: ' What the interviewer says to open: vague on purpose.',
  tags: ' `mlsd practice --tag <tag>` picks among prompts with a tag. Tags are kebab-case ids.',
  problemType: ' What the model predicts; rubric items and hints that fit another kind are left out.',
  rubrics: ' Domain rubrics (rubrics/<id>.yaml); the framework rubric is always applied.',
  clarifications: ' What the interviewer reveals when a question contains one of the patterns.',
  outline: ' A strong answer, point by point, shown after a practice session.',
};

const RUBRIC_COMMENTS: Record<string, string> = {
  items: ' Each item: what a strong answer says, how to detect it (phrases), and what to tell the candidate.',
  redFlags: ' Mistakes: any phrase said affirmatively raises the flag, unless an `unless` phrase or item clears it.',
};

export function promptYaml(draft: PromptDraft, schemaUrl: string): string {
  return render(draft, schemaUrl, `Prompt "${draft.id}" for mlsd. Check it with: mlsd prompts validate <this file>`, PROMPT_COMMENTS);
}

export function rubricYaml(draft: RubricDraft, schemaUrl: string): string {
  const clean = { ...draft, redFlags: draft.redFlags ?? [] };
  if (!clean.description) delete clean.description;
  return render(clean, schemaUrl, `Rubric "${draft.id}" for mlsd. Check it with: mlsd rubrics validate <this file>`, RUBRIC_COMMENTS);
}

function render(value: object, schemaUrl: string, title: string, comments: Record<string, string>): string {
  const doc = new Document(value);
  doc.commentBefore = ` yaml-language-server: $schema=${schemaUrl}\n\n ${title}`;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && comments[pair.key.value]) {
        pair.key.commentBefore = comments[pair.key.value];
        pair.key.spaceBefore = true;
      }
    }
  }
  return doc.toString({ lineWidth: 100 });
}

/** A comma-separated list of short terms (tags, phrases, patterns): "a, b , c" → ["a", "b", "c"]; empty entries dropped. */
export function splitList(text: string): string[] {
  return splitOn(text, ',');
}

/**
 * Sentences separated by semicolons (outline points), which may themselves contain commas:
 * "Ask the goal, then the scale; Predict x" → ["Ask the goal, then the scale", "Predict x"].
 */
export function splitPoints(text: string): string[] {
  return splitOn(text, ';');
}

function splitOn(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Content ids: lowercase letters and digits in dash-separated words, e.g. `fraud-detection`. */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The kebab-case id closest to what was typed, to suggest when it is not one: "Spam Filter" → "spam-filter",
 * "Ad_Click  Prediction!" → "ad-click-prediction". Letters outside a-z are folded (é → e) or dropped.
 * Returns "" when nothing usable is left.
 */
export function toKebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-');
}
