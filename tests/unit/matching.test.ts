import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/scoring/analyze.js';
import { cancels, negationOf } from '../../src/scoring/negation.js';
import { compilePhrase, MatchIndex, Vocabulary } from '../../src/scoring/phrase.js';

function matches(phrase: string, text: string, vocabularyOf: string[] = []): boolean {
  const compiled = compilePhrase(phrase);
  const vocabulary = new Vocabulary([compiled, ...vocabularyOf.map(compilePhrase)]);
  return new MatchIndex(analyze(text).tokens, vocabulary).find(compiled).length > 0;
}

/** 'affirmed' | 'negated' | 'absent' for the first match of the phrase. */
function reading(phrase: string, text: string, risk = false): string {
  const analysis = analyze(text);
  const found = new MatchIndex(analysis.tokens).find(compilePhrase(phrase));
  if (found.length === 0) return 'absent';
  const [start, end] = found[0]!;
  return cancels(negationOf(analysis.tokens, start, end), risk) ? 'negated' : 'affirmed';
}

describe('phrase variants', () => {
  it.each([
    ['a/b test', 'We run an A/B test for two weeks.'],
    ['a/b test', 'Then a-b testing decides the launch.'],
    ['a/b test', 'AB tests are the final gate.'],
    ['a/b test', 'We would do a b testing online.'],
    ['re-ranking', 'A reranking step removes duplicates.'],
    ['re-ranking', 'The re ranking stage adds diversity.'],
    ['two tower', 'I would use a two-tower model for retrieval.'],
    ['two-tower', 'A twotower retrieval model.'],
    ['baseline', 'We compare against simple baselines first.'],
    ['monitoring drift', 'We monitor for drifting features every day.'],
    ['class imbalance', 'The classes are heavily imbalanced, so we reweight.'],
    ['labeling', 'Labelling is done by annotators.'],
    ['normalization', 'Feature normalisation happens in the pipeline.'],
    ['recall at k', 'We report recall@10 and precision@5.'],
    ['p99 latency', 'Our p99 latency must stay under 200ms.'],
    ['200 ms', 'Responses must come back within 200ms.'],
    ['calibration', 'Calibraton matters for the auction.'],
    ['ndcg', 'nDCG@10 is the offline metric.'],
  ])('"%s" matches %j', (phrase, text) => {
    expect(matches(phrase, text)).toBe(true);
  });

  it.each([
    ['a/b test', 'A test of the system'],
    ['monitoring drift', 'We monitor latency. Drift is handled elsewhere.'],
    ['data leakage', 'Data, features, and leakage'],
    ['class imbalance', 'class of users has an imbalance'],
    ['calibration', 'We celebrate the launch.'],
    ['online metrics', 'Online, offline metrics differ.'],
  ])('"%s" does not match %j', (phrase, text) => {
    expect(matches(phrase, text)).toBe(false);
  });

  it('does not read a typo as a short word', () => {
    expect(matches('label', 'The level of detail is high.')).toBe(false);
  });

  it('is case and width insensitive (NFKC)', () => {
    expect(matches('auc', 'ＡＵＣ is reported.')).toBe(true);
  });
});

describe('negation', () => {
  it.each([
    ['baseline', "We won't need a baseline here.", 'negated'],
    ['a/b test', 'There is no A/B test in this plan.', 'negated'],
    ['monitoring', 'We ship it without monitoring.', 'negated'],
    ['baseline', 'A baseline is not needed.', 'negated'],
    ['a/b test', "I don't think we need to run an A/B test, offline AUC is enough.", 'negated'],
    ['accuracy', 'Instead of accuracy we use PR-AUC.', 'negated'],
    ['pr auc', 'Instead of accuracy we use PR-AUC.', 'affirmed'],
    ['labels', "We don't have explicit labels, so we use clicks as labels.", 'negated'],
    ['clicks', "We don't have explicit labels, so we use clicks as labels.", 'affirmed'],
    ['calibration', 'We track not only log loss but also calibration.', 'affirmed'],
    ['log loss', 'We track not only log loss but also calibration.', 'affirmed'],
    ['baseline', 'No doubt a baseline comes first.', 'affirmed'],
    ['baseline', 'We start with a baseline; no deep model yet.', 'affirmed'],
    ['canary', 'No A/B test, canary or shadow run is planned.', 'negated'],
    ['retraining', 'We check whether or not retraining helps.', 'affirmed'],
  ])('"%s" in %j is %s', (phrase, text, expected) => {
    expect(reading(phrase, text)).toBe(expected);
  });

  it('a risk stays covered when the candidate says there will be none of it', () => {
    expect(reading('data leakage', 'We split by time so there is no data leakage.', true)).toBe('affirmed');
    expect(reading('leakage', 'Features are computed without leakage.', true)).toBe('affirmed');
    expect(reading('leakage', "We don't need to worry about leakage.", true)).toBe('negated');
    expect(reading('leakage', 'Leakage is not a concern here.', true)).toBe('negated');
  });

  it('ends the negation at a clause boundary', () => {
    expect(reading('drift', 'We do not retrain daily; drift is checked weekly.')).toBe('affirmed');
    expect(reading('drift', 'We do not retrain daily, but drift is checked weekly.')).toBe('affirmed');
    expect(reading('drift', 'We do not retrain daily because drift is slow.')).toBe('affirmed');
  });
});

describe('statements and lists', () => {
  it('tells a sentence from a list of terms', () => {
    const text = 'AUC, NDCG, drift, A/B test, calibration, log loss.\nWe use log loss because the scores feed the auction.';
    const { sentences } = analyze(text);
    expect(sentences.map((s) => s.statement)).toEqual([false, true]);
  });

  it('treats bullets of bare terms as mentions and bullets with verbs as statements', () => {
    const text = '- Logistic regression baseline\n- We start with logistic regression as a baseline.';
    expect(analyze(text).sentences.map((s) => s.statement)).toEqual([false, true]);
  });

  it('reads a heading as a claim of its own (never a statement) and keeps HTML comments out', () => {
    // Headings carry meaning ("### Frequency capping" is the frequency cap), so they are claims.
    const { sentences } = analyze('## Monitoring drift\nWe retrain weekly.\n<!-- drift drift -->');
    expect(sentences.map((s) => [s.text, s.kind, s.statement])).toEqual([
      ['Monitoring drift', 'heading', false],
      ['We retrain weekly.', 'paragraph', true],
    ]);
    expect(sentences[1]!.headings).toEqual(['Monitoring drift']);
  });

  it('splits sentences but not abbreviations', () => {
    const { sentences } = analyze('We use e.g. clicks as labels. Then we train. Why? Because it works.');
    expect(sentences.map((s) => s.text)).toEqual(['We use e.g. clicks as labels.', 'Then we train.', 'Why?', 'Because it works.']);
  });
});

describe('number wildcards', () => {
  it('matches a phrase that starts with the wildcard', () => {
    expect(matches('k ms', 'Ranking must finish within 100 ms.')).toBe(true);
    expect(matches('k ms', 'It must be fast.')).toBe(false);
  });
});

describe('magnitude suffixes', () => {
  it('reads 500M, 10k and 7B as numbers with their magnitude', () => {
    expect(matches('k million', 'We see about 500M new posts per day.')).toBe(true);
    expect(matches('k thousand', 'Peak traffic is 10k QPS.')).toBe(true);
    expect(matches('k billion', 'A 7B model is too slow here.')).toBe(true);
    expect(matches('k million', 'The budget is 100ms at p99.')).toBe(false);
  });
});

describe('words that look like cues or typos but are not', () => {
  it('reads a drop-off as no dismissal, and a two-edit word as no typo', () => {
    expect(reading('conversion rate', 'The drop-off hurts checkout conversion rate.')).toBe('affirmed');
    expect(reading('conversion rate', 'We drop conversion rate as a metric.')).toBe('negated');
    expect(matches('pruning', 'The holdout keeps running permanently.', ['run an a/b test'])).toBe(false);
    expect(matches('pruning', 'We use prunning to shrink it.')).toBe(true);
  });
});

describe('look-alike words', () => {
  it('keeps a transformer apart from a transform, and a late rate from later weeks', () => {
    expect(matches('transformer', 'We transform the boxes with each crop.')).toBe(false);
    expect(matches('transformer', 'A vision transformer encodes each image.')).toBe(true);
    expect(matches('late rate', 'We test on later weeks.')).toBe(false);
    expect(matches('re-ranking', 'A reranking step follows.')).toBe(true);
    expect(matches('a/b test', 'We run an AB test.')).toBe(true);
    expect(matches('predict whether', 'We make a prediction when the order is placed.')).toBe(false);
    expect(matches('tensorrt', 'Score them and then sort by that probability.')).toBe(false);
  });

  it('reads British -our spellings as American ones', () => {
    expect(matches('common neighbors', 'They share many common neighbours.')).toBe(true);
    expect(matches('user behavior', 'User behaviour changes.')).toBe(true);
    expect(matches('hour', 'Every hour.')).toBe(true);
  });
});

describe('quantities', () => {
  it('make a verbless note a statement', () => {
    const [sentence] = analyze('Scale: about 1 billion members, 300 million daily active users.').sentences;
    expect(sentence!.statement).toBe(true);
    expect(analyze('AUC, NDCG at 10, recall, drift, PSI.').sentences[0]!.statement).toBe(false);
  });
});

describe('a subject after the cue', () => {
  it('starts the main clause, so the negation stops there', () => {
    expect(reading('split by time', "To avoid leakage I'd split by time.")).toBe('affirmed');
    expect(reading('split by time', 'We avoid leakage and we split by time.')).toBe('affirmed');
    expect(reading('baseline', "I don't think we need a baseline.")).toBe('negated');
    expect(reading('time based split', 'We will not use a time based split.')).toBe('negated');
  });
});

describe('optional articles', () => {
  it('lets an article inside a phrase be left out, but not the a of a/b', () => {
    expect(matches('correct the probabilities', 'We use the corrected probabilities.')).toBe(true);
    expect(matches('correct the probabilities', 'We correct the probabilities.')).toBe(true);
    expect(matches('run an a/b test', 'We run a/b tests.')).toBe(true);
    expect(matches('a/b test', 'The b test is next.')).toBe(false);
  });
});

describe('dismissing a risk', () => {
  it.each([
    ["I'm not going to ask about privacy constraints.", 'privacy', 'negated'],
    ["We don't monitor drift at all.", 'drift', 'negated'],
    ['We ship it without checking for drift.', 'drift', 'negated'],
    ["We don't want any leakage, so features are computed as of the impression.", 'leakage', 'affirmed'],
    ['There is no drift alarm yet, so we add one.', 'drift', 'affirmed'],
  ])('%j reads %s as %s', (text, phrase, expected) => {
    expect(reading(phrase, text, true)).toBe(expected);
  });
});

describe('clause boundaries after a conjunction', () => {
  it('ends a negation at "and we", and reads a limitation as no dismissal', () => {
    expect(reading('hides as negatives', 'Shown but not clicked impressions are negatives, and we treat hides as negatives.')).toBe('affirmed');
    expect(reading('collaborative filtering', 'Collaborative filtering cannot handle new videos, so we add content features.')).toBe('affirmed');
    expect(reading('canary', 'We will not do an A/B test and a canary.')).toBe('negated');
  });
});

describe('third-person verbs', () => {
  it('count as statements', () => {
    expect(analyze('Non-maximum suppression removes overlapping boxes.').sentences[0]!.statement).toBe(true);
    expect(analyze('Author features include account age and past violations.').sentences[0]!.statement).toBe(true);
    expect(analyze('Scores, filters, blurs, caches.').sentences[0]!.statement).toBe(false);
  });
});
