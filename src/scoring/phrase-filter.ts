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
  /** Each phrase's number: the filter's tables are arrays by these numbers, read without a look-up by phrase. */
  private readonly ids = new Map<P, number>();
  /** The phrases by their numbers. */
  private readonly byNumber: P[] = [];
  /** Phrase numbers by a word of their required part (requiredPart, conceptKeys). */
  private readonly byKey = new Map<string, number[]>();
  /** Phrases whose one required word is the wildcard `k` first: they can match at any number. */
  private readonly numbered: number[] = [];
  /** By phrase number: the lists (an item's phrases, a flag's) the phrase is in, by their numbers. */
  private readonly owners: number[][] = [];
  /** Each list's number. */
  private readonly listIds = new Map<readonly P[], number>();
  /** By list number: the list, and its phrases' numbers in list order (a phrase twice in a list stands there twice). */
  private readonly lists: Array<readonly P[]> = [];
  private readonly members: number[][] = [];

  /** Built from the phrase lists a text will be searched for: items', flags' and their conditions'. */
  constructor(lists: Iterable<readonly P[]>) {
    for (const list of lists) {
      let listId = this.listIds.get(list);
      const known = listId !== undefined;
      if (listId === undefined) {
        listId = this.lists.length;
        this.listIds.set(list, listId);
        this.lists.push(list);
        this.members.push([]);
      }
      for (let k = 0; k < list.length; k++) {
        const phrase = list[k]!;
        let id = this.ids.get(phrase);
        if (id === undefined) {
          id = this.owners.length;
          this.ids.set(phrase, id);
          this.byNumber.push(phrase);
          this.owners.push([listId]);
          if (phrase.concept) {
            for (const key of conceptKeys(phrase.concept)) this.add(key, id);
          } else {
            const { keys, numbered } = requiredPart(phrase);
            for (const key of keys) this.add(key, id);
            if (numbered) this.numbered.push(id);
          }
        } else if (!this.owners[id]!.includes(listId)) {
          this.owners[id]!.push(listId);
        }
        if (!known) this.members[listId]!.push(id);
      }
    }
  }

  private add(key: string, id: number): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }

  /** Whether the phrase is in one of the lists: only then can `live` rule it out. */
  knows(phrase: P): boolean {
    return this.ids.has(phrase);
  }

  /** Whether the list is one of these: only then can `live` rule it out. */
  knowsList(list: readonly P[]): boolean {
    return this.listIds.has(list);
  }

  /**
   * The phrases that can match in a text, and the lists that hold one, from the text's words: `words`
   * its (canonical) stems and the stems of its pairs of words written as one (each word once), `numbers`
   * whether it has a number.
   */
  live(words: ReadonlyArray<readonly string[]>, numbers: boolean): LivePhrases<P> {
    const marked = new Uint8Array(this.owners.length);
    const found: number[] = [];
    const mark = (ids: readonly number[]) => {
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (marked[id] === 0) {
          marked[id] = 1;
          found.push(id);
        }
      }
    };
    for (let w = 0; w < words.length; w++) {
      const keys = words[w]!;
      for (let k = 0; k < keys.length; k++) {
        const ids = this.byKey.get(keys[k]!);
        if (ids) mark(ids);
      }
    }
    if (numbers) mark(this.numbered);
    const lists = new Uint8Array(this.lists.length);
    for (let k = 0; k < found.length; k++) {
      const owners = this.owners[found[k]!]!;
      for (let o = 0; o < owners.length; o++) lists[owners[o]!] = 1;
    }
    return new LivePhrases(this, marked, found, lists);
  }

  /** The phrases of these numbers. */
  phrasesOf(ids: readonly number[]): P[] {
    return ids.map((id) => this.byNumber[id]!);
  }

  /** The number of a phrase (undefined for one not in the lists). */
  idOf(phrase: P): number | undefined {
    return this.ids.get(phrase);
  }

  /** The number of a list (undefined for one the filter was not built from). */
  listIdOf(list: readonly P[]): number | undefined {
    return this.listIds.get(list);
  }

  /** A list's phrases that `marked` (by phrase number) says can match, in the list's order. */
  liveMembers(listId: number, marked: Uint8Array): P[] {
    const members = this.members[listId]!;
    const list = this.lists[listId]!;
    const out: P[] = [];
    for (let k = 0; k < members.length; k++) if (marked[members[k]!] === 1) out.push(list[k]!);
    return out;
  }
}

/**
 * What can match in one text (PhraseFilter.live): the phrases of the filter that can, and the lists
 * that hold one. Phrases and lists the filter was not built from are no concern of it (`rulesOut` is
 * false for them).
 */
export class LivePhrases<P extends FilteredPhrase> {
  /** Per list number, its live phrases in list order, worked out on first use. */
  private readonly byList: Array<P[] | undefined>;

  constructor(
    private readonly filter: PhraseFilter<P>,
    private readonly marked: Uint8Array,
    private readonly found: readonly number[],
    private readonly lists: Uint8Array,
  ) {
    this.byList = new Array<P[] | undefined>(lists.length);
  }

  /** How many phrases can match. */
  get size(): number {
    return this.found.length;
  }

  /** The phrases that can match, each once, in no particular order. */
  phrases(): P[] {
    return this.filter.phrasesOf(this.found);
  }

  /** Whether the phrase is one of the filter's that cannot match here. */
  rulesOut(phrase: P): boolean {
    const id = this.filter.idOf(phrase);
    return id !== undefined && this.marked[id] === 0;
  }

  /** Whether the phrase can match here, as far as the filter knows (a phrase it does not know may). */
  has(phrase: P): boolean {
    const id = this.filter.idOf(phrase);
    return id !== undefined && this.marked[id] === 1;
  }

  /** Whether the list is one of the filter's and has a phrase that can match here. */
  hasList(list: readonly P[]): boolean {
    const id = this.filter.listIdOf(list);
    return id !== undefined && this.lists[id] === 1;
  }

  /**
   * The phrases of one of the filter's lists that can match here, in the list's order (twice where the
   * list holds a phrase twice): searching these finds what searching the whole list would. Null for a
   * list the filter was not built from.
   */
  ofList(list: readonly P[]): readonly P[] | null {
    const id = this.filter.listIdOf(list);
    if (id === undefined) return null;
    if (this.lists[id] === 0) return NO_PHRASES;
    return (this.byList[id] ??= this.filter.liveMembers(id, this.marked));
  }
}

const NO_PHRASES: readonly never[] = Object.freeze([]);

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
