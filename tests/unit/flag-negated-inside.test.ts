import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/scoring/analyze.js';
import { negationInside } from '../../src/scoring/negation.js';
import { flagCases } from '../helpers/stage-cases.js';

// A correct statement that rules a mistake out must not raise it: a red flag's pattern matched around a
// negation of its own claim ("declined payments are not labeled as fraud"), or a phrase inside the same
// refused claim ("we do not score payments in a nightly batch job").

describe('a negation among a pattern\'s words refuses the claim', () => {
  flagCases('declines-as-fraud-labels', [
    ['fraud-detection', 'Data', 'Declined payments are labeled as fraud.'],
    ['fraud-detection', 'Data', 'Blocked transactions are marked as fraudulent examples.'],
    ['fraud-detection', 'Data', 'A declined payment is used as a positive example.'],
    // "counted as" reads as one word of counting-as (reading/lexicon.ts): the pattern hears it.
    ['fraud-detection', 'Data', 'Rejected payments are counted as fraud.'],
    // A negated participle that says which payments (a reduced relative clause) refuses nothing.
    ['fraud-detection', 'Data', 'Blocked payments not reviewed are marked as fraud.'],
  ], [
    ['fraud-detection', 'Data', 'Declined payments are not labeled as fraud.'],
    ['fraud-detection', 'Data', "Declined payments aren't treated as positives."],
    ['fraud-detection', 'Data', 'Blocked transactions are not marked as fraudulent examples.'],
    ['fraud-detection', 'Data', 'A declined payment is never used as a positive example.'],
    ['fraud-detection', 'Data', 'Rejected payments are not counted as fraud.'],
  ]);
  flagCases('random-edge-split', [
    ['people-you-may-know', 'Evaluation', 'The edges are split randomly into train and test.'],
    ['people-you-may-know', 'Evaluation', "We don't split by time; the edges are split randomly."],
  ], [
    ['people-you-may-know', 'Evaluation', 'The edges are not split randomly; we split by time.'],
    ['people-you-may-know', 'Evaluation', 'Connections are never shuffled into random folds; the test set is the newest month.'],
  ]);
  flagCases('auto-remove-everything', [
    ['harmful-content-detection', 'Serving', 'Flagged posts are removed automatically.'],
    ['harmful-content-detection', 'Serving', 'Posts are removed automatically with no threshold tuning.'],
  ], [
    ['harmful-content-detection', 'Serving', 'Flagged posts are not removed automatically; a reviewer decides.'],
  ]);
  flagCases('shared-ticket-index', [
    ['rag-support-assistant', 'Data', 'Past tickets are indexed into the shared vector store.'],
    // A negated relative clause only says which tickets: they are still indexed.
    ['rag-support-assistant', 'Data', 'Tickets that were not resolved are indexed into the shared vector store too.'],
  ], [
    ['rag-support-assistant', 'Data', 'Past tickets are not indexed into the shared vector store.'],
  ]);
  flagCases('rank-all-posts', [
    ['news-feed', 'Serving', 'The ranker scores every post on the platform.'],
  ], [
    ['news-feed', 'Serving', 'The ranker does not score every post on the platform.'],
  ]);
});

describe('a trigger kept out of a category by a negation after it is refused', () => {
  flagCases('sensitive-attributes-unguarded', [
    ['harmful-content-detection', 'Features', 'Gender and race are used as features.'],
    ['fraud-detection', 'Features', "The user's age is used as an input feature."],
  ], [
    ['harmful-content-detection', 'Features', 'Gender and race are not used as features.'],
    ['fraud-detection', 'Features', "The user's age is never used as an input feature."],
    ['people-you-may-know', 'Features', 'Gender is not used as a feature, but the school is.'],
  ]);
  flagCases('future-information-feature', [
    ['fraud-detection', 'Features', 'Whether the card was later reported stolen is used as a feature.'],
    ['search-ranking', 'Features', 'Whether the product was later returned is counted as a feature.'],
  ], [
    ['fraud-detection', 'Features', 'Whether the card was later reported stolen is not used as a feature.'],
    ['search-ranking', 'Features', 'Whether the product was later returned is never counted as a feature.'],
  ]);
});

describe('a phrase inside a refused claim is refused with it', () => {
  flagCases('batch-fraud-scoring', [
    ['fraud-detection', 'Serving', 'We score payments in a nightly batch job.'],
    // A turn to another claim keeps it.
    ['fraud-detection', 'Serving', 'We do not score payments in real time but in a nightly batch job.'],
    ['fraud-detection', 'Serving', 'Payments are not scored one by one; a nightly batch job scores them.'],
  ], [
    ['fraud-detection', 'Serving', 'We do not score payments in a nightly batch job.'],
    ['fraud-detection', 'Serving', 'Payments are never scored by an overnight batch job.'],
  ]);
});

describe('negationInside', () => {
  const read = (text: string, own: readonly string[]) => {
    const { tokens } = analyze(text);
    return negationInside(tokens, 0, tokens.length, (k) => own.includes(tokens[k]!.raw));
  };
  it('reads a cue among the words as negating the rest of the match', () => {
    expect(read('declined payments are not labeled as fraud', ['declined', 'labeled', 'fraud'])).toBe('plain');
    expect(read('edges are never shuffled at random', ['edges', 'shuffled', 'random'])).toBe('plain');
  });
  it('leaves a cue that is one of the concept\'s own words, or one in a relative clause', () => {
    expect(read('posts are removed automatically with no threshold', ['removed', 'automatically', 'no', 'threshold'])).toBeNull();
    expect(read('tickets that were not resolved are indexed', ['tickets', 'indexed'])).toBeNull();
  });
});
