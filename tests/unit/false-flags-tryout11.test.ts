import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/reading/tokens.js';
import { scoreBuiltin } from '../helpers/builtin.js';
import { flagCases } from '../helpers/stage-cases.js';

// Tryout 11: correct statements that raised red flags.

/** The ids of the red flags a line of notes raises on its own (no heading: its lead-in names the stage). */
const flagsOfLine = (prompt: string, line: string): string[] => scoreBuiltin(prompt, `${line}\n`).redFlags.map((f) => f.id);

describe('an enumeration that completes a phrase ("a weighted sum of A, B, C") is no list of terms', () => {
  it.each([
    'Frame: multi-task ranking of posts by a weighted sum of P(click), P(like), P(comment), P(hide), with hide weighted negative.',
    'Frame: multi-task ranking of posts by a weighted sum of click, like, comment and hide probabilities, with hide weighted negative.',
    'Frame: ranking by a combination of P(click), P(share), P(dwell) and P(hide).',
    'Frame: ranking by P(click), P(like), P(share)',
  ])('quiet: %s', (line) => {
    expect(flagsOfLine('news-feed', line)).not.toContain('list-instead-of-reasoning');
  });
  it.each([
    'Frame: pointwise ranking, multi-task, binary classification, logistic regression.',
  ])('still a list: %s', (line) => {
    expect(flagsOfLine('news-feed', line)).toContain('list-instead-of-reasoning');
  });
  // A topic lead-in keeps its word in notes ("Metrics:", "Features:", sections.ts TOPIC_HEADINGS), and
  // the bare list after it is still a bare list (claims.ts, labelledList).
  it.each([
    'Metrics: offline AUC of the ranker, NDCG, MRR, recall at k.',
    'Features: post age, author, number of likes, number of comments, sorted by recency.',
  ])('still a list after a topic lead-in: %s', (line) => {
    expect(flagsOfLine('news-feed', line)).toContain('list-instead-of-reasoning');
  });
});

describe('a parenthesis is marked where it opens', () => {
  it('on the first word inside it, through lexicon rewrites and numbers read from words', () => {
    const marked = (text: string) => tokenize(text).filter((t) => t.paren).map((t) => t.raw);
    expect(marked('removed automatically (only above 0.98)')).toEqual(['only']);
    expect(marked('we track it (click through rate) and (two) more')).toEqual(['ctr', '2']);
    expect(marked('no parenthesis here, none at all')).toEqual([]);
  });
});

describe('automatic removal held to a high precision, said in a parenthesis or with a figure, is guarded', () => {
  flagCases('auto-remove-everything', [
    ['harmful-content-detection', 'Serving', 'Anything the model flags is removed automatically.'],
    ['harmful-content-detection', 'Serving', 'Every post above 0.8 is taken down automatically (precision about 70%).'],
    ['harmful-content-detection', 'Serving', 'Posts above 0.9 are removed automatically (precision around 80%).'],
  ], [
    ['harmful-content-detection', 'Serving', 'Auto-remove only above a 0.98 precision threshold (measured at 99%).'],
    ['harmful-content-detection', 'Serving', 'Auto-remove above a 0.98 precision threshold (measured at 99%).'],
    ['harmful-content-detection', 'Serving', 'Posts are removed automatically above a threshold set for 99% precision.'],
    ['harmful-content-detection', 'Serving', 'Auto-removal above the 0.98 score threshold (precision 99%).'],
    ['harmful-content-detection', 'Serving', 'Remove automatically (only above 0.98, where precision is 99%).'],
    ['harmful-content-detection', 'Serving', 'We remove posts automatically when the model is 99% confident.'],
  ]);
});

describe('an attribute the interviewer permits is no unguarded sensitive attribute there', () => {
  flagCases('sensitive-attributes-unguarded', [
    ['video-recommendation', 'Data', 'User features: gender and exact age.'],
    ['news-feed', 'Data', "User features include the user's age group and gender."],
    ['similar-listings', 'Data', "We personalise the row by the visitor's age group."],
    ['people-you-may-know', 'Data', "We take every user's profile, like their age, gender, location, school and company."],
  ], [
    // "You may use the age range, country and language from the profile" (video recommendation, ad click).
    ['video-recommendation', 'Data', "User features include the user's age range and country."],
    ['video-recommendation', 'Data', 'User features: age range, country, language and watch history.'],
    ['ad-click-prediction', 'Data', "We use the user's age bracket and country as features."],
    // "You can use the age and gender people give at sign-up" (event recommendation).
    ['event-recommendation', 'Data', 'Features: the age and gender people give at sign-up.'],
  ]);
});
