import { stemWord } from '../scoring/stem.js';
import { isEnglishWord } from './english.js';
import { LEXICON, METRIC_NAMES, type LexiconEntry } from './lexicon.js';
import { spellNumbers } from './numbers.js';

/**
 * Words of a claim, as the matcher sees them: normalized (NFKC, lowercase, contractions and symbols
 * spelled out), stemmed, with what separated each from the one before, and rewritten through the
 * lexicon of the field (note forms and long metric names to the rubrics' words). Pure; every pattern
 * here runs in linear time on its input.
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
  /**
   * An acronym or name written in capitals that is also an English word ("FAIR", "ARM"): it is not
   * the concept word it spells, so it matches no rubric word.
   */
  name?: boolean;
  /** Written in capitals, two letters or more ("LR", "AUC"). */
  upper?: boolean;
  /** The token comes from the claim's context (its heading or table header), not the claim itself. */
  context?: boolean;
  /** A number read from one word ("two" as "2", reading/numbers.ts): the word, for compounds ("two-tower" = "twotower"). */
  spelled?: string;
  /** The hard separator before the token opens a parenthesis: "removed automatically (only above 0.98)". */
  paren?: true;
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
  const ascii = /^[\x00-\x7f]*$/.test(text);
  let s = ascii ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
  if (!ascii) {
    s = s.replace(/[\u2018\u2019\u201b\u2032`´]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"');
    s = s.replace(/[\u2010\u2011\u2012]/g, '-').replace(/[\u2013\u2014\u2015]/g, ' — ').replace(/[\u2192\u21d2]/g, ' -> ');
  } else if (s.includes('`')) {
    s = s.replace(/`/g, "'");
  }
  if (s.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  else s = s.replace(/\bcannot\b/g, 'can not');
  // "P(click | user)" is the probability of a click given the user.
  if (s.includes('p(')) s = s.replace(/(?<![a-z0-9])p\(/g, ' probability of (');
  // "(user, video)" names a pair of things: the input of a pointwise model. Three or four after "for", "given",
  // "each"... name a tuple ("for (user, event, context) predict"); elsewhere they are a list ("(likes, shares, comments)").
  if (s.includes('(')) {
    s = s.replace(/\(\s?([a-z]+),\s?([a-z]+)\s?\)/g, ' pair $1 $2 ');
    s = s.replace(/(?<=\b(?:for|given|per|each|every|over)\s)\(\s?[a-z]+(?:,\s?[a-z]+){2,3}\s?\)/g, (m: string) => ` tuple ${m.slice(1, -1).split(',').map((w) => w.trim()).join(' ')} `);
  }
  // Note forms: "goal = revenue" says "goal is revenue"; an arrow ends a clause ("gen -> ranker").
  if (s.includes('>')) s = s.replace(/[-=]+>/g, ' ; ');
  if (s.includes('=')) s = s.replace(/\s=+\s|(?<=[a-z])=+(?=[a-z\s])/g, ' is ');
  // "1,000" is the number 1000 (the comma is no clause boundary); a space after it keeps the text's length.
  if (/\d,\d{3}/.test(s)) s = s.replace(/(?<![\d,.])(\d{1,3}(?:,\d{3})+)(?!\d|,\d|\.\d)/g, (m: string) => `${m.replace(/,/g, '')}${' '.repeat(m.split(',').length - 1)}`);
  if (/\d[kmb]/.test(s)) s = s.replace(/(\d)(k|m|bn|b)\b/g, (_m, d: string, unit: string) => `${d} ${MAGNITUDES[unit]}`);
  if (/[@&+×$]/.test(s)) s = s.replace(/@/g, ' at ').replace(/&/g, ' and ').replace(/\+/g, ' plus ').replace(/×/g, ' x ').replace(/\$/g, ' dollars ');
  // "0.15% positives", "5% of traffic": the sign is a word, as concepts and quantities read it.
  // A bare sign is the word too: "% late beyond 10 minutes".
  if (s.includes('%')) s = s.replace(/(\d)\s?%/g, '$1 percent').replace(/%/g, ' percent ');
  return s;
}

const WORD = /[\p{L}\p{M}]+|\p{N}+/gu;
const CAPITALS = /^[A-Z]{2,}$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** Tokenizes text. The separator records what stood between a token and the previous one. */
export function tokenize(text: string, sentence = 0): Token[] {
  const tokens = scanWords(text, sentence);
  markNames(tokens);
  return spellNumbers(rewrite(tokens));
}

/** The words of a text, normalized and stemmed, with their separators, before names are marked and the lexicon's forms rewritten (exported for tests). */
export function scanWords(text: string, sentence = 0): Token[] {
  const s = normalize(text);
  const tokens: Token[] = [];
  // Capitals are looked up in the original text, where it has the same length (ASCII only).
  const original = s.length === text.length ? text : null;
  let last = 0;
  if (ASCII.test(s)) {
    // In ASCII, WORD's words are runs of letters or runs of digits: read here without the pattern.
    for (let i = 0; i < s.length; ) {
      const kind = asciiKind(s.charCodeAt(i));
      if (kind === OTHER) {
        i++;
        continue;
      }
      let end = i + 1;
      // The run's kind inline (asciiKind): a call per character costs more than the test in a fresh process.
      while (end < s.length) {
        const c = s.charCodeAt(end);
        if (kind === LETTER ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) : !(c >= 48 && c <= 57)) break;
        end++;
      }
      tokens.push(wordAt(s, original, i, end, last, sentence, tokens.length === 0));
      last = end;
      i = end;
    }
  } else {
    for (const m of s.matchAll(WORD)) {
      const end = m.index + m[0].length;
      tokens.push(wordAt(s, original, m.index, end, last, sentence, tokens.length === 0));
      last = end;
    }
  }
  return tokens;
}

const ASCII = /^[\x00-\x7f]*$/;
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;

/** What an ASCII character is to WORD: a letter, a digit or neither. */
function asciiKind(code: number): number {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return LETTER;
  return code >= 48 && code <= 57 ? DIGIT : OTHER;
}

/** The token of the word s[start, end), after what stood between it and the word before, which ended at `last`. */
function wordAt(s: string, original: string | null, start: number, end: number, last: number, sentence: number, first: boolean): Token {
  const raw = s.slice(start, end);
  const token: Token = { raw, stem: stemWord(raw), sep: first ? 'hard' : separatorAt(s, last, start), sentence };
  if (!first) {
    const open = s.indexOf('(', last);
    if (open >= 0 && open < start) token.paren = true;
  }
  // Only a word that starts with a capital can be in capitals.
  if (original && isCapital(original.charCodeAt(start)) && CAPITALS.test(original.slice(start, end))) token.upper = true;
  return token;
}

/** The field's metrics by their short names ("MAE", "MAP", "MRR"): in capitals, the metric, never a name, though "mae" is an English word. */
const METRIC_SHORT_NAMES: ReadonlySet<string> = new Set(METRIC_NAMES.map((e) => e.to).filter((to) => !to.includes(' ')));

/**
 * A word in capitals is a name or an acronym ("FAIR", "CAT") unless the text around it is in
 * capitals too (a shouted heading), and only matters when it spells an English word.
 */
function markNames(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.upper || t.raw.length < 3 || METRIC_SHORT_NAMES.has(t.raw)) continue;
    const shouted = !!tokens[i - 1]?.upper || !!tokens[i + 1]?.upper;
    if (!shouted && isEnglishWord(t.raw)) t.name = true;
  }
}

/** The separator of the word at `start`, after what stands from `last` (where the word before ended). */
function separatorAt(s: string, last: number, start: number): Separator {
  // Most words follow one space: read without slicing what stands between.
  if (start - last === 1) {
    const code = s.charCodeAt(last);
    if (code === 32) return 'space';
    // A decimal point or a thousands comma inside a number ("0.15", "40,000") separates nothing.
    if ((code === 46 || code === 44) && isDigit(s.charCodeAt(start)) && isDigit(s.charCodeAt(start - 2))) return 'glue';
  }
  return separatorOf(s.slice(last, start));
}

function separatorOf(between: string): Separator {
  if (between === ' ') return 'space'; // most words: none of the patterns below holds
  if (between === '') return 'glue'; // letters next to digits: "200ms", "p99"
  // An opening quote starts quoted words: "I would not open with 'we'll use a neural network'".
  if (/[;:()[\]{}!?.—|"]/.test(between) || /\s-+\s/.test(between) || /(?:^|\s)'/.test(between)) return 'hard';
  if (between.includes(',')) return 'comma';
  if (/[-/_\\]/.test(between)) return 'glue';
  return 'space';
}

interface Form {
  words: string[];
  to: string[];
  capitalsOnly: boolean;
}

/** Forms by their first word, longest first. */
let forms: Map<string, Form[]> | null = null;

function formIndex(): Map<string, Form[]> {
  if (forms) return forms;
  const index = new Map<string, Form[]>();
  const add = (entry: LexiconEntry, form: string, capitalsOnly: boolean) => {
    const words = form.split(/\s+/).filter(Boolean);
    const list = index.get(words[0]!) ?? [];
    list.push({ words, to: entry.to.split(/\s+/), capitalsOnly });
    index.set(words[0]!, list);
  };
  for (const entry of LEXICON) {
    for (const form of entry.forms) add(entry, form, false);
    for (const form of entry.capitalsOnly ?? []) add(entry, form, true);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  forms = index;
  return index;
}

/** Rewrites lexicon forms to their canonical words, longest form first, left to right. */
function rewrite(tokens: Token[]): Token[] {
  const index = formIndex();
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const found = index.get(t.raw)?.find((f) => fits(tokens, i, f));
    if (!found) {
      out?.push(t);
      i++;
      continue;
    }
    out ??= tokens.slice(0, i);
    found.to.forEach((raw, k) => out!.push({ raw, stem: stemWord(raw), sep: k === 0 ? t.sep : 'space', sentence: t.sentence, ...(t.context ? { context: true } : {}), ...(k === 0 && t.paren ? { paren: true as const } : {}) }));
    i += found.words.length;
  }
  return out ?? tokens;
}

function fits(tokens: Token[], i: number, form: Form): boolean {
  for (let k = 0; k < form.words.length; k++) {
    const t = tokens[i + k];
    if (!t || t.raw !== form.words[k]) return false;
    if (k > 0 && (t.sep === 'hard' || t.sep === 'comma')) return false;
  }
  const first = tokens[i]!;
  if (form.capitalsOnly && !first.upper) return false;
  // A one- or two-letter form glued to a number is something else ("w1", "b2b").
  const next = tokens[i + form.words.length];
  if (form.words.length === 1 && first.raw.length <= 2 && next?.sep === 'glue' && /^\p{N}/u.test(next.raw)) return false;
  return true;
}
