import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCatalog, rubricsFor, type SourceFile } from '../../src/content/catalog.js';
import { tokenize } from '../../src/scoring/analyze.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { isEnglishWord } from '../../src/reading/english.js';
import { Vocabulary, type CompiledPhrase } from '../../src/scoring/phrase.js';

// The vocabulary was rebuilt to compile in a fraction of the time (no table of every one-letter deletion
// of every phrase word). It must read every word exactly as the table did: this is the table, kept as
// the reference.
const NUMBER = /^\p{N}+$/u;
const FUZZY_MIN_LENGTH = 7;
const MEMO_LIMIT = 50_000;
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
class ReferenceVocabulary {
  private readonly stems = new Set<string>();
  /** Every prefix of every phrase word: a text word that is none of them cannot start a joined word. */
  private readonly prefixes = new Set<string>();
  /** Surface forms of phrase words and their one-letter deletions, to the stems they stand for. */
  private readonly nearby = new Map<string, Set<string>>();
  /** Words already looked up: answers and sessions repeat them. */
  private readonly memo = new Map<string, string>();

  constructor(phrases: Iterable<CompiledPhrase>) {
    for (const phrase of phrases) {
      if (phrase.concept) {
        for (const pattern of phrase.concept) for (const group of pattern) for (const stem of group) this.stems.add(stem);
        continue;
      }
      phrase.tokens.forEach((token, k) => {
        this.add(token.raw, token.stem);
        const next = phrase.tokens[k + 1];
        const join = phrase.joins[k];
        if (next && join) this.add(token.raw + next.raw, join);
      });
    }
  }

  private add(raw: string, stem: string): void {
    this.stems.add(stem);
    for (let i = 1; i <= raw.length; i++) this.prefixes.add(raw.slice(0, i));
    if (raw.length < FUZZY_MIN_LENGTH) return;
    for (const variant of [raw, ...deletions(raw)]) {
      let set = this.nearby.get(variant);
      if (!set) this.nearby.set(variant, (set = new Set()));
      set.add(stem);
    }
  }

  /** Whether a text word could be the first part of a phrase word written as two ("re ranking"). */
  startsWord(raw: string): boolean {
    return this.prefixes.has(raw);
  }

  /** The phrase stem that a word of an answer stands for. */
  canonical(stem: string, raw: string): string {
    if (this.stems.has(stem) || raw.length < FUZZY_MIN_LENGTH) return stem;
    // A correctly spelled English word is never read as another one ("transformed", "transformer").
    if (this.prefixes.has(raw.slice(0, 3)) && isEnglishWord(raw)) return stem;
    const key = `${raw} ${stem}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const found = this.nearest(stem, raw);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }

  private nearest(stem: string, raw: string): string {
    // A slip in the first three letters is rare; words that start like no phrase word are skipped.
    if (NUMBER.test(raw) || !this.prefixes.has(raw.slice(0, 3))) return stem;
    let only: string | null = null;
    const consider = (variant: string): boolean => {
      for (const c of this.nearby.get(variant) ?? []) {
        // Two deletions can join words two edits apart ("running", "pruning"): keep the first letter.
        if (c[0] !== raw[0]) continue;
        if (only !== null && only !== c) return false;
        only = c;
      }
      return true;
    };
    if (!consider(raw)) return stem;
    for (let i = 0; i < raw.length; i++) if (!consider(raw.slice(0, i) + raw.slice(i + 1))) return stem;
    return only ?? stem;
  }
}


const root = new URL('../..', import.meta.url).pathname;
const read = (kind: 'prompt' | 'rubric', dir: string): SourceFile[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ kind, file: join(root, dir, f), text: readFileSync(join(root, dir, f), 'utf8'), origin: 'built-in' as const }));
const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')]);
const answers = readdirSync(join(root, 'tests', 'fixtures', 'answers')).map((f) => readFileSync(join(root, 'tests', 'fixtures', 'answers', f), 'utf8'));
const words = [...new Set(answers.flatMap((text) => tokenize(text)).map((t) => `${t.raw}\n${t.stem}`))].map((w) => w.split('\n') as [string, string]);

function phrasesOf(promptId: string): CompiledPhrase[] {
  const scope = compileRubrics(rubricsFor(catalog, catalog.prompts.get(promptId)!.value));
  return [...scope.items.flatMap((i) => i.phrases), ...scope.flags.flatMap((f) => [...f.phrases, ...f.unless])];
}

describe('the vocabulary of a rubric set', () => {
  it('reads every word of every fixture answer as the reference does, for every prompt', () => {
    let fuzzy = 0;
    for (const id of catalog.prompts.keys()) {
      const phrases = phrasesOf(id);
      const fast = new Vocabulary(phrases);
      const reference = new ReferenceVocabulary(phrases);
      for (const [raw, stem] of words) {
        const expected = reference.canonical(stem, raw);
        expect(fast.canonical(stem, raw), `${id}: ${raw}`).toBe(expected);
        expect(fast.startsWord(raw), `${id}: ${raw}`).toBe(reference.startsWord(raw));
        if (expected !== stem) fuzzy++;
      }
    }
    expect(fuzzy).toBeGreaterThan(0); // the comparison covered misspellings, not only exact words
  });

  it('reads misspellings of phrase words (one letter dropped, added, changed or swapped) as the reference does', () => {
    const phrases = phrasesOf('ad-click-prediction');
    const fast = new Vocabulary(phrases);
    const reference = new ReferenceVocabulary(phrases);
    const known = [...new Set(phrases.flatMap((p) => p.tokens.map((t) => t.raw)).filter((w) => w.length >= 6))];
    const edit = fc.tuple(fc.constantFrom(...known), fc.nat(), fc.constantFrom('drop', 'add', 'change', 'swap'), fc.constantFrom(...'abcdeilnorstuy')).map(([w, at, kind, letter]) => {
      const i = at % w.length;
      if (kind === 'drop') return w.slice(0, i) + w.slice(i + 1);
      if (kind === 'add') return w.slice(0, i) + letter + w.slice(i);
      if (kind === 'change') return w.slice(0, i) + letter + w.slice(i + 1);
      return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
    });
    fc.assert(
      fc.property(edit, (word) => {
        const stem = tokenize(word)[0]?.stem ?? word;
        expect(fast.canonical(stem, word)).toBe(reference.canonical(stem, word));
        expect(fast.startsWord(word.slice(0, 3))).toBe(reference.startsWord(word.slice(0, 3)));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });
});
