import { stemWord } from '../scoring/stem.js';
import { ROLES } from './lexicon.js';
import type { Token } from './tokens.js';

const NOUNS: ReadonlyMap<string, string> = new Map(Object.entries(ROLES.nouns));
const BEFORE: ReadonlySet<string> = new Set(ROLES.before);
const NOT_BEFORE_AS: ReadonlySet<string> = new Set(ROLES.notBeforeAs);
const EVALUATIVE: ReadonlySet<string> = new Set(ROLES.evaluative);
const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'be', 'was', 'were', 'will', 'remain', 'remains']);
/** An adjective or participle by its ending ("important", "needed", "critical"): it judges the role when nothing follows it. */
const ADJECTIVE = /^[a-z]{3,}(?:ed|ful|al|ant|ary|ive|ble|ic|ous|ial)$/;
/** Words after such an adjective that end what it says ("needed before launch", "important for us"). */
const AFTER_ADJECTIVE = new Set(['for', 'to', 'before', 'after', 'here', 'too', 'as', 'in', 'on', 'at', 'since', 'because', 'but', 'and', 'or', 'so', 'if', 'when', 'though']);

/** Whether a token opens a clause (the first of a claim, or after a comma, colon, dash or full stop). */
function opens(token: Token | undefined): boolean {
  return !token || token.sep === 'hard' || token.sep === 'comma';
}

/**
 * Whether the role noun at `i` is given its filler in an "as" phrase: "conversion as a guardrail", "with
 * latency as our guardrail". Something of the same clause must stand before "as", and "as" must not be
 * part of another phrase ("as well as guardrails", "such as guardrails").
 */
function filledByAs(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  // Up to two words between "as" and the role: "as a guardrail", "as one more guardrail" is not read.
  for (let n = 0; n < 2 && j >= 0 && BEFORE.has(tokens[j]!.raw) && !opens(tokens[j + 1]); n++) j--;
  if (j < 1 || tokens[j]!.raw !== 'as' || opens(tokens[j + 1]) || opens(tokens[j])) return false;
  return !NOT_BEFORE_AS.has(tokens[j - 1]!.raw);
}

/**
 * Whether the role noun at `i` is the subject of a copula with a filler after it: "guardrail = conversion"
 * ("=" reads "is", tokens.ts), "the guardrails are the disable rate", "Guardrails: hides" (a note label
 * reads "is", claims.ts). Not a judgement of the role: "guardrails are important", "are needed before
 * launch", "is not optional".
 */
function filledByCopula(tokens: readonly Token[], i: number): boolean {
  const be = tokens[i + 1];
  if (!be || opens(be) || !COPULAS.has(be.raw)) return false;
  let k = i + 2;
  // "will be", "are always": the auxiliary's own verb.
  if (tokens[k] && !opens(tokens[k]) && tokens[k]!.raw === 'be') k++;
  const first = tokens[k];
  if (!first || opens(first) || EVALUATIVE.has(first.raw)) return false;
  const after = tokens[k + 1];
  if (ADJECTIVE.test(first.raw) && (opens(after) || AFTER_ADJECTIVE.has(after!.raw))) return false;
  return true;
}

/**
 * A claim's tokens with the role's word read after each role noun that a predicate fills (lexicon.ts,
 * ROLES): "conversion as a guardrail" reads "conversion as a guardrail metric", so the rubric phrase
 * "guardrail metric" finds it; "guardrails are important" reads as written. Pure, linear; returns the
 * same array when nothing changes.
 */
export function withRoles(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out?.push(t);
    const word = NOUNS.get(t.raw);
    if (word === undefined || t.context) continue;
    // Already named in full: "guardrail metrics are ...".
    const next = tokens[i + 1];
    if (next && !opens(next) && next.raw.startsWith(word.slice(0, 6))) continue;
    if (!filledByAs(tokens, i) && !filledByCopula(tokens, i)) continue;
    out ??= tokens.slice(0, i + 1);
    out.push({ raw: word, stem: stemWord(word), sep: 'space', sentence: t.sentence });
  }
  return out ?? tokens;
}

/**
 * A label's tokens (a heading or lead-in, claims.ts) with the role's word read after a role noun that
 * ends it: "Guardrails:" over "- hides per session" is the note "guardrails: hides per session", a role
 * filled by each entry under it.
 */
export function withRoleLabel(tokens: Token[]): Token[] {
  const last = tokens[tokens.length - 1];
  const word = last && !last.context ? NOUNS.get(last.raw) : undefined;
  if (word === undefined) return tokens;
  return [...tokens, { raw: word, stem: stemWord(word), sep: 'space', sentence: last!.sentence }];
}
