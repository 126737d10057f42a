import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { irregularLemma, lemmasFromSource, lemmaTableText, readLemmaTable } from '../../src/reading/lemma.js';
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

describe('the lemma table written at npm run build (dist/data/lemmas.json)', () => {
  it('is exactly the table parsed from wink-lexicon\'s list', () => {
    const source = lemmasFromSource();
    expect(source.size).toBeGreaterThan(1000);
    expect(source.get('ran')).toBe('run');
    expect(source.has('data')).toBe(false); // kept as itself
    const built = readLemmaTable();
    expect(built).not.toBeNull();
    expect([...built!]).toEqual([...source]);
  });

  it('is read back as written, and refused when damaged or of another format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-lemmas-'));
    try {
      const file = join(dir, 'lemmas.json');
      const table = new Map([['ran', 'run'], ['chosen', 'choose']]);
      writeFileSync(file, lemmaTableText(table));
      expect(readLemmaTable(file)).toEqual(table);
      const bad = [
        '',
        '{"format":1,"lemmas":[["ran","run"]',
        JSON.stringify({ format: 2, lemmas: [['ran', 'run']] }),
        JSON.stringify({ format: 1, lemmas: [['ran', 'run', 'x']] }),
        JSON.stringify({ format: 1, lemmas: [['Ran', 'run']] }),
        JSON.stringify({ format: 1, lemmas: [['ran', 1]] }),
        JSON.stringify({ format: 1, lemmas: {} }),
        JSON.stringify([['ran', 'run']]),
        '{"format":1,"lemmas":[["ran","run"],]}',
        '{"format":1,"lemmas":[["ran","run"]["chosen","choose"]]}',
        JSON.stringify({ format: 1, lemmas: [['ran', 'run']] }, null, 1),
      ];
      for (const text of bad) {
        writeFileSync(file, text);
        expect(readLemmaTable(file), text).toBeNull();
      }
      expect(readLemmaTable(join(dir, 'missing.json'))).toBeNull();
      writeFileSync(file, lemmaTableText(new Map()));
      expect(readLemmaTable(file)).toEqual(new Map());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
