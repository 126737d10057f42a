import { describe, expect, it } from 'vitest';
import { scoreBuiltin } from '../helpers/builtin.js';
import { analyze } from '../../src/scoring/analyze.js';
import { cancels, negationOf } from '../../src/scoring/negation.js';
import { compilePhrase, MatchIndex } from '../../src/scoring/phrase.js';
import { startsVerbPhrase } from '../../src/reading/verbs.js';

/** 'affirmed' | 'negated' | 'absent' for the first match of the phrase in the text. */
function reading(phrase: string, text: string, risk = false): string {
  const analysis = analyze(text);
  const found = new MatchIndex(analysis.tokens).find(compilePhrase(phrase));
  if (found.length === 0) return 'absent';
  const [start, end] = found[0]!;
  return cancels(negationOf(analysis.tokens, start, end), risk) ? 'negated' : 'affirmed';
}

describe('negation stops at a purpose clause', () => {
  it.each([
    // A second verb phrase after "to avoid X and ..." is not under the cue.
    ['feature store', 'We batch the lookups to avoid overload and use a feature store for the counts.', 'affirmed'],
    ['boosted trees', 'Rows are deduplicated to avoid double counting and fed to boosted trees.', 'affirmed'],
    ['recalibrate', 'We sample down the majority class to avoid huge tables and recalibrate afterwards.', 'affirmed'],
    ['time split', 'We avoid leakage by doing a time split.', 'affirmed'],
    // Controls: a list of nouns after the cue stays negated, and so does a verb under "not".
    ['shadow run', 'We skip the A/B test and shadow run for this launch.', 'negated'],
    ['boosted trees', 'We avoid deep networks and boosted trees here.', 'negated'],
    ['recalibrate', 'We do not retrain the model or recalibrate it.', 'negated'],
    ['latency', 'We do not cut latency by caching results.', 'negated'],
  ])('"%s" in %j is %s', (phrase, text, expected) => {
    expect(reading(phrase, text)).toBe(expected);
  });

  it('"to avoid X" names X as a problem handled, which covers it', () => {
    expect(reading('class imbalance', 'We reweight the loss to avoid class imbalance hurting recall.')).toBe('affirmed');
    expect(reading('leakage', 'Features are computed as of the event time to avoid leakage.', true)).toBe('affirmed');
    // Control: "to avoid" as the object of a verb of choosing is a choice, which rules the item out.
    expect(reading('feature store', 'We would like to avoid a feature store in version one.')).toBe('negated');
    expect(reading('deep model', 'We avoid a deep model until the baseline is beaten.')).toBe('negated');
  });
});

describe('negation stops at a contrast', () => {
  it.each([
    ['retrain', 'We do not retrain monthly but every night.', 'affirmed'],
    ['online', 'We do not score online for every user but only for active ones.', 'affirmed'],
    ['batch', 'Predictions are not batch but real time.', 'negated'],
    ['real time', 'Predictions are not batch but real time.', 'affirmed'],
    // Controls: the contrasted element itself stays ruled out; a "but" that opens a clause changes nothing.
    ['feature store', 'We use no feature store but a plain cache.', 'negated'],
    ['retrain', 'We do not retrain weekly, but we watch for drift.', 'negated'],
  ])('"%s" in %j is %s', (phrase, text, expected) => {
    expect(reading(phrase, text)).toBe(expected);
  });
});

describe('verb phrases after a conjunction', () => {
  it.each([
    ['train', 'boosted', true],
    ['use', 'a', true],
    ['recalibrate', 'the', true],
    ['deploy', 'it', true],
    ['shadow', 'run', false],
    ['label', 'noise', false],
    ['gradient', 'boosted', false],
  ])('%j before %j starts a verb phrase: %s', (word, next, expected) => {
    expect(startsVerbPhrase(word, next)).toBe(expected);
  });
});

// The same readings through the whole scorer, on the built-in rubrics, as `mlsd score` runs them.
const scored = (promptId: string, text: string) => scoreBuiltin(promptId, text);
const statusOf = (report: ReturnType<typeof scored>, id: string) => report.stages.flatMap((s) => s.items).find((i) => i.id === id)?.status;

describe('purpose and contrast through the scorer', () => {
  it('a verb phrase after "to avoid X and" covers its item, and correcting downsampled probabilities raises no flag', () => {
    const corrected = scored('ad-click-prediction', 'We keep one in ten non-clicks to avoid an enormous training set and recalibrate the predicted probabilities afterwards.');
    expect(statusOf(corrected, 'calibration')).toBe('covered');
    expect(corrected.redFlags.map((f) => f.id)).not.toContain('downsampling-without-correction');
    expect(statusOf(scored('fraud-detection', 'Splits follow time to avoid leakage and we then fit boosted trees on the training part.'), 'model-choice')).toBe('covered');
    expect(statusOf(scored('fraud-detection', 'Validation follows time to avoid leakage and train gradient boosted trees on it.'), 'model-choice')).toBe('covered');
  });

  it('"to avoid leakage" covers the leakage item', () => {
    expect(statusOf(scored('fraud-detection', 'Card aggregates are computed only from earlier events, to avoid leakage.'), 'data-leakage')).toBe('covered');
  });

  it('"not X but Y" keeps what X and Y share', () => {
    expect(statusOf(scored('fraud-detection', 'We would not refresh the model quarterly but every day.'), 'retraining')).not.toBe('negated');
    // Control: with no contrast the item is still ruled out.
    expect(statusOf(scored('fraud-detection', 'We would not retrain the model.'), 'retraining')).toBe('negated');
  });
});
