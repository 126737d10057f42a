import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/reading/tokens.js';
import { negationOf } from '../../src/scoring/negation.js';
import { constraintWithout } from '../../src/scoring/without-constraint.js';
import { flagCases, itemCases } from '../helpers/stage-cases.js';

// Tryout 12: "A without B", where A is an objective and B a harm, states a constraint and covers B's item;
// a real absence ("we ship without an A/B test") stays one.

describe('a harm named after "without" in an objective is covered, not ruled out', () => {
  itemCases('customer-friction', 'covered', [
    ['fraud-detection', 'Clarify', 'Goal: fewer chargebacks w/o false declines.'],
    ['fraud-detection', 'Clarify', 'The aim is to block more stolen cards without annoying legitimate cardholders.'],
    ['fraud-detection', 'Clarify', 'We want to cut fraud losses without hurting conversion of honest buyers.'],
  ]);
  itemCases('disable-negative-labels', 'covered', [
    ['notification-ranking', 'Clarify', 'Goal: more weekly active users w/o pushing people to turn off notifications.'],
    ['notification-ranking', 'Clarify', 'The objective is to bring lapsed users back without causing people to disable push.'],
  ]);
  itemCases('guardrail-metrics', 'covered', [
    ['visual-search', 'Evaluation', 'We ship only if saves go up without hurting latency or report rates.'],
    ['video-recommendation', 'Clarify', 'We want to grow watch time without increasing the dislike rate.'],
  ]);
});

describe('a real absence after "without" stays ruled out', () => {
  itemCases('ab-test', 'negated', [
    ['fraud-detection', 'Evaluation', 'We ship the new model without an A/B test.'],
    ['fraud-detection', 'Evaluation', 'We want to lower losses without an online experiment.'],
    ['search-ranking', 'Evaluation', 'We want to launch quickly, without making an A/B test first.'],
  ]);
  itemCases('feature-store', 'negated', [['news-feed', 'Model', 'We want to launch without a feature store.']]);
  itemCases('calibration', 'negated', [['ad-click-prediction', 'Model', 'We train without calibration to keep it simple.']]);
  itemCases('guardrail-metrics', 'negated', [['notification-ranking', 'Evaluation', 'We launch without any guardrail metrics.']]);
});

describe('a counter-metric kept from harm by "without" is a counter-metric', () => {
  flagCases('engagement-without-guardrails', [
    ['news-feed', 'Clarify', 'The goal is to maximize time spent in the app.'],
    ['video-recommendation', 'Frame', 'We maximize watch time, without any cap or penalty.'],
    ['news-feed', 'Frame', 'Maximize engagement without caring about anything else.'],
    ['notification-ranking', 'Clarify', 'We want to maximize clicks without a second metric.'],
  ], [
    ['news-feed', 'Frame', 'Maximize engagement without increasing hides and reports.'],
    ['video-recommendation', 'Clarify', 'We want to grow watch time without increasing the dislike rate.'],
    ['news-feed', 'Clarify', 'The aim is more time spent per visit without driving up the hide rate.'],
    ['news-feed', 'Clarify', 'We want to maximize engagement without raising unfollows.'],
  ]);
});

describe('constraintWithout reads the words around one "without"', () => {
  /** Whether the words `phrase` of `text` stand under a constraint's "without" (and so are not negated by it). */
  const constrained = (text: string, phrase: string): boolean => {
    const tokens = tokenize(text);
    const words = tokenize(phrase).map((t) => t.raw);
    const start = tokens.findIndex((_, i) => words.every((w, k) => tokens[i + k]?.raw === w));
    const cue = tokens.findIndex((t) => t.raw === 'without');
    return constraintWithout(tokens, cue, start, start + words.length);
  };
  it('a verb of harming after "without" names what is kept, with or without an objective', () => {
    expect(constrained('we retrain nightly without hurting latency', 'latency')).toBe(true);
    expect(constrained('cut losses without noticeably hurting approval rate', 'approval rate')).toBe(true);
  });
  it('a harm noun counts only after an objective in the same clause', () => {
    expect(constrained('the goal is fewer chargebacks without false declines', 'false declines')).toBe(true);
    expect(constrained('the model was scored without false declines', 'false declines')).toBe(false);
    expect(constrained('we want to grow revenue. without complaints we never know', 'complaints')).toBe(false);
  });
  it('no harm named, no constraint', () => {
    expect(constrained('we want to launch without a feature store', 'feature store')).toBe(false);
    expect(constrained('we ship without an a/b test', 'a/b test')).toBe(false);
  });
  it('negationOf leaves a constrained harm standing and still negates an absence', () => {
    const tokens = tokenize('we want to raise opens without making users disable notifications');
    const at = tokens.findIndex((t) => t.raw === 'disable');
    expect(negationOf(tokens, at, at + 2)).toBeNull();
    const absent = tokenize('we ship without an a/b test');
    const ab = absent.findIndex((t) => t.raw === 'a');
    expect(negationOf(absent, ab, absent.length)).toBe('plain');
  });
});
