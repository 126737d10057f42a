import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/scope.js';
import { PROBLEM_TYPES, type ProblemType } from '../../src/content/schema.js';
import { builtinCatalog, scoreBuiltin } from '../helpers/builtin.js';

// Hints and follow-ups fit the prompt's problem type: a regression is not asked about positive and
// negative labels nor told to start from a popularity ranking. What would not fit, per type:
const UNFIT: Record<ProblemType, RegExp[]> = {
  classification: [],
  ranking: [/positives are about 1%/i],
  regression: [/positive and negative/i, /positive means/i, /popularity ranking/i, /class imbalance/i, /pr auc/i, /binary cross-entropy/i, /positives are/i],
  retrieval: [/positives are about 1%/i, /popularity ranking/i, /binary cross-entropy on click/i],
  detection: [/popularity ranking/i, /positive means clicked/i, /click labels/i],
  generation: [/positive and negative labels/i, /popularity ranking/i, /binary cross-entropy on click/i, /positives are about 1%/i],
};

const prompts = [...builtinCatalog.prompts.values()].map((e) => e.value);

describe('every built-in prompt', () => {
  it('names its problem type', () => {
    for (const prompt of prompts) expect(PROBLEM_TYPES, prompt.id).toContain(prompt.problemType);
  });
});

describe.each(prompts.map((p) => [p.id, p] as const))('%s', (_id, prompt) => {
  const type = prompt.problemType!;
  const items = rubricsFor(builtinCatalog, prompt).flatMap((r) => r.items);

  it('asks follow-ups and gives hints that fit its problem type', () => {
    // Every item a follow-up could be asked about (practice asks the heaviest missed ones).
    for (const item of items) {
      for (const pattern of UNFIT[type]) {
        expect(`${item.id}: ${item.followUp}`, `${prompt.id} (${type})`).not.toMatch(pattern);
        expect(`${item.id}: ${item.hint}`, `${prompt.id} (${type})`).not.toMatch(pattern);
      }
    }
  });

  it('suggests next steps that fit its problem type, for an answer that says almost nothing', () => {
    const report = scoreBuiltin(prompt.id, '## Clarify\nWhat is the goal?\n');
    expect(report.nextSteps!.length).toBeGreaterThanOrEqual(2);
    for (const step of report.nextSteps!) for (const pattern of UNFIT[type]) expect(step.advice, `${prompt.id}: ${step.id}`).not.toMatch(pattern);
  });
});

describe('search ranking', () => {
  it('does not make class imbalance its second thing to work on', () => {
    const report = scoreBuiltin('search-ranking', '## Clarify\nWhat is the goal?\n');
    expect(report.nextSteps![1]!.id).not.toBe('class-imbalance');
  });
});

describe('items restricted to problem types', () => {
  it('drops class imbalance where it does not apply, and words it for ranking where it does', () => {
    const eta = rubricsFor(builtinCatalog, builtinCatalog.prompts.get('eta-prediction')!.value).flatMap((r) => r.items);
    expect(eta.some((i) => i.id === 'class-imbalance')).toBe(false);
    const search = rubricsFor(builtinCatalog, builtinCatalog.prompts.get('search-ranking')!.value).flatMap((r) => r.items);
    expect(search.find((i) => i.id === 'class-imbalance')!.followUp).toMatch(/no engagement/);
  });
});
