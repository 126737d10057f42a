import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/scope.js';
import { STAGES, type StageId } from '../../src/stages.js';
import { builtinCatalog, scoreBuiltin } from '../helpers/builtin.js';

/**
 * mlsd's own advice, written by a candidate as their answer, must not be punished (tryout 11, findings 5, 6, 10):
 * every hint an item shows for a built-in prompt (as that prompt's problem type words it) and every point of the
 * prompt's reference outline is scored as one sentence under its stage's heading, and raises no red flag. An
 * outline point also earns at least one item: it is what a strong answer says.
 */

/**
 * Hints that name a mistake on purpose, as `prompt/item`, with the flags they may raise and why. Keep it short:
 * a hint that trips a flag by accident is fixed (the flag, or the hint's wording), not listed here.
 */
const ALLOWED: Record<string, { flags: string[]; why: string }> = {};

/**
 * Hints and outline points (`prompt/item`, or `prompt outline <stage> <n>`) found to raise a flag and not fixed
 * yet, with the flag each raises. Debt, not a decision: fix the flag's misreading (or the advice, when the advice
 * is off for the prompt) and remove the entry. An entry fixed elsewhere is harmless until then.
 */
const PENDING: Record<string, string[]> = {};

/**
 * Outline points that earn no item yet (tryout 11 scan: 57; 48 once the flags that blocked some were fixed; 33 once
 * notes and own words were read as kinds: coverage-notes-own-words.test.ts; 34 after merging the other
 * reading changes of that round: ETA's "Watch for feedback from the estimate itself, since the
 * promised time influences what people order" had earned the ML objective, a wrong credit,
 * and earns nothing now, though it states a feedback loop). A strong answer's point should be credited for
 * something; the rest are coverage gaps, or points no item names. The ceiling only goes down.
 */
const UNEARNED_OUTLINE_POINTS_AT_MOST = 34;

const title = new Map<StageId, string>(STAGES.map((s) => [s.id, s.title]));
/** The list-of-terms flag judges an answer's form, not its words: a one-line hint may read as a bare list. */
const LIST_FLAG = builtinCatalog.rubrics.get('framework')!.value.listFlag?.id;

const prompts = [...builtinCatalog.prompts.values()].map((p) => p.value);

interface Advice {
  prompt: string;
  key: string;
  stage: StageId;
  text: string;
}

const hints: Advice[] = prompts.flatMap((prompt) =>
  rubricsFor(builtinCatalog, prompt).flatMap((rubric) => rubric.items.map((item) => ({ prompt: prompt.id, key: `${rubric.id}/${item.id}`, stage: item.stage, text: item.hint }))),
);
const outline: Advice[] = prompts.flatMap((prompt) =>
  STAGES.flatMap((stage) => prompt.outline[stage.id].map((point, i) => ({ prompt: prompt.id, key: `outline ${stage.id} ${i + 1}`, stage: stage.id, text: point }))),
);

const flagsOf = ({ prompt, stage, text }: Advice): string[] =>
  scoreBuiltin(prompt, `## ${title.get(stage)}\n${text}\n`)
    .redFlags.map((f) => f.id)
    .filter((id) => id !== LIST_FLAG);

describe("a candidate who writes mlsd's own advice as their answer raises no red flag", () => {
  it('every built-in prompt has hints and an outline to check', () => {
    expect(new Set(hints.map((h) => h.prompt)).size).toBe(prompts.length);
    expect(new Set(outline.map((h) => h.prompt)).size).toBe(prompts.length);
  });

  it('the allow list names only hints that exist', () => {
    const keys = new Set(hints.map((h) => `${h.prompt}/${h.key.split('/')[1]}`));
    expect(Object.keys(ALLOWED).filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(prompts.map((p) => [p.id] as const))('%s: no hint, written as the answer, raises a red flag', (id) => {
    const raised = hints
      .filter((h) => h.prompt === id)
      .map((h) => {
        const key = `${id}/${h.key.split('/')[1]}`;
        const allowed = [...(ALLOWED[key]?.flags ?? []), ...(PENDING[key] ?? [])];
        return { hint: h.key, flags: flagsOf(h).filter((f) => !allowed.includes(f)), text: h.text };
      })
      .filter((r) => r.flags.length > 0);
    expect(raised).toEqual([]);
  });

  it.each(prompts.map((p) => [p.id] as const))('%s: no reference outline point raises a red flag', (id) => {
    const raised = outline
      .filter((o) => o.prompt === id)
      .map((o) => ({ point: `${id} ${o.key}`, flags: flagsOf(o).filter((f) => !(PENDING[`${id} ${o.key}`] ?? []).includes(f)), text: o.text }))
      .filter((r) => r.flags.length > 0);
    expect(raised).toEqual([]);
  });

  it('outline points earn an item (no more unearned points than the ceiling)', () => {
    const unearned = outline.filter((o) => !scoreBuiltin(o.prompt, `## ${title.get(o.stage)}\n${o.text}\n`).stages.some((s) => s.items.some((i) => i.status === 'covered')));
    expect(unearned.length).toBeLessThanOrEqual(UNEARNED_OUTLINE_POINTS_AT_MOST);
  });
});
