import { expect, it } from 'vitest';
import type { ScoreReport } from '../../src/scoring/report.js';
import { scoreBuiltin } from './builtin.js';

/**
 * Table-driven checks of how one sentence reads, for the tests of misread kinds (flag-assertion,
 * comparisons-bounds): the sentence is scored alone under a heading that names its stage.
 */

/** One case: a built-in prompt's id, a stage heading, and the sentence under it. */
export type Case = [prompt: string, stage: string, text: string];

/** The report of `text` alone under `## stage`, scored against built-in prompt `prompt`. */
export const report = (prompt: string, stage: string, text: string): ScoreReport => scoreBuiltin(prompt, `## ${stage}\n${text}\n`);
/** The ids of the red flags the sentence raises. */
export const flagsOf = (prompt: string, stage: string, text: string): string[] => report(prompt, stage, text).redFlags.map((f) => f.id);
/** The status (covered, negated, missed…) of item `item` after the sentence. */
export const statusOf = (prompt: string, stage: string, text: string, item: string): string | undefined =>
  report(prompt, stage, text)
    .stages.flatMap((s) => s.items)
    .find((i) => i.id === item)?.status;

/** One test per case: flag `flag` is raised on every case of `fires` and on none of `quiet`. */
export function flagCases(flag: string, fires: Case[], quiet: Case[]): void {
  it.each(fires)(`${flag} fires on %s: %s / %s`, (prompt, stage, text) => {
    expect(flagsOf(prompt, stage, text)).toContain(flag);
  });
  it.each(quiet)(`${flag} stays quiet on %s: %s / %s`, (prompt, stage, text) => {
    expect(flagsOf(prompt, stage, text)).not.toContain(flag);
  });
}

/** One test per case: item `item` has status `status` after each sentence of `cases`. */
export function itemCases(item: string, status: string, cases: Case[]): void {
  it.each(cases)(`${item} is ${status} on %s: %s / %s`, (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, item)).toBe(status);
  });
}
