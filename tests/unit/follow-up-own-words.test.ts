import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/catalog.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { builtinCatalog } from '../helpers/builtin.js';

// Tryout 11, 2: any statement of six words given to a follow-up earned the item asked about (needed
// prompting) and was quoted as its evidence, whatever it said: "We keep training and serving features
// consistent with a feature store." answered the loss-function follow-up and earned Loss function. An answer
// in the candidate's own words earns the item when it shares a word specific to the item, or when it covers
// no other item; an answer plainly about another item earns that item only.

const prompt = builtinCatalog.prompts.get('fraud-detection')!.value;
const scope = compileRubrics(rubricsFor(builtinCatalog, prompt));

/** The status of `asked` and of every item, after a stage answer and one follow-up answer to `asked`. */
function afterFollowUp(asked: string, answer: string): Map<string, string> {
  const report = scoreAnswers({
    prompt,
    scope,
    answers: { sections: { model: 'We train a model.' }, followUps: [{ stage: 'model', itemId: asked, text: answer }] },
    level: 'senior',
  });
  return new Map(report.stages.flatMap((s) => s.items).map((i) => [i.id, i.status]));
}

describe('a follow-up answer in the candidate\'s own words', () => {
  it.each([
    ['loss-function', 'We keep training and serving features consistent with a feature store.'],
    ['class-imbalance', 'We use gradient boosted trees because they work well on tabular data; logistic regression as a baseline.'],
    ['offline-metrics', 'We keep training and serving features consistent with a feature store.'],
    ['drift', 'We start with gradient boosted trees, and logistic regression is the baseline to beat.'],
  ])('about another item earns nothing for the item asked about (%s)', (asked, answer) => {
    const statuses = afterFollowUp(asked, answer);
    expect(statuses.get(asked)).toBe('missed');
    // It still earns what it does cover, at the follow-up's credit.
    expect([...statuses.values()]).toContain('prompted');
  });

  it.each([
    ['loss-function', 'I would weight the rare class more heavily in a binary cross-entropy style objective.'],
    ['loss-function', 'Something that punishes getting the rare class wrong far more, with per-class weights on the log likelihood.'],
    ['drift', 'Every week we compare this week\'s inputs with the training window and alert when they move apart.'],
    ['retraining', 'Every Sunday a job fits a fresh copy on the last four weeks and we swap it in if it wins.'],
    ['baseline', 'The current rules engine is the reference point that gradient boosted trees must clearly beat before we switch.'],
  ])('about the item itself still earns it (%s: %s)', (asked, answer) => {
    expect(afterFollowUp(asked, answer).get(asked)).toBe('prompted');
  });

  it('that says nothing still earns nothing', () => {
    expect(afterFollowUp('loss-function', "I don't know, I have not thought about that part yet.").get('loss-function')).toBe('missed');
    expect(afterFollowUp('loss-function', 'Yes, that one.').get('loss-function')).toBe('missed');
  });
});
