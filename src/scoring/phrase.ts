import { tokenize, type Token } from './analyze.js';
import { stemWord } from './stem.js';

/**
 * Phrase matching on stemmed tokens. A phrase matches when its words appear in order within one
 * clause, with at most MAX_SKIPS filler words in between; a compound may be written joined or split
 * ("a/b test" = "ab test", "re-ranking" = "reranking"), and the phrase word `k` stands for any number.
 */

export const MAX_SKIPS = 2;
const WILDCARDS = new Set(['k']);
const NUMBER = /^\p{N}+$/u;
// Skipping these would change the meaning: "monitor no drift" is not "monitor drift".
const UNSKIPPABLE = new Set(['not', 'no', 'never', 'without', 'nor']);

export interface PhraseToken {
  raw: string;
  stem: string;
  wildcard: boolean;
  /** An article inside a phrase may be left out: "correct the probabilities" = "corrected probabilities". */
  optional: boolean;
}

const ARTICLES = new Set(['a', 'an', 'the']);

export interface CompiledPhrase {
  text: string;
  tokens: PhraseToken[];
  /** joins[k]: the stem of words k and k+1 written as one word. */
  joins: Array<string | null>;
}

export function compilePhrase(text: string): CompiledPhrase {
  const parsed = tokenize(text);
  const tokens = parsed.map((t, k) => ({
    raw: t.raw,
    stem: t.stem,
    wildcard: WILDCARDS.has(t.raw),
    // Never the first word, nor a letter glued to the next ("a/b").
    optional: k > 0 && k < parsed.length - 1 && ARTICLES.has(t.raw) && parsed[k + 1]!.sep !== 'glue',
  }));
  const joins = tokens.map((t, k) => {
    const next = tokens[k + 1];
    return next ? stemWord(t.raw + next.raw) : null;
  });
  return { text, tokens, joins };
}

/**
 * The words of all phrases in a rubric set. A misspelt word in an answer ("calibraton") is read as
 * the phrase word it is one edit away from, when the word is long enough and the choice is unique.
 */
export class Vocabulary {
  private readonly stems = new Set<string>();
  /** Surface forms of phrase words and their one-letter deletions, to the stems they stand for. */
  private readonly nearby = new Map<string, Set<string>>();

  constructor(phrases: Iterable<CompiledPhrase>) {
    for (const phrase of phrases) {
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
    if (raw.length < FUZZY_MIN_LENGTH) return;
    for (const variant of [raw, ...deletions(raw)]) {
      let set = this.nearby.get(variant);
      if (!set) this.nearby.set(variant, (set = new Set()));
      set.add(stem);
    }
  }

  /** The phrase stem that a word of an answer stands for. */
  canonical(stem: string, raw: string): string {
    if (this.stems.has(stem) || raw.length < FUZZY_MIN_LENGTH || NUMBER.test(raw)) return stem;
    const candidates = new Set<string>();
    for (const variant of [raw, ...deletions(raw)]) for (const c of this.nearby.get(variant) ?? []) candidates.add(c);
    if (candidates.size !== 1) return stem;
    const [only] = candidates;
    return only!;
  }
}

/** Shorter words are too easily one edit from another real word ("label", "level"). */
const FUZZY_MIN_LENGTH = 7;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** An answer text prepared for many phrase look-ups. */
export class MatchIndex {
  readonly canon: string[];
  private readonly byStem = new Map<string, number[]>();
  private readonly byJoin = new Map<string, number[]>();
  private readonly joinStems: Array<string | null>;
  /** Positions of numbers, where a phrase starting with the wildcard `k` may start. */
  private readonly numbers: number[];

  constructor(
    readonly tokens: Token[],
    vocabulary?: Vocabulary,
  ) {
    this.canon = tokens.map((t) => (vocabulary ? vocabulary.canonical(t.stem, t.raw) : t.stem));
    this.joinStems = tokens.map((t, i) => {
      const next = tokens[i + 1];
      if (!next || !continues(next)) return null;
      const joined = stemWord(t.raw + next.raw);
      return vocabulary ? vocabulary.canonical(joined, t.raw + next.raw) : joined;
    });
    this.canon.forEach((stem, i) => push(this.byStem, stem, i));
    this.numbers = tokens.flatMap((t, i) => (NUMBER.test(t.raw) ? [i] : []));
    this.joinStems.forEach((stem, i) => stem && push(this.byJoin, stem, i));
  }

  /** Every match of the phrase as [start, end) token ranges, in text order, not overlapping. */
  find(phrase: CompiledPhrase): Array<[number, number]> {
    const first = phrase.tokens[0];
    if (!first) return [];
    const starts = new Set<number>();
    for (const i of this.byStem.get(first.stem) ?? []) starts.add(i);
    const firstJoin = phrase.joins[0];
    if (firstJoin) for (const i of this.byStem.get(firstJoin) ?? []) starts.add(i);
    for (const i of this.byJoin.get(first.stem) ?? []) starts.add(i);
    if (first.wildcard) for (const i of this.numbers) starts.add(i);
    const matches: Array<[number, number]> = [];
    let lastEnd = -1;
    for (const start of [...starts].sort((a, b) => a - b)) {
      if (start < lastEnd) continue;
      const end = this.matchAt(phrase, start);
      if (end > 0) {
        matches.push([start, end]);
        lastEnd = end;
      }
    }
    return matches;
  }

  private matchAt(phrase: CompiledPhrase, start: number): number {
    const n = this.tokens.length;
    let k = 0;
    let pos = start;
    let skips = 0;
    while (k < phrase.tokens.length) {
      if (pos >= n) return -1;
      const token = this.tokens[pos]!;
      if (pos > start && !continues(token)) return -1;
      const step = this.step(phrase, k, pos);
      if (step) {
        pos += step[0];
        k += step[1];
        continue;
      }
      if (phrase.tokens[k]!.optional) {
        k++;
        continue;
      }
      if (k === 0 || skips >= MAX_SKIPS || UNSKIPPABLE.has(token.raw)) return -1;
      skips++;
      pos++;
    }
    return pos;
  }

  /** How far text and phrase advance when phrase word k is found at pos: [text, phrase]. */
  private step(phrase: CompiledPhrase, k: number, pos: number): [number, number] | null {
    const p = phrase.tokens[k]!;
    const t = this.canon[pos]!;
    if (p.wildcard && (NUMBER.test(this.tokens[pos]!.raw) || t === p.stem)) return [1, 1];
    if (t === p.stem) return [1, 1];
    if (k + 1 < phrase.tokens.length && phrase.joins[k] === t) return [1, 2];
    if (this.joinStems[pos] === p.stem) return [2, 1];
    return null;
  }
}

function continues(token: Token): boolean {
  return token.sep === 'space' || token.sep === 'glue';
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
