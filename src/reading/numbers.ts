/** The fields of a token (reading/tokens.ts) this module reads and writes; its own, so the two modules do not import each other. */
export interface WordToken {
  raw: string;
  stem: string;
  sep: 'space' | 'glue' | 'comma' | 'hard';
  sentence: number;
  context?: boolean;
  spelled?: string;
  paren?: true;
}

/**
 * Numbers written in words, read as the digits they spell, so that "more than ten minutes late" and
 * "more than 10 minutes late", "per thousand impressions" and "per 1000 impressions" (or "per 1k",
 * "per 1,000") are the same words to the matcher, the statement test and the depth cues. One table,
 * used by the tokenizer (`spellNumbers`, for matching) and by depth (`isQuantityWord`). Pure.
 *
 * What is read: two to nineteen, the tens ("twenty-five", "forty two"), "N hundred", "hundred" and
 * "thousand" (each its own token: "ten thousand" reads "10 1000", as "10k" does). "One" is a pronoun
 * as often as a number ("the one we ship"), so it is read only before a magnitude ("one thousand") or
 * after a ten ("twenty-one"). "Million" and "billion" stay words, as the rubrics write them and as
 * "1M" is read ("1 million"); plurals ("hundreds", "thousands") are no number either.
 */

const UNITS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const MAGNITUDES = new Set(['hundred', 'thousand', 'million', 'billion']);

const unit = (raw: string | undefined): number | undefined => (raw !== undefined && Object.hasOwn(UNITS, raw) ? UNITS[raw] : undefined);
const ten = (raw: string | undefined): number | undefined => (raw !== undefined && Object.hasOwn(TENS, raw) ? TENS[raw] : undefined);

/** Whether a token continues a number with the one before: a space or a hyphen ("twenty-five"). */
const joins = (t: WordToken | undefined): boolean => !!t && (t.sep === 'space' || t.sep === 'glue');

/**
 * The number a run of number words starting at `i` spells, and how many tokens it takes; null when
 * the token starts none. "one" alone is no number (see the module's note).
 */
function readNumber(tokens: readonly WordToken[], i: number): { value: number; length: number } | null {
  const first = tokens[i]!.raw;
  if (first === 'hundred') return { value: 100, length: 1 };
  if (first === 'thousand') return { value: 1000, length: 1 };
  let value: number;
  let length = 1;
  const tens = ten(first);
  if (tens !== undefined) {
    value = tens;
    const next = tokens[i + 1];
    const after = unit(next?.raw);
    if (after !== undefined && after < 10 && joins(next)) {
      value += after;
      length++;
    }
  } else {
    const units = unit(first);
    if (units === undefined) return null;
    value = units;
  }
  // "five hundred", "twenty-five hundred": a hundred's multiple, then perhaps its tens and units.
  const hundred = tokens[i + length];
  if (hundred?.raw === 'hundred' && joins(hundred)) {
    value *= 100;
    length++;
    const rest = readRest(tokens, i + length);
    if (rest) {
      value += rest.value;
      length += rest.length;
    }
  } else if (first === 'one' && !(hundred?.sep === 'space' && MAGNITUDES.has(hundred.raw))) {
    return null;
  }
  return { value, length };
}

/** The tens and units after "N hundred" ("five hundred twenty"), below a hundred. */
function readRest(tokens: readonly WordToken[], i: number): { value: number; length: number } | null {
  const t = tokens[i];
  if (!t || t.sep !== 'space') return null;
  const tens = ten(t.raw);
  if (tens !== undefined) {
    const next = tokens[i + 1];
    const after = unit(next?.raw);
    return after !== undefined && after < 10 && joins(next) ? { value: tens + after, length: 2 } : { value: tens, length: 1 };
  }
  const units = unit(t.raw);
  return units !== undefined ? { value: units, length: 1 } : null;
}

/**
 * The tokens with numbers written in words read as digits: each run ("twenty-five", "five hundred")
 * becomes one token whose word and stem are its digits, with the first word's separator and
 * context. A text with no number word is returned as it is.
 */
export function spellNumbers(tokens: WordToken[]): WordToken[] {
  let out: WordToken[] | null = null;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const read = isNumberWordStart(t.raw) ? readNumber(tokens, i) : null;
    if (!read) {
      out?.push(t);
      i++;
      continue;
    }
    out ??= tokens.slice(0, i);
    const digits = String(read.value);
    out.push({ raw: digits, stem: digits, sep: t.sep, sentence: t.sentence, ...(t.context ? { context: true } : {}), ...(t.paren ? { paren: true as const } : {}), ...(read.length === 1 ? { spelled: t.raw } : {}) });
    i += read.length;
  }
  return out ?? tokens;
}

function isNumberWordStart(raw: string): boolean {
  return raw === 'hundred' || raw === 'thousand' || Object.hasOwn(UNITS, raw) || Object.hasOwn(TENS, raw);
}

/**
 * Whether a word spells a quantity, as digits would ("ten minutes", "a thousand impressions", "a
 * million users"), for the depth cues: every number word of `spellNumbers` but a lone "one", and
 * "million" and "billion". `next` is the word after it and `hyphen` whether a hyphen joins them: a
 * number word hyphenated to a word that is no number names a thing ("two-tower", "two-stage").
 */
export function isQuantityWord(word: string, next: string | undefined, hyphen: boolean): boolean {
  if (word === 'one') return next !== undefined && MAGNITUDES.has(next) && !hyphen;
  if (!isNumberWordStart(word) && word !== 'million' && word !== 'billion') return false;
  if (!hyphen || next === undefined) return true;
  return isNumberWordStart(next);
}
