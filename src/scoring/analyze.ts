import { stemWord } from './stem.js';

/**
 * Text analysis for the scorer: sentences (for evidence), tokens (for matching) and whether each
 * sentence is a statement or only a list of terms. Pure and deterministic.
 */

/** How a token is separated from the token before it. */
export type Separator =
  | 'space' // whitespace only
  | 'glue' // a hyphen, slash or underscore inside a word: "a/b", "re-ranking"
  | 'comma' // a soft clause boundary: lists continue across it
  | 'hard'; // ; : ( ) dashes and sentence ends: nothing continues across it

export interface Token {
  /** Normalized surface form: lowercase letters or digits. */
  raw: string;
  stem: string;
  sep: Separator;
  sentence: number;
}

export interface Sentence {
  /** The sentence as the user wrote it, markup removed, for evidence. */
  text: string;
  /** 1-based line in the source where the sentence starts. */
  line: number;
  firstToken: number;
  /** One past the last token. */
  endToken: number;
  /** A clause with a verb, a choice or a reason, as opposed to a bare list of terms. */
  statement: boolean;
}

export interface Analysis {
  tokens: Token[];
  sentences: Sentence[];
}

interface Segment {
  text: string;
  line: number;
}

const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s/;
const BULLET = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}/;

/** Splits text into sentences: blank lines, bullets and headings end a segment; so do . ! ? */
export function segment(source: string, options: { skipHeadings?: boolean } = {}): Segment[] {
  const text = source.replace(HTML_COMMENT, (m) => m.replace(/[^\n]/g, ' '));
  const lines = text.split(/\r\n|\r|\n/);
  const out: Segment[] = [];
  let buffer = '';
  let bufferLine = 0;
  let inFence = false;
  const flush = () => {
    if (buffer.trim()) out.push(...splitSentences(buffer, bufferLine));
    buffer = '';
  };
  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    if (FENCE.test(rawLine)) {
      flush();
      inFence = !inFence;
      return;
    }
    const line = rawLine.trim();
    if (!line || TABLE_RULE.test(line)) {
      flush();
      return;
    }
    if (!inFence && HEADING.test(rawLine)) {
      flush();
      if (!options.skipHeadings) out.push({ text: line.replace(/^#+\s*/, '').replace(/#+$/, ''), line: lineNo });
      return;
    }
    const bullet = BULLET.test(rawLine) || line.startsWith('|');
    if (bullet || inFence) flush();
    if (!buffer) bufferLine = lineNo;
    buffer += (buffer ? ' ' : '') + line.replace(BULLET, '').replace(/^\|/, '').replace(/\|$/, '').replace(/\s*\|\s*/g, '; ');
    if (inFence) flush();
  });
  flush();
  return out;
}

// A sentence ends at . ! ? followed by space and a capital, digit, quote or markup; "e.g. the" stays whole.
const SENTENCE_END = /(?<=[.!?])["')\]]*\s+(?=[A-Z0-9"'(\[*_`])|(?<=\?)\s+/g;

function splitSentences(paragraph: string, line: number): Segment[] {
  return paragraph
    .split(SENTENCE_END)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => ({ text: part, line }));
}

/** Removes Markdown markup so evidence reads as prose. */
export function stripMarkup(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S[^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
  [/'s\b/g, ''],
  [/'(re|ve|ll|d|m)\b/g, ' $1'],
];

const MAGNITUDES: Record<string, string> = { k: 'thousand', m: 'million', b: 'billion', bn: 'billion' };

/** Unicode NFKC, lowercase, typographic quotes and dashes made plain, symbols spelled out. */
export function normalize(text: string): string {
  // Each pass runs only when its characters occur: this is called for every sentence scored.
  const ascii = /^[\x00-\x7f]*$/.test(text);
  let s = ascii ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
  if (!ascii) {
    s = s.replace(/[\u2018\u2019\u201b\u2032`´]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"');
    s = s.replace(/[\u2010\u2011\u2012]/g, '-').replace(/[\u2013\u2014\u2015]/g, ' — ');
  } else if (s.includes('`')) {
    s = s.replace(/`/g, "'");
  }
  if (s.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  else s = s.replace(/\bcannot\b/g, 'can not');
  // "500M posts" and "10k QPS" read as "500 million posts" and "10 thousand qps".
  if (/\d[kmb]/.test(s)) s = s.replace(/(\d)(k|m|bn|b)\b/g, (_m, d: string, unit: string) => `${d} ${MAGNITUDES[unit]}`);
  if (/[@&+×]/.test(s)) s = s.replace(/@/g, ' at ').replace(/&/g, ' and ').replace(/\+/g, ' plus ').replace(/×/g, ' x ');
  return s;
}

const WORD = /[\p{L}\p{M}]+|\p{N}+/gu;

/** Tokenizes normalized text. The separator records what stood between a token and the previous one. */
export function tokenize(text: string, sentence = 0): Token[] {
  const s = normalize(text);
  const tokens: Token[] = [];
  let last = 0;
  let first = true;
  for (const m of s.matchAll(WORD)) {
    const start = m.index;
    const between = s.slice(last, start);
    last = start + m[0].length;
    tokens.push({ raw: m[0], stem: stemWord(m[0]), sep: first ? 'hard' : separatorOf(between), sentence });
    first = false;
  }
  return tokens;
}

function separatorOf(between: string): Separator {
  if (between === '') return 'glue'; // letters next to digits: "200ms", "p99"
  if (/[;:()[\]{}!?.—|"]/.test(between) || /\s-+\s/.test(between)) return 'hard';
  if (between.includes(',')) return 'comma';
  if (/^[\s]*[-/_'\\]+[\s]*$/.test(between) && !/\s/.test(between)) return 'glue';
  if (/[-/_\\]/.test(between)) return 'glue';
  return 'space';
}

// Words that make a run of terms a statement: pronouns, auxiliaries, common verbs, subordinators.
const CLAUSE_WORDS = new Set(
  (
    'i we you they he she it this that these those there which who what why how when where whether ' +
    'is are was were be been being am will would should could can may might must shall do does did done ' +
    'have has had use uses used using need needs want wants make makes help helps let lets get gets ' +
    'because so since if then than unless while although though otherwise therefore thus hence ' +
    'predict predicts train trains serve serves measure measures track tracks compute computes ' +
    'add adds keep keeps start starts run runs pick picks choose chooses prefer prefers rank ranks ' +
    'learn learns avoid avoids catch catches give gives show shows tell tells mean means matter matters ' +
    'assume assumes ask say says look looks try tries go goes take takes put puts come comes ' +
    // Imperative steps of a pipeline ("Fetch user features, then query the index") are statements too.
    'fetch query pull return send call store write read join apply remove update build trim merge ' +
    'insert generate retrieve sort select encode feed pass route push include contain combine capture ' +
    'detect flag block remove reduce improve increase decrease handle match produce provide require ' +
    'support split score filter blur embed cache label'
  ).split(' '),
);

/** A clause word, or its third-person form ("removes", "matches"). */
function isClauseWord(word: string): boolean {
  if (CLAUSE_WORDS.has(word)) return true;
  if (word.length > 3 && word.endsWith('s') && CLAUSE_WORDS.has(word.slice(0, -1))) return true;
  return word.length > 4 && word.endsWith('es') && CLAUSE_WORDS.has(word.slice(0, -2));
}

// "about 1 billion members", "300 million DAU", "150 ms at p99": notes that state numbers say something.
const QUANTITY_AFTER = new Set(['thousand', 'million', 'billion', 'percent', 'ms', 'milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'per']);
const QUANTITY_BEFORE = new Set(['about', 'around', 'roughly', 'approximately', 'under', 'over', 'nearly', 'almost']);

function isQuantity(tokens: Token[], i: number): boolean {
  if (!/^\p{N}+$/u.test(tokens[i]!.raw)) return false;
  return QUANTITY_AFTER.has(tokens[i + 1]?.raw ?? '') || QUANTITY_BEFORE.has(tokens[i - 1]?.raw ?? '');
}

/**
 * A statement is a clause with a verb, a choice or a reason. A run of comma-separated terms with no
 * clause word in most of its parts ("AUC, NDCG, drift, A/B test") is a list, not a statement.
 */
export function isStatement(tokens: Token[]): boolean {
  if (tokens.length < 3) return false;
  const chunks: Token[][] = [[]];
  for (const token of tokens) {
    if (token.sep === 'comma' || token.sep === 'hard') chunks.push([]);
    chunks[chunks.length - 1]!.push(token);
  }
  const parts = chunks.filter((c) => c.length > 0);
  const withClause = parts.filter((c) => c.some((t, i) => isClauseWord(t.raw) || isQuantity(c, i)));
  if (withClause.length === 0) return false;
  const longest = Math.max(...withClause.map((c) => c.length));
  if (parts.length >= 3) {
    // A list with one verb tacked on ("we use AUC, NDCG, MRR, recall, drift, PSI") still counts
    // only if a clause part is long enough to say something.
    const average = tokens.length / parts.length;
    if (average <= 2.5 && withClause.length / parts.length < 0.34 && longest < 5) return false;
  }
  return longest >= 3;
}

/** Analyzes one text: sentences with their tokens. Headings are kept out: they are structure. */
export function analyze(text: string): Analysis {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const seg of segment(text, { skipHeadings: true })) {
    const display = stripMarkup(seg.text);
    const index = sentences.length;
    const sentenceTokens = tokenize(display, index);
    if (sentenceTokens.length === 0) continue;
    const firstToken = tokens.length;
    tokens.push(...sentenceTokens);
    sentences.push({
      text: display,
      line: seg.line,
      firstToken,
      endToken: tokens.length,
      statement: isStatement(sentenceTokens),
    });
  }
  return { tokens, sentences };
}
