import { describe, expect, it } from 'vitest';
import { flagCases, statusOf, type Case } from '../helpers/stage-cases.js';

// Tryout 8 (F16, F22, F27): negations that describe or insist read as ruling the item out.

describe('a dismissal that is itself turned down insists on the thing', () => {
  const insists: Case[] = [
    ['fraud-detection', 'Evaluation', 'Skipping the A/B test is not an option; we ship only after a two-week A/B test.'],
    ['fraud-detection', 'Evaluation', 'Skipping the A/B test would be a mistake, so every model goes through one.'],
    ['video-recommendation', 'Evaluation', 'Skipping the A/B test is never acceptable for a ranking change.'],
    ['news-feed', 'Evaluation', 'Dropping the A/B test to save two weeks is risky.'],
  ];
  it.each(insists)('A/B test covered, no launch flag: %s / %s / %s', (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, 'ab-test')).toBe('covered');
  });
  flagCases('offline-only-launch', [
    ['fraud-detection', 'Evaluation', 'We skip the A/B test and ship on offline AUC.'],
    ['fraud-detection', 'Evaluation', 'Skipping the A/B test does not hurt; offline AUC is enough.'],
    ['fraud-detection', 'Evaluation', 'We skip the A/B test because it is not needed.'],
  ], insists);
  it('a dismissal judged harmless or unneeded still rules the item out', () => {
    expect(statusOf('fraud-detection', 'Evaluation', 'Skipping the A/B test is fine here since offline AUC is high.', 'ab-test')).toBe('negated');
    expect(statusOf('news-feed', 'Monitoring', 'Ignoring drift is not a concern for us.', 'drift')).toBe('negated');
  });
});

describe('a negation that defines or describes a set refuses nothing', () => {
  const covered: Array<[...Case, string]> = [
    ['ad-click-prediction', 'Data', 'Negatives are impressions that were not clicked within 1 h.', 'click-label-window'],
    ['ad-click-prediction', 'Data', 'Negatives: impressions not clicked within an hour.', 'click-label-window'],
    ['ad-click-prediction', 'Data', 'An attribution window avoids late clicks being counted as negatives.', 'click-label-window'],
    ['harmful-content-detection', 'Serving', 'Anything the model is not confident about goes to human review instead of being removed automatically.', 'enforcement-tiers'],
    ['harmful-content-detection', 'Model', 'Not every language has enough labelled data, so we use a multilingual transformer like XLM-R.', 'data-availability'],
  ];
  it.each(covered)('covered: %s / %s / %s (%s)', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('covered');
  });
  const refused: Array<[...Case, string]> = [
    ['news-feed', 'Serving', 'We do not use a feature store; features are computed on the fly.', 'feature-store'],
    ['news-feed', 'Serving', 'This design avoids a feature store.', 'feature-store'],
    ['news-feed', 'Serving', 'We avoid a feature store.', 'feature-store'],
    ['fraud-detection', 'Evaluation', 'We do not run an A/B test.', 'ab-test'],
    ['fraud-detection', 'Serving', "We don't need a feature store.", 'feature-store'],
  ];
  it.each(refused)('still ruled out: %s / %s / %s (%s)', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('negated');
  });
});

// Tryout 9 (1, 2): "X is not an option" turns X down; "we don't do X" states the design's practice.
describe('an option turned down is ruled out, and a practice stated with a subject can raise its flag', () => {
  const refused: Array<[...Case, string]> = [
    ['ad-click-prediction', 'Evaluation', 'An A/B test is not an option.', 'ab-test'],
    ['ad-click-prediction', 'Model', 'A baseline is not an option, we go straight to deep learning.', 'baseline'],
    ['ad-click-prediction', 'Model', 'Calibration is not possible for us.', 'calibration'],
    ['news-feed', 'Serving', 'A feature store is not allowed here.', 'feature-store'],
  ];
  it.each(refused)('ruled out: %s / %s / %s (%s)', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('negated');
  });
  it('a dismissal turned down the same way still insists', () => {
    expect(statusOf('fraud-detection', 'Evaluation', 'Skipping the A/B test is not acceptable.', 'ab-test')).toBe('covered');
  });
  flagCases('offline-only-launch', [
    ['ad-click-prediction', 'Evaluation', 'An A/B test is not an option here, we ship on offline AUC.'],
    ['ad-click-prediction', 'Evaluation', "We don't do an A/B test, we ship when offline AUC improves."],
    ['fraud-detection', 'Evaluation', "We don't do an A/B test."],
    ['video-recommendation', 'Evaluation', 'We never do an A/B test.'],
  ], [
    ['ad-click-prediction', 'Evaluation', 'We do not ship on offline AUC alone; an A/B test decides.'],
    ['ad-click-prediction', 'Evaluation', "Don't do a launch on offline AUC alone: run an A/B test first."],
  ]);
});
