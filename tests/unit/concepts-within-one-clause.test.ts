import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/scoring/analyze.js';
import { compilePhrase, MatchIndex } from '../../src/scoring/phrase.js';
import { statusOf } from '../helpers/stage-cases.js';

// A concept's words must stand in one clause: one clause naming A and the next (after ", so we", ", but",
// ", and we", "so we") naming B is no statement of A-with-B (scoring/clause-join.ts, MatchIndex.joinBetween).
// A join whose word is the pattern's own ("more accurate, but slower") keeps the match whole, and words
// before ", so we" are a clause, not a topic lead-in (reading/claims.ts, topicOf).

type Case = [prompt: string, stage: string, text: string, item: string];

describe('a concept matched across a clause join earns nothing', () => {
  it.each<Case>([
    ['fraud-detection', 'Monitoring', 'Fraudsters are a real problem, so we change the model to GBDT.', 'adversarial-adaptation'],
    ['fraud-detection', 'Serving', 'High scores are rare, so we review the model monthly.', 'decision-policy'],
    ['news-feed', 'Monitoring', 'We train daily, so its predictions stay fresh.', 'feedback-loop'],
    ['news-feed', 'Model', 'Cheap features come first, so the heavy model sees less.', 'multi-stage'],
    ['ad-click-prediction', 'Serving', 'The model is tiny, so the chance of timeouts is low.', 'ml-objective'],
    ['video-recommendation', 'Serving', 'Traffic peaks daily, so we compute embeddings with a GPU.', 'online-vs-batch'],
    ['fraud-detection', 'Evaluation', 'Amounts vary a lot, so we report recall per week.', 'operating-point-metrics'],
  ])('%s / %s: %j does not cover %s', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).not.toBe('covered');
  });
});

describe('a concept within one clause, or across its own join word, still counts', () => {
  it.each<Case>([
    ['fraud-detection', 'Monitoring', 'Fraudsters change tactics every few weeks, so we retrain weekly.', 'adversarial-adaptation'],
    ['news-feed', 'Monitoring', 'The ranker trains on its own predictions, so we keep an exploration slice.', 'feedback-loop'],
    ['ad-click-prediction', 'Model', 'GBDT is more accurate, but slower to serve.', 'model-tradeoffs'],
    ['video-recommendation', 'Serving', 'We compute embeddings nightly, so serving is a lookup.', 'online-vs-batch'],
    ['news-feed', 'Model', 'A cheap model filters candidates and a heavy model ranks the rest.', 'multi-stage'],
  ])('%s / %s: %j covers %s', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('covered');
  });
});

describe('the matcher stops a concept at a clause join', () => {
  const matched = (phrase: string, text: string) => {
    const { tokens } = analyze(text);
    return new MatchIndex(tokens).find(compilePhrase(phrase)).map(([s, e]) => tokens.slice(s, e).map((t) => t.raw).join(' '));
  };
  it('across ", so we" and "so we" there is no match; within a clause there is', () => {
    expect(matched('@exploration-data', 'We train daily, so its predictions stay fresh.')).toEqual([]);
    expect(matched('@exploration-data', 'We train daily so we keep its predictions fresh.')).toEqual([]);
    expect(matched('@exploration-data', 'We train on its own predictions.')).not.toEqual([]);
  });
  it('a comma before a subject alone is no join ("For data, we ...")', () => {
    expect(matched('@data-source', 'For the training data, we use the click logs.')).not.toEqual([]);
  });
});
