import { isEnglishWord } from '../reading/english.js';
import { CONCEPT_WINDOW, CONCEPTS } from '../reading/lexicon.js';
import { tokenize, type Token } from '../reading/tokens.js';
import { opensClause } from './clause-join.js';
import type { LivePhrases, PhraseFilter } from './phrase-filter.js';
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
/**
 * Only function words and modifiers may stand between a phrase's words: "monitor for drifting
 * features" is drift monitoring, but "a static graph model" is not a static model, and "is
 * downsampling majority negative" is not "is negative". A content word between changes the sense.
 */
/** Adverbs and adjectives by their endings ("heavily", "calibrated", "historical", "predictive"). */
const MODIFIER = /^[a-z]{2,}(?:ly|ed|al|ive|ous|ful|ic|ble)$/;
const SKIPPABLE = new Set(
  ('a an the this that these those our my your their its his her some any each every all both ' +
    'of for to in on at by with from as into over per via ' +
    'very more most less also just only really still then well much many few first second ' +
    'is are be was were been will would should can could may might must do does did ' +
    'it we i you they he she them us which who whose what whether how likely ' +
    // The unit of a number, skipped with it: "recall at a 0.5% decline rate".
    'percent').split(' '),
);

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
  /**
   * For a concept reference (`@id`, see reading/lexicon.ts): its patterns, each a list of word groups
   * (sets of stems) that must all stand in one clause, in any order.
   */
  concept?: Array<Array<Set<string>>>;
}

/** Whether a phrase refers to a concept of the lexicon (`@time-split`). */
export function isConceptReference(text: string): boolean {
  return text.trim().startsWith('@');
}

/** The concept ids a rubric phrase may refer to. */
export function conceptIds(): string[] {
  return Object.keys(CONCEPTS);
}

function compileConcept(text: string): CompiledPhrase {
  const id = text.trim().slice(1);
  const patterns = Object.hasOwn(CONCEPTS, id) ? CONCEPTS[id]! : [];
  const concept = patterns.map((pattern) =>
    pattern.split(/\s+/).map((group) => new Set(group.split('|').map((word) => tokenize(word)[0]?.stem ?? word))),
  );
  // One pseudo token names the concept, for listings and duplicate checks; an unknown id matches nothing.
  const token: PhraseToken = { raw: `@${id}`, stem: `@${id}`, wildcard: false, optional: false };
  return { text, tokens: [token], joins: [null], concept };
}

export function compilePhrase(text: string): CompiledPhrase {
  if (isConceptReference(text)) return compileConcept(text);
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
    if (!next) return null;
    // A join whose stem lost the second word is no join: "late rate" stems to "later".
    // A number read from a word joins as the word ("two-tower" = "twotower", reading/numbers.ts).
    const joined = stemWord((parsed[k]!.spelled ?? t.raw) + (parsed[k + 1]!.spelled ?? next.raw));
    return joined.length >= t.raw.length + Math.min(next.stem.length, 3) ? joined : null;
  });
  return { text, tokens, joins };
}

/**
 * The vocabulary as plain data, for the compiled-scoring cache (files/compiled-cache.ts): its phrase
 * stems, its phrase words sorted, and its long words with their stems by bucket (length and stem's first letter),
 * in the order they were met: restoring it builds no entry.
 */
export interface VocabularyForm {
  stems: string[];
  words: string[];
  long: Array<[bucket: string, words: Array<[raw: string, stem: string]>]>;
}

/**
 * The words of all phrases in a rubric set. A misspelt word in an answer ("calibraton") is read as
 * the phrase word it is one edit away from, when the word is long enough and the choice is unique.
 * Built from the phrases, or restored from its form (`toForm`), which is the same vocabulary.
 */
export class Vocabulary {
  private readonly stems: Set<string> = new Set();
  /** Every phrase word, sorted: a text word starts one when it is a prefix of the first word not below it. */
  private readonly sorted: string[];
  /** Long phrase words with the stems they stand for, by length and first letter of the stem. */
  private readonly long: Map<string, Array<[raw: string, stem: string]>>;
  /** Words already looked up: answers and sessions repeat them. */
  private readonly memo = new Map<string, string>();
  /** startsWord's answers by word: every word of an answer is asked about, and answers repeat their words. */
  private readonly starts = new Map<string, boolean>();

  constructor(source: Iterable<CompiledPhrase> | VocabularyForm) {
    if (!(Symbol.iterator in source)) {
      this.stems = new Set(source.stems);
      this.long = new Map(source.long);
      this.sorted = source.words;
      return;
    }
    this.long = new Map();
    const words = new Set<string>();
    const add = (raw: string, stem: string) => {
      this.stems.add(stem);
      words.add(raw);
      if (raw.length < FUZZY_MIN_LENGTH) return;
      const key = vocabularyBucket(raw, stem);
      const list = this.long.get(key);
      if (!list) this.long.set(key, [[raw, stem]]);
      else if (!list.some(([r, s]) => r === raw && s === stem)) list.push([raw, stem]);
    };
    for (const phrase of source) {
      if (phrase.concept) {
        for (const pattern of phrase.concept) for (const group of pattern) for (const stem of group) this.stems.add(stem);
        continue;
      }
      phrase.tokens.forEach((token, k) => {
        add(token.raw, token.stem);
        const next = phrase.tokens[k + 1];
        const join = phrase.joins[k];
        if (next && join) add(token.raw + next.raw, join);
      });
    }
    this.sorted = [...words].sort();
  }

  /** The vocabulary as plain data: `new Vocabulary(v.toForm())` is the same vocabulary as `v`. */
  toForm(): VocabularyForm {
    const long = [...this.long].map(([key, list]): [string, Array<[string, string]>] => [key, list.map(([raw, stem]): [string, string] => [raw, stem])]);
    return { stems: [...this.stems], words: [...this.sorted], long };
  }

  /** Whether a text word could be the first part of a phrase word written as two ("re ranking"). */
  startsWord(raw: string): boolean {
    if (!raw) return false;
    let known = this.starts.get(raw);
    if (known === undefined) {
      known = this.findStart(raw);
      if (this.starts.size >= MEMO_LIMIT) this.starts.clear();
      this.starts.set(raw, known);
    }
    return known;
  }

  private findStart(raw: string): boolean {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < raw) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.sorted.length && this.sorted[lo]!.startsWith(raw);
  }

  /** The phrase stem that a word of an answer stands for. */
  canonical(stem: string, raw: string): string {
    if (this.stems.has(stem) || raw.length < FUZZY_MIN_LENGTH) return stem;
    // A correctly spelled English word is never read as another one ("transformed", "transformer").
    if (this.startsWord(raw.slice(0, 3)) && isEnglishWord(raw)) return stem;
    const key = `${raw} ${stem}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const found = this.nearest(stem, raw);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }

  /**
   * The one stem, starting with the word's first letter, of the phrase words that the word shares a
   * one-letter deletion with (or is); the word's own stem when there is none or more than one.
   */
  private nearest(stem: string, raw: string): string {
    // A slip in the first three letters is rare; words that start like no phrase word are skipped.
    if (NUMBER.test(raw) || !this.startsWord(raw.slice(0, 3))) return stem;
    let only: string | null = null;
    for (let length = raw.length - 1; length <= raw.length + 1; length++) {
      const words = this.long.get(bucket(length, raw[0]!));
      if (!words) continue;
      for (let k = 0; k < words.length; k++) {
        const word = words[k]![0];
        const c = words[k]![1];
        if (c === only) continue;
        let near: boolean;
        if (length < raw.length) near = dropsOne(raw, word);
        else if (length > raw.length) near = dropsOne(word, raw);
        else near = word === raw || shareDeletion(word, raw);
        if (!near) continue;
        // Two deletions can join words two edits apart ("running", "pruning"): the first letter is kept.
        if (only !== null) return stem;
        only = c;
      }
    }
    return only ?? stem;
  }
}

function bucket(length: number, first: string): string {
  return `${length}${first}`;
}

/** The bucket of a long phrase word: its length and the first letter of its stem. */
function vocabularyBucket(raw: string, stem: string): string {
  return bucket(raw.length, stem[0] ?? '');
}

/** Whether `short` is `long` with one letter left out (`long` one letter longer). */
function dropsOne(long: string, short: string): boolean {
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  // What follows the letter left out is the rest of `short`.
  for (let j = i; j < short.length; j++) if (long.charCodeAt(j + 1) !== short.charCodeAt(j)) return false;
  return true;
}

/**
 * Whether two different words of one length become the same word with one letter left out of each
 * ("modle" and "model", as "mode"; "lable" and "label", as "labl").
 * Left out at i in `a` and j in `b` (i <= j), the words agree before i and after j, and between them
 * `a` is `b` moved one place: so i and j may be the first and last places where they differ, and
 * between those a[k + 1] = b[k] (or, with j < i, b[k + 1] = a[k]). Read in place, without making the
 * deletions.
 */
function shareDeletion(a: string, b: string): boolean {
  let first = 0;
  while (first < a.length && a.charCodeAt(first) === b.charCodeAt(first)) first++;
  if (first === a.length) return true;
  let last = a.length - 1;
  while (a.charCodeAt(last) === b.charCodeAt(last)) last--;
  let aAhead = true;
  let bAhead = true;
  for (let k = first; k < last && (aAhead || bAhead); k++) {
    if (a.charCodeAt(k + 1) !== b.charCodeAt(k)) aAhead = false;
    if (b.charCodeAt(k + 1) !== a.charCodeAt(k)) bAhead = false;
  }
  return aAhead || bAhead;
}

/** Shorter words are too easily one edit from another real word ("label", "level"). */
const FUZZY_MIN_LENGTH = 7;
const MEMO_LIMIT = 50_000;

/**
 * An answer text prepared for many phrase look-ups. With the rubric set's `filter`, the phrases that
 * cannot match in the text are known at once (`mayMatchAny`, `phrasesToSearch`) and found nowhere without a look.
 */
export class MatchIndex {
  readonly canon: string[];
  private readonly byStem = new Map<string, number[]>();
  private readonly byJoin = new Map<string, number[]>();
  private readonly joinStems: Array<string | null>;
  /** Positions of numbers, where a phrase starting with the wildcard `k` may start. */
  private readonly numbers: number[];
  /** The text's distinct stems and the distinct stems of its pairs of words written as one, in text order (what a PhraseFilter looks up). */
  private readonly words: [stems: string[], joins: string[]];

  constructor(
    readonly tokens: Token[],
    vocabulary?: Vocabulary,
    private readonly filter?: PhraseFilter<CompiledPhrase>,
  ) {
    // Answers repeat their words: look each one up once.
    const seen = new Map<string, string>();
    const canonical = (stem: string, raw: string): string => {
      if (!vocabulary) return stem;
      let found = seen.get(raw);
      if (found === undefined) seen.set(raw, (found = vocabulary.canonical(stem, raw)));
      return found;
    };
    // One pass over the tokens: each is read once, and no intermediate list is made.
    const stems: string[] = [];
    const joins: string[] = [];
    const canon: string[] = [];
    const joinStems: Array<string | null> = [];
    const numbers: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      // A name or acronym in capitals ("FAIR") is not the concept word it spells: it matches nothing.
      const stem = t.name ? `\u0000${t.raw}` : canonical(t.stem, t.raw);
      canon.push(stem);
      if (push(this.byStem, stem, i)) stems.push(stem);
      if (isNumber(t.raw)) numbers.push(i);
      const next = tokens[i + 1];
      let join: string | null = null;
      // A single letter is not the second half of a word ("200ms e2e" is not "mse").
      // Exact only: a typo allowance on two words read as one turns "when the" into "whether".
      // A number read from a word joins as the word ("two tower" = "twotower", reading/numbers.ts).
      if (next && continues(next) && next.raw.length >= 2 && (t.spelled !== undefined || !vocabulary || vocabulary.startsWord(t.raw))) join = stemWord((t.spelled ?? t.raw) + next.raw);
      joinStems.push(join);
      if (join && push(this.byJoin, join, i)) joins.push(join);
    }
    this.words = [stems, joins];
    this.canon = canon;
    this.joinStems = joinStems;
    this.numbers = numbers;
  }

  /** Matches found so far, by phrase: items, flags and a second reading after a mistake ask about the same phrases. */
  private readonly found = new Map<CompiledPhrase, ReadonlyArray<[number, number]>>();

  /** The phrases of `filter` that can match in this text, worked out on first use. */
  private live: LivePhrases<CompiledPhrase> | null = null;

  private livePhrases(filter: PhraseFilter<CompiledPhrase>): LivePhrases<CompiledPhrase> {
    return (this.live ??= filter.live(this.words, this.numbers.length > 0));
  }

  /**
   * The phrases of `filter` that can match in this text (a phrase left out has no match here). The
   * index's own filter's answer is worked out once; another filter's is worked out on each call.
   */
  livePhrasesOf(filter: PhraseFilter<CompiledPhrase>): LivePhrases<CompiledPhrase> {
    if (filter === this.filter) return this.livePhrases(filter);
    return filter.live(this.words, this.numbers.length > 0);
  }

  /**
   * The phrases of a list that can match in this text, in the list's order: searching them finds
   * what searching the whole list would. Without a filter, or for a list the filter does not hold, the
   * whole list.
   */
  phrasesToSearch(phrases: readonly CompiledPhrase[]): readonly CompiledPhrase[] {
    const filter = this.filter;
    if (!filter) return phrases;
    return this.livePhrases(filter).ofList(phrases) ?? phrases;
  }

  /**
   * Whether any phrase of the list can match in this text: false only when the list is one of the
   * index's `filter` and none of its phrases can match here (then `find` finds none of them).
   */
  mayMatchAny(phrases: readonly CompiledPhrase[]): boolean {
    const filter = this.filter;
    if (!filter) return true;
    return this.livePhrases(filter).hasList(phrases) || !filter.knowsList(phrases);
  }

  /** Every match of the phrase as [start, end) token ranges, in text order, not overlapping (shared: not to be changed). */
  find(phrase: CompiledPhrase): ReadonlyArray<[number, number]> {
    const filter = this.filter;
    // A phrase of the rubric set that cannot match here: no look, and nothing to remember.
    if (filter && this.livePhrases(filter).rulesOut(phrase)) return NONE;
    let matches = this.found.get(phrase);
    if (matches === undefined) {
      matches = phrase.concept ? this.findConcept(phrase.concept, isConceptReference(phrase.text)) : this.findWords(phrase);
      this.found.set(phrase, matches);
    }
    return matches;
  }

  /** Matches read through a coordination, by phrase (see findCoordinated). */
  private readonly coordinated = new Map<CompiledPhrase, ReadonlyArray<[number, number]>>();

  /**
   * Every match of a phrase of words, read through one coordination as well as plainly: "human and LLM
   * grades" holds "human grades", "human labels or grades" holds "human grades", "human/LLM grades"
   * holds "human grades" (see coordinationSkip). For the corrections that clear a red flag, which a
   * candidate often states for two things at once; an item's own phrases are matched plainly (find).
   * In text order, not overlapping; a concept's matches are find's, already order-free in its clause.
   */
  findCoordinated(phrase: CompiledPhrase): ReadonlyArray<[number, number]> {
    if (phrase.concept || phrase.tokens.length < 2) return this.find(phrase);
    let matches = this.coordinated.get(phrase);
    if (matches === undefined) {
      const plain = this.find(phrase);
      matches = plain;
      if (this.hasEveryWord(phrase)) {
        const first = phrase.tokens[0]!;
        const out: Array<[number, number]> = [];
        let lastEnd = -1;
        let p = 0;
        for (let start = 0; start < this.tokens.length; start++) {
          while (p < plain.length && plain[p]![1] <= start) p++;
          const own = plain[p] && plain[p]![0] === start ? plain[p]![1] : -1;
          if (start < lastEnd) continue;
          const end = own > 0 ? own : this.canon[start] === first.stem || this.joinStems[start] === first.stem ? this.matchAt(phrase, start, true) : -1;
          if (end > 0) {
            out.push([start, end]);
            lastEnd = end;
          }
        }
        matches = out.length > 0 ? out : NONE;
      }
      this.coordinated.set(phrase, matches);
    }
    return matches;
  }

  private findWords(phrase: CompiledPhrase): ReadonlyArray<[number, number]> {
    const first = phrase.tokens[0];
    if (!first) return NONE;
    // Where the phrase can start: its first word, its first two words written as one, the first word
    // written as two, or any number for the wildcard. Most phrases start nowhere in a given text.
    const firstJoin = phrase.joins[0];
    const own = this.byStem.get(first.stem);
    const joined = firstJoin ? this.byStem.get(firstJoin) : undefined;
    const split = this.byJoin.get(first.stem);
    const numbers = first.wildcard && this.numbers.length > 0 ? this.numbers : undefined;
    if (!own && !joined && !split && !numbers) return NONE;
    if (!this.hasEveryWord(phrase)) return NONE;
    // Each list is already in text order; only a mix of them needs sorting.
    const single = (own ? 1 : 0) + (joined ? 1 : 0) + (split ? 1 : 0) + (numbers ? 1 : 0) === 1;
    const starts = single ? (own ?? joined ?? split ?? numbers)! : [...new Set([own, joined, split, numbers].filter((list): list is number[] => !!list).flat())].sort((a, b) => a - b);
    let matches: Array<[number, number]> | null = null;
    let lastEnd = -1;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      if (start < lastEnd) continue;
      const end = this.matchAt(phrase, start);
      if (end > 0) {
        (matches ??= []).push([start, end]);
        lastEnd = end;
      }
    }
    return matches ?? NONE;
  }

  /**
   * Whether every word of the phrase that a match needs is somewhere in the text, in one of the forms
   * matchAt accepts (step): as a word, as half of two phrase words written as one, or written as two
   * words. Articles that may be left out and the number wildcard are not needed. A phrase one of whose
   * words is missing cannot match, so its starts are not tried: "data" is everywhere, "data leakage" is not.
   */
  private hasEveryWord(phrase: CompiledPhrase): boolean {
    const { tokens, joins } = phrase;
    for (let k = 1; k < tokens.length; k++) {
      const token = tokens[k]!;
      if (token.optional || token.wildcard) continue;
      if (this.byStem.has(token.stem) || this.byJoin.has(token.stem)) continue;
      const withNext = joins[k];
      const withBefore = joins[k - 1];
      if ((withNext && k + 1 < tokens.length && this.byStem.has(withNext)) || (withBefore && this.byStem.has(withBefore))) continue;
      return false;
    }
    return true;
  }

  /** Clause number of each token: a hard separator starts a new clause. */
  private clauses: number[] | null = null;
  /** The same, with a short parenthesis read as part of the clause before it (for the lexicon's concepts). */
  private noteClauses: number[] | null = null;
  /** Per sentence, the positions of its context tokens (the labels it is read under). */
  private contexts: Map<number, number[]> | null = null;

  /**
   * Matches of a concept: every group of one pattern in one clause, within CONCEPT_WINDOW words. A
   * group may also be met by the claim's context (its heading or label), which holds for the whole
   * claim: "## Online" then "- share of posts people still see" is an online measure. At least one
   * group must be met in the claim's own words.
   */
  private findConcept(patterns: Array<Array<Set<string>>>, notes: boolean): ReadonlyArray<[number, number]> {
    const found: Array<[number, number]> = [];
    // Indexed loops and small arrays: this runs unoptimised in a fresh process, where each for-of step,
    // closure and set is an allocation.
    for (let p = 0; p < patterns.length; p++) {
      const groups = patterns[p]!;
      // Most patterns have a group with no word here: nothing is gathered for them.
      let all = true;
      for (let g = 0; g < groups.length && all; g++) all = this.hasAny(groups[g]!);
      if (!all) continue;
      const clauses = notes ? (this.noteClauses ??= clauseNumbers(this.tokens, true)) : (this.clauses ??= clauseNumbers(this.tokens, false));
      const contexts = (this.contexts ??= contextPositions(this.tokens));
      const positions: number[][] = [];
      for (let g = 0; g < groups.length; g++) positions.push(this.positionsOf(groups[g]!));
      for (let a = 0; a < groups.length; a++) {
        const anchors = positions[a]!;
        for (let k = 0; k < anchors.length; k++) {
          const anchor = anchors[k]!;
          if (this.tokens[anchor]!.context) continue;
          const context = contexts.get(this.tokens[anchor]!.sentence);
          let lo = anchor;
          let hi = anchor;
          const used = [anchor];
          let ok = true;
          for (let g = 0; g < groups.length && ok; g++) {
            if (g === a) continue;
            // The claim's context meets the group wherever the group stands in the claim.
            if (context && this.meets(context, groups[g]!)) continue;
            let best = -1;
            // Only positions within the window around the anchor: linear in the text, not quadratic.
            const list = positions[g]!;
            for (let j = lowerBound(list, anchor - CONCEPT_WINDOW); j < list.length && list[j]! <= anchor + CONCEPT_WINDOW; j++) {
              const q = list[j]!;
              if (used.includes(q) || clauses[q] !== clauses[anchor] || this.tokens[q]!.context) continue;
              if (this.joinBetween(anchor, q, groups)) continue;
              const span = Math.max(hi, q) - Math.min(lo, q);
              if (span > CONCEPT_WINDOW) continue;
              if (best < 0 || Math.abs(q - anchor) < Math.abs(best - anchor)) best = q;
            }
            if (best < 0) ok = false;
            else {
              used.push(best);
              lo = Math.min(lo, best);
              hi = Math.max(hi, best);
            }
          }
          if (ok) found.push([lo, hi + 1]);
        }
      }
    }
    if (found.length === 0) return NONE;
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: Array<[number, number]> = [];
    for (let k = 0; k < found.length; k++) {
      const m = found[k]!;
      if (out.length === 0 || m[0] >= out[out.length - 1]![1]) out.push(m);
    }
    return out;
  }

  /** Positions of the tokens that open a clause within a sentence part (clause-join.ts), in text order. */
  private joins: number[] | null = null;

  /**
   * Whether a clause join (", so we", ", but", "because they") stands between positions `a` and `b`
   * (after the first, up to the second): a concept's words must stand in one clause. A join whose word
   * is one of the pattern's own ("more accurate, but slower": the trade-off's "but") keeps it whole.
   */
  private joinBetween(a: number, b: number, groups: Array<Set<string>>): boolean {
    const joins = (this.joins ??= this.tokens.flatMap((_, k) => (opensClause(this.tokens, k) ? [k] : [])));
    if (joins.length === 0) return false;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    for (let j = lowerBound(joins, lo + 1); j < joins.length && joins[j]! <= hi; j++) {
      const stem = this.canon[joins[j]!]!;
      if (!groups.some((group) => group.has(stem))) return true;
    }
    return false;
  }

  /** Where the words of a group (a set of stems) stand, in text order. */
  private positionsOf(group: ReadonlySet<string>): number[] {
    let list: number[] | null = null;
    let merged = false;
    for (const stem of group) {
      const at = this.byStem.get(stem);
      if (!at) continue;
      if (!list) list = at;
      else {
        // Two stems of the group stand here: their positions are merged (each list is in text order already).
        if (!merged) list = list.slice();
        merged = true;
        for (let k = 0; k < at.length; k++) list.push(at[k]!);
      }
    }
    if (!list) return [];
    return merged ? list.sort((a, b) => a - b) : list;
  }

  /** Whether a context token (of `context`, positions) is a word of the group. */
  private meets(context: readonly number[], group: ReadonlySet<string>): boolean {
    for (let k = 0; k < context.length; k++) if (group.has(this.canon[context[k]!]!)) return true;
    return false;
  }

  /** Whether a word of the group (a set of stems) stands in the text. */
  private hasAny(group: ReadonlySet<string>): boolean {
    for (const stem of group) if (this.byStem.has(stem)) return true;
    return false;
  }

  private matchAt(phrase: CompiledPhrase, start: number, coordination = false): number {
    const n = this.tokens.length;
    let k = 0;
    let pos = start;
    let skips = 0;
    let coordinated = !coordination;
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
      // One coordinated conjunct may stand between two words of the phrase ("human and LLM grades").
      if (!coordinated && k > 0) {
        const skip = this.coordinationSkip(phrase, k, pos);
        if (skip > 0) {
          coordinated = true;
          pos += skip;
          continue;
        }
      }
      // The rest of a number ("0.5" read as 0 5, "5%" as 5 percent) goes with its first part: one skip in all.
      if (k > 0 && pos > start && (token.raw === 'percent' || token.sep === 'glue') && NUMBER.test(this.tokens[pos - 1]!.raw) && (token.raw === 'percent' || NUMBER.test(token.raw))) {
        pos++;
        continue;
      }
      if (k === 0 || skips >= MAX_SKIPS || UNSKIPPABLE.has(token.raw)) return -1;
      if (!SKIPPABLE.has(token.raw) && !NUMBER.test(token.raw) && !MODIFIER.test(token.raw)) return -1;
      skips++;
      pos++;
    }
    return pos;
  }

  /**
   * How many words from `pos` are a conjunct coordinated with the phrase word before it, so that phrase
   * word k follows them: "and", "or", "plus" and up to three words ("human [and an LLM] judge"), up to
   * three words and "and", "or" or "plus" ("human [labels and] grades"), or one word joined by a slash
   * ("human[/LLM] grades"). Within the clause part (no comma); 0 when there is none.
   */
  private coordinationSkip(phrase: CompiledPhrase, k: number, pos: number): number {
    const at = (i: number) => this.tokens[i];
    const inPart = (i: number) => {
      const t = at(i);
      return t !== undefined && continues(t) && !UNSKIPPABLE.has(t.raw);
    };
    const steps = (i: number) => i < this.tokens.length && inPart(i) && this.step(phrase, k, i) !== null;
    if (COORDINATORS.has(at(pos)?.raw ?? '') && inPart(pos)) {
      for (let j = 1; j <= 3 && inPart(pos + j); j++) if (steps(pos + j + 1)) return j + 1;
      return 0;
    }
    if (at(pos)?.sep === 'glue' && at(pos - 1)?.sep !== 'glue' && at(pos + 1)?.sep !== 'glue' && steps(pos + 1)) return 1;
    for (let j = 0; j < 3 && inPart(pos + j); j++) {
      if (COORDINATORS.has(at(pos + j + 1)?.raw ?? '') && inPart(pos + j + 1)) return steps(pos + j + 2) ? j + 2 : 0;
    }
    return 0;
  }

  /** How far text and phrase advance when phrase word k is found at pos: [text, phrase]. */
  private step(phrase: CompiledPhrase, k: number, pos: number): Step | null {
    const p = phrase.tokens[k]!;
    const t = this.canon[pos]!;
    if (p.wildcard && (NUMBER.test(this.tokens[pos]!.raw) || t === p.stem)) return ONE_WORD;
    if (t === p.stem) return ONE_WORD;
    if (k + 1 < phrase.tokens.length && phrase.joins[k] === t) return TWO_AS_ONE;
    if (this.joinStems[pos] === p.stem) return ONE_AS_TWO;
    return null;
  }
}

const NONE: ReadonlyArray<[number, number]> = Object.freeze([]);

/** Words that join two conjuncts ("human and LLM grades", "labels or grades", "rules plus a model"). */
const COORDINATORS = new Set(['and', 'or', 'plus']);

/** How far text and phrase advance at one step of a match (MatchIndex.step), made once. */
type Step = readonly [text: number, phrase: number];
const ONE_WORD: Step = Object.freeze([1, 1] as const);
const TWO_AS_ONE: Step = Object.freeze([1, 2] as const);
const ONE_AS_TWO: Step = Object.freeze([2, 1] as const);

/** NUMBER.test, without the pattern for a word that starts with an ASCII character other than a digit (most words). */
function isNumber(raw: string): boolean {
  const code = raw.charCodeAt(0);
  if (code < 128 && (code < 48 || code > 57)) return false;
  return NUMBER.test(raw);
}

/** The first index of a sorted list whose value is at least `value`. */
function lowerBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function contextPositions(tokens: Token[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  tokens.forEach((t, i) => t.context && push(out, t.sentence, i));
  return out;
}

/**
 * Clause number of each token: a hard separator starts a new clause. With `notes` (the lexicon's concepts,
 * `@id`), the opening of a short parenthesis (a note of up to PAREN_NOTE_WORDS words) does not: it goes on
 * about the words before it ("lookup (~10 ms)" is the lookup's time, "ranker (GBDT on CPU)" the ranker's).
 * A longer parenthesis is an aside with a clause of its own; the words after a parenthesis closes start a
 * new clause. A red flag's own patterns (`~`) keep every parenthesis apart: a mistake needs its words in
 * one clause.
 */
function clauseNumbers(tokens: Token[], notes: boolean): number[] {
  let n = 0;
  return tokens.map((t, i) => (t.sep === 'hard' && !(notes && t.paren && !t.context && shortNote(tokens, i) && !afterProbabilityOf(tokens, i)) ? ++n : n));
}

/** How many words a parenthesis may hold and still be read with the words before it. */
const PAREN_NOTE_WORDS = 4;

/** Whether the parenthesis opening at token i holds at most PAREN_NOTE_WORDS words (up to the next hard separator). */
function shortNote(tokens: Token[], i: number): boolean {
  let k = i + 1;
  while (k < tokens.length && k - i < PAREN_NOTE_WORDS && tokens[k]!.sep !== 'hard') k++;
  return k >= tokens.length || tokens[k]!.sep === 'hard';
}

/** The notation "P(click | user, ad)" (read "probability of (click | ...)"): its argument list stays a clause of its own. */
function afterProbabilityOf(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.raw === 'of' && tokens[i - 2]?.raw === 'probability';
}

function continues(token: Token): boolean {
  return token.sep === 'space' || token.sep === 'glue';
}

/** Adds a value to the key's list; whether the key is new. */
function push<K>(map: Map<K, number[]>, key: K, value: number): boolean {
  const list = map.get(key);
  if (list) {
    list.push(value);
    return false;
  }
  map.set(key, [value]);
  return true;
}
