import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/content/catalog.js';
import { rubricsFor } from '../../src/content/scope.js';
import { contentPlaces, readContent } from '../../src/files/content-files.js';
import { resolvePaths } from '../../src/files/paths.js';
import { packageInfo } from '../../src/package-root.js';
import { parseAnswers } from '../../src/reading/sections.js';
import { analyze } from '../../src/scoring/analyze.js';
import { compileRubrics, type CompiledScope } from '../../src/scoring/compile.js';
import { compilePattern } from '../../src/scoring/pattern.js';
import { compilePhrase, MatchIndex, Vocabulary, type CompiledPhrase } from '../../src/scoring/phrase.js';
import { PhraseFilter } from '../../src/scoring/phrase-filter.js';

const FIXTURES = new URL('../fixtures/answers/', import.meta.url);

async function catalog() {
  const places = contentPlaces({ ...resolvePaths({ MLSD_HOME: '/nonexistent' }), builtin: packageInfo().root }, {}, {}).filter((p) => p.origin === 'built-in');
  return buildCatalog((await readContent(places)).files);
}

/** Every phrase list a text is searched for: items', flags' and the flags' conditions. */
function listsOf(scope: CompiledScope): CompiledPhrase[][] {
  return [...scope.items.map((i) => i.phrases), ...scope.flags.flatMap((f) => [f.phrases, f.unless, f.near, f.unlessNear])];
}

/** The texts of an answer file as the scorer reads them: each stage's and the general text. */
function textsOf(file: string): string[] {
  const { answers } = parseAnswers(readFileSync(new URL(file, FIXTURES), 'utf8'), file);
  return [...Object.values(answers.sections), answers.general ?? ''].filter((t): t is string => !!t && t.trim() !== '');
}

/** Finds every phrase of every list in a text with and without the filter: what differs, and how much was found and ruled out. */
function compare(scope: CompiledScope, text: string): { differ: string[]; matched: number; skippedLists: number } {
  const tokens = analyze(text).tokens;
  const plain = new MatchIndex(tokens, scope.vocabulary);
  const filtered = new MatchIndex(tokens, scope.vocabulary, scope.filter);
  const differ: string[] = [];
  let matched = 0;
  let skippedLists = 0;
  for (const list of listsOf(scope)) {
    const any = filtered.mayMatchAny(list);
    if (!any) skippedLists++;
    // The phrases left to search find, in order, what searching every phrase of the list finds.
    const matches = (index: MatchIndex, phrases: readonly CompiledPhrase[]) =>
      phrases.map((p) => ({ text: p.text, found: index.find(p) })).filter((m) => m.found.length > 0);
    const searched = filtered.phrasesToSearch(list);
    if (JSON.stringify(matches(filtered, searched)) !== JSON.stringify(matches(plain, list))) differ.push(`${list.map((p) => p.text).join('|')}: phrasesToSearch`);
    if (any !== searched.length > 0) differ.push(`${list.map((p) => p.text).join('|')}: mayMatchAny and phrasesToSearch disagree`);
    for (const phrase of list) {
      const expected = plain.find(phrase);
      if (JSON.stringify(filtered.find(phrase)) !== JSON.stringify(expected)) differ.push(phrase.text);
      if (expected.length > 0) {
        matched++;
        if (!any) differ.push(`${phrase.text}: its list was ruled out`);
      }
    }
  }
  return { differ, matched, skippedLists };
}

describe('PhraseFilter (scoring/phrase-filter.ts): the phrases that can match in a text', () => {
  it('gives every phrase of every rubric the same matches as searching for each, on the strong and weak fixture answers', async () => {
    const content = await catalog();
    const files = readdirSync(FIXTURES).filter((f) => /\.(strong|weak)\.md$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    let matched = 0;
    let skipped = 0;
    const scopes = new Map<string, CompiledScope>();
    for (const file of files) {
      const prompt = content.prompts.get(file.split('.')[0]!)?.value;
      if (!prompt) continue;
      const scope = scopes.get(prompt.id) ?? compileRubrics(rubricsFor(content, prompt));
      scopes.set(prompt.id, scope);
      expect(scope.filter).toBeDefined();
      for (const text of textsOf(file)) {
        const found = compare(scope, text);
        expect(found.differ, file).toEqual([]);
        matched += found.matched;
        skipped += found.skippedLists;
      }
    }
    // The samples match many phrases, and the filter rules out whole lists in some texts.
    expect(matched).toBeGreaterThan(500);
    expect(skipped).toBeGreaterThan(50);
  });

  it('keeps the matches of phrases written joined or split, numbers for the wildcard, and concepts met in context', () => {
    const phrases = ['reranking stage', 'a/b test', 'every k minutes', 'k million', 'feature store', 'online feature store', 'the model is calibrated', '@time-split'].map(compilePhrase);
    const patterns = [compilePattern('rate|average computed|derived all|whole log|data')];
    const lists = [phrases, patterns, [phrases[1]!, phrases[4]!]];
    const vocabulary = new Vocabulary([...phrases, ...patterns]);
    const filter = new PhraseFilter(lists);
    const texts = [
      'We add a re-ranking stage, then an ab test. Retrain every 30 minutes for 500 million users.',
      'Re ranking stage: feature-store lookups, online feature stores.',
      '## Split\n- by time: train on weeks 1-3, test on week 4',
      'The average is computed over the whole log.',
      'Nothing here.',
      'Users: 20 million. FAIR model.',
    ];
    let found = 0;
    for (const text of texts) {
      const tokens = analyze(text).tokens;
      const plain = new MatchIndex(tokens, vocabulary);
      const filtered = new MatchIndex(tokens, vocabulary, filter);
      for (const list of lists) {
        for (const phrase of list) {
          const expected = plain.find(phrase);
          found += expected.length;
          expect(filtered.find(phrase), `${phrase.text} in ${text}`).toEqual(expected);
          if (expected.length > 0) expect(filtered.mayMatchAny(list)).toBe(true);
        }
      }
    }
    expect(found).toBeGreaterThan(6);
    // A text with none of the words: every list ruled out, nothing found.
    const empty = new MatchIndex(analyze('Nothing here.').tokens, vocabulary, filter);
    for (const list of lists) expect(empty.mayMatchAny(list)).toBe(false);
  });

  it('leaves to search the phrases of a list that can match, in the order of the list, a phrase listed twice twice', () => {
    const store = compilePhrase('feature store');
    const loss = compilePhrase('log loss');
    const drift = compilePhrase('concept drift');
    const list = [loss, drift, store, loss];
    const filter = new PhraseFilter([list, [store]]);
    const index = new MatchIndex(analyze('We track log loss in the feature store.').tokens, undefined, filter);
    expect(index.phrasesToSearch(list)).toEqual([loss, store, loss]);
    expect(index.phrasesToSearch([store])).toEqual([store]);
    expect(new MatchIndex(analyze('Nothing here.').tokens, undefined, filter).phrasesToSearch(list)).toEqual([]);
    const other = [drift];
    expect(index.phrasesToSearch(other)).toBe(other);
    expect(new MatchIndex(analyze('log loss').tokens).phrasesToSearch(list)).toBe(list);
  });

  it('rules out nothing it was not built from: other lists and phrases are searched as usual', () => {
    const known = [compilePhrase('feature store')];
    const filter = new PhraseFilter([known]);
    const other = [compilePhrase('log loss')];
    const tokens = analyze('We track log loss.').tokens;
    const index = new MatchIndex(tokens, undefined, filter);
    expect(index.mayMatchAny(known)).toBe(false);
    expect(index.find(known[0]!)).toEqual([]);
    expect(index.mayMatchAny(other)).toBe(true);
    expect(index.find(other[0]!)).toEqual(new MatchIndex(tokens).find(other[0]!));
    expect(index.find(other[0]!).length).toBe(1);
    expect(filter.knows(other[0]!)).toBe(false);
    expect(filter.knowsList(known)).toBe(true);
  });
});
