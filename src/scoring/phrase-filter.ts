/** What the filter reads of a compiled phrase (phrase.ts, CompiledPhrase): its words' stems, joins and concept patterns. */
export interface FilteredPhrase {
  tokens: ReadonlyArray<{ stem: string; wildcard: boolean; optional: boolean }>;
  joins: ReadonlyArray<string | null>;
  concept?: ReadonlyArray<ReadonlyArray<ReadonlySet<string>>>;
}

/**
 * Which phrases of a rubric set can match in a text, so that a text is searched only for those. A
 * phrase of words matches only where each of its words stands (as a word, written as two words, or
 * joined with the next or the one before; its first word, for the number wildcard `k`, at a number:
 * MatchIndex.findWords), and a concept only where a word of each group of one of its patterns stands
 * (MatchIndex.findConcept). A text holds a few hundred
 * distinct words and a rubric set a thousand phrases, most of which start nowhere in it: looking the
 * text's words up here finds the few that can, where asking each phrase of each item of each text
 * cost most of scoring in a fresh process. Each phrase is filed under the words of the one part of it
 * least likely to be in a text (requiredPart), and the pruning is exact: a phrase left out has no match.
 */
export class PhraseFilter<P extends FilteredPhrase = FilteredPhrase> {
  /** Phrases by a word of their required part (requiredPart, conceptKeys). */
  private readonly byKey = new Map<string, P[]>();
  /** Phrases whose one required word is the wildcard `k` first: they can match at any number. */
  private readonly numbered: P[] = [];
  /** The lists (an item's phrases, a flag's) each phrase is in. */
  private readonly owners = new Map<P, Array<readonly P[]>>();
  /** Where each phrase stands in the lists: [list, index], in list order (a phrase twice in a list stands there twice). */
  private readonly places = new Map<P, Array<[list: readonly P[], index: number]>>();
  private readonly lists = new Set<readonly P[]>();

  /** Built from the phrase lists a text will be searched for: items', flags' and their conditions'. */
  constructor(lists: Iterable<readonly P[]>) {
    for (const list of lists) {
      if (!this.lists.has(list)) {
        list.forEach((phrase, index) => {
          const places = this.places.get(phrase);
          if (places) places.push([list, index]);
          else this.places.set(phrase, [[list, index]]);
        });
      }
      this.lists.add(list);
      for (const phrase of list) {
        const owners = this.owners.get(phrase);
        if (owners) {
          if (!owners.includes(list)) owners.push(list);
          continue;
        }
        this.owners.set(phrase, [list]);
        if (phrase.concept) {
          for (const key of conceptKeys(phrase.concept)) this.add(key, phrase);
          continue;
        }
        const { keys, numbered } = requiredPart(phrase);
        for (const key of keys) this.add(key, phrase);
        if (numbered) this.numbered.push(phrase);
      }
    }
  }

  private add(key: string, phrase: P): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [phrase]);
    else if (list[list.length - 1] !== phrase) list.push(phrase);
  }

  /** Whether the phrase is in one of the lists: only then can `live` rule it out. */
  knows(phrase: P): boolean {
    return this.owners.has(phrase);
  }

  /** Whether the list is one of these: only then can `live` rule it out. */
  knowsList(list: readonly P[]): boolean {
    return this.lists.has(list);
  }

  /**
   * The phrases of each list that can match in a text, in the list's order (twice where the list
   * holds a phrase twice), from the phrases that can (`live(...).phrases`): searching these finds what
   * searching the whole list would. A list with none is left out; only this filter's lists are keys.
   */
  liveLists(live: ReadonlySet<P>): Map<readonly P[], P[]> {
    const at = new Map<readonly P[], number[]>();
    for (const phrase of live) {
      for (const [list, index] of this.places.get(phrase) ?? []) {
        const indexes = at.get(list);
        if (indexes) indexes.push(index);
        else at.set(list, [index]);
      }
    }
    const out = new Map<readonly P[], P[]>();
    for (const [list, indexes] of at) {
      if (indexes.length > 1) indexes.sort((a, b) => a - b);
      out.set(list, indexes.map((k) => list[k]!));
    }
    return out;
  }

  /**
   * The phrases that can match in a text, and the lists that hold one, from the text's words: `words`
   * its (canonical) stems and the stems of its pairs of words written as one, `numbers` whether it has a number.
   */
  live(words: Iterable<Iterable<string>>, numbers: boolean): LivePhrases<P> {
    const phrases = new Set<P>();
    for (const keys of words) {
      for (const key of keys) {
        const found = this.byKey.get(key);
        if (found) for (const phrase of found) phrases.add(phrase);
      }
    }
    if (numbers) for (const phrase of this.numbered) phrases.add(phrase);
    const lists = new Set<readonly P[]>();
    for (const phrase of phrases) for (const list of this.owners.get(phrase)!) lists.add(list);
    return { phrases, lists };
  }
}

/** What can match in one text (PhraseFilter.live). */
export interface LivePhrases<P> {
  phrases: ReadonlySet<P>;
  lists: ReadonlySet<readonly P[]>;
}

/**
 * The words one part of the phrase must stand as in a text for the phrase to match (MatchIndex.findWords,
 * hasEveryWord): the first word as a word, written as two, or joined with the second; a later word
 * (not an article that may be left out, nor the wildcard) as a word, written as two, or joined with
 * the word before or after it. Of these parts, the one with the longest stem. When the first word is
 * the wildcard `k` and no later word is required, the phrase can start at any number too (`numbered`).
 */
function requiredPart(phrase: FilteredPhrase): { keys: string[]; numbered: boolean } {
  const { tokens, joins } = phrase;
  const first = tokens[0];
  if (!first) return { keys: [], numbered: false };
  const firstKeys = joins[0] ? [first.stem, joins[0]] : [first.stem];
  let best: string[] | null = first.wildcard ? null : firstKeys;
  let longest = first.wildcard ? -1 : first.stem.length;
  for (let k = 1; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.optional || token.wildcard || token.stem.length <= longest) continue;
    const keys = [token.stem];
    const withNext = joins[k];
    const withBefore = joins[k - 1];
    if (withNext && k + 1 < tokens.length) keys.push(withNext);
    if (withBefore) keys.push(withBefore);
    best = keys;
    longest = token.stem.length;
  }
  return best ? { keys: best, numbered: false } : { keys: firstKeys, numbered: true };
}

/** The words a concept is filed under: for each of its patterns, the stems of its rarest group (a word of each group must be found). */
function conceptKeys(concept: ReadonlyArray<ReadonlyArray<ReadonlySet<string>>>): string[] {
  const keys = new Set<string>();
  for (const pattern of concept) for (const stem of rarestGroup(pattern)) keys.add(stem);
  return [...keys];
}

/** The group of a concept pattern with the longest shortest stem: every group must be found, this one least often is. */
function rarestGroup(pattern: ReadonlyArray<ReadonlySet<string>>): Iterable<string> {
  let best: ReadonlySet<string> | undefined;
  let score = -1;
  for (const group of pattern) {
    let shortest = Infinity;
    for (const stem of group) shortest = Math.min(shortest, stem.length);
    if (shortest > score) {
      best = group;
      score = shortest;
    }
  }
  return best ?? [];
}
