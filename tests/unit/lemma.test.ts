import { describe, expect, it } from 'vitest';
import { irregularLemma } from '../../src/reading/lemma.js';
import { analyze } from '../../src/scoring/analyze.js';
import { compilePhrase, MatchIndex } from '../../src/scoring/phrase.js';
import { stemWord } from '../../src/scoring/stem.js';

const matches = (phrase: string, text: string) => new MatchIndex(analyze(text).tokens).find(compilePhrase(phrase)).length > 0;

describe('lemmas of irregular verbs (WordNet exceptions from wink-lexicon)', () => {
  it.each([
    ['ran', 'run'],
    ['chosen', 'choose'],
    ['built', 'build'],
    ['fed', 'feed'],
    ['was', 'be'],
    ['kept', 'keep'],
  ])('reads %s as %s', (form, lemma) => {
    expect(irregularLemma(form)).toBe(lemma);
    expect(stemWord(form)).toBe(stemWord(lemma));
  });

  it.each(['data', 'left', 'bound', 'found', 'bit', 'lives', 'predicts'])('leaves %s as it is', (word) => {
    expect(irregularLemma(word)).toBe(word);
  });

  it.each([
    ['run a shadow test', 'We ran a shadow test for a week first.'],
    ['choose the threshold', 'We chose the threshold on the validation week.'],
    ['build features', 'Engineers built features from the payment history.'],
    ['feed the ranker', 'The candidates are fed to the ranker.'],
  ])('"%s" matches %j', (phrase, text) => {
    expect(matches(phrase, text)).toBe(true);
  });

  it('keeps a word whose everyday sense in the field is not the lemma', () => {
    expect(matches('leave', 'The left tower encodes the user.')).toBe(false);
    expect(matches('bind', 'An upper bound on latency.')).toBe(false);
  });
});
