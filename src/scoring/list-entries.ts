import type { Token } from '../reading/tokens.js';
import { startsVerbPhrase } from '../reading/verbs.js';

/**
 * The entries of an enumeration, for a red flag's conditions: "Useful features are the amount, the
 * card's past chargebacks, and whether the card was later reported stolen". A correction of the flag
 * (an `unlessNear` word such as "past") clears a trigger only when it is said of that trigger: in the
 * trigger's own entry, or in a part of the clause that is no entry of the list but a remark on it
 * ("..., all computed before the payment", "..., which we drop as it is not available"). "Past" in a
 * sibling entry says nothing of "whether the card was later reported stolen".
 *
 * A clause is an enumeration when commas cut it into three parts or more, or into two of which the
 * second opens with "and" or "or" and then no subject ("..., and we ..." is a second clause); not when
 * it opens with a condition or reason ("if", "because") or a later part has a subject pronoun, a
 * modal or a verb of being of its own (a clause: "..., and the edge we predict can leak", "..., and
 * human grades are compared"; "whether the card was stolen" is an entry). A part is
 * an entry unless it opens with a remark's word (REMARK_OPENERS) or a subject pronoun; "and" or "or"
 * before it are read past. The lead-in (the first part, where the list's head is named: "Useful
 * features are the amount") is where a `near` word may stand for every entry.
 */

/** Words that open a part remarking on the list or its entries rather than naming another entry. */
const REMARK_OPENERS = new Set([
  'all', 'each', 'every', 'both', 'none', 'not', 'never', 'no', 'which', 'that', 'so', 'but', 'because', 'since', 'as', 'though',
  'although', 'while', 'whereas', 'where', 'when', 'if', 'unless', 'until', 'once', 'only', 'computed', 'calculated', 'measured',
  'taken', 'built', 'aggregated', 'derived', 'using', 'based', 'excluding', 'except', 'before', 'after', 'up', 'prior', 'then',
  'hence', 'thus', 'therefore', 'otherwise', 'instead', 'rather', 'however', 'yet', 'without',
]);
const PRONOUNS = new Set(['we', 'i', 'you', 'they', 'it', 'he', 'she', 'this', 'these', 'those']);
const JOINS = new Set(['and', 'or']);
/** Forms of "be" and "have" and the like: a part opened by one is a predicate ("were not reopened"). */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'get', 'gets', 'got']);
/** Words that open a clause of condition or reason: a sentence opened by one is clauses, not a list. */
const SUBORDINATORS = new Set(['if', 'when', 'because', 'since', 'unless', 'although', 'though', 'while', 'once', 'as', 'whenever']);
/** Subject pronouns of a person: an entry may hold "it" ("whether it was later refunded"), not "we". */
const SUBJECTS = new Set(['we', 'i', 'you', 'they']);
/** Finite forms of "be". */
const BEING = new Set(['is', 'are', 'was', 'were']);
/** Words that open a clause inside an entry ("whether the card was stolen", "payments that were refunded"). */
const NOUN_CLAUSES = new Set(['whether', 'if', 'that', 'which', 'who', 'whose', 'where', 'when', 'how', 'what']);
/** Modals: a part with one says what something does or would do, a clause of its own. */
const MODALS = new Set(['can', 'could', 'would', 'will', 'should', 'might', 'may', 'must', 'shall']);

/** An enumeration's reading around one trigger. */
export interface ListReading {
  /** The comma-separated parts of the clause, [start, end) token ranges in order. */
  parts: Array<[number, number]>;
  /**
   * The index in `parts` of the trigger's own part: the one that holds its last word (a concept's match
   * may start in the entry before, "rate, the device and whether the payment was later disputed").
   */
  own: number;
}

/**
 * The parts of the clause [clauseStart, clauseEnd) around a trigger at [start, end), when the clause is
 * an enumeration (see the module comment); null when it is not one.
 */
export function listAround(tokens: readonly Token[], [clauseStart, clauseEnd]: readonly [number, number], [start, end]: readonly [number, number]): ListReading | null {
  const parts: Array<[number, number]> = [];
  let from = clauseStart;
  for (let i = clauseStart + 1; i < clauseEnd; i++) {
    if (tokens[i]!.sep === 'comma') {
      parts.push([from, i]);
      from = i;
    }
  }
  parts.push([from, clauseEnd]);
  if (parts.length < 2 || SUBORDINATORS.has(tokens[clauseStart]?.raw ?? '')) return null;
  // A later part with a subject or a modal of its own is a clause, not an entry: "If graph features come
  // from today's graph, mutual counts include later edges, and the edge we predict can leak in".
  // So is one with a verb of being outside a clause of its own ("..., and human grades are compared";
  // not "..., and whether the card was later reported stolen").
  for (let k = 1; k < parts.length; k++) {
    let nested = false;
    for (let i = parts[k]![0]; i < parts[k]![1]; i++) {
      const word = tokens[i]!.raw;
      if (SUBJECTS.has(word) || MODALS.has(word) || (BEING.has(word) && !nested)) return null;
      if (NOUN_CLAUSES.has(word)) nested = true;
    }
  }
  if (parts.length === 2) {
    const opener = tokens[parts[1]![0]]!;
    if (!JOINS.has(opener.raw) || PRONOUNS.has(tokens[parts[1]![0] + 1]?.raw ?? '')) return null;
  }
  const last = Math.max(start, end - 1);
  const own = parts.findIndex(([a, b]) => last >= a && last < b);
  return own < 0 ? null : { parts, own };
}

/**
 * Whether part `k` of the list names an entry: not a remark on the list (REMARK_OPENERS, a pronoun), not
 * a verb phrase (a list of what is done to one thing shares its object: "index tickets that were
 * solved, rewrite them into a question and answer"), and not a part after the one that closes the list
 * with "and" or "or" ("using the final count, or friends who registered later, leaks the answer": the
 * list is a subject and the last part its predicate).
 */
function isEntry(tokens: readonly Token[], list: ListReading, k: number): boolean {
  const [a, b] = list.parts[k]!;
  const closing = list.parts.reduce((last, [from], j) => (j > 0 && JOINS.has(tokens[from]?.raw ?? '') ? j : last), -1);
  if (closing > 0 && k > closing) return false;
  let first = a;
  if (JOINS.has(tokens[first]?.raw ?? '') && first + 1 < b) first++;
  const word = tokens[first]?.raw ?? '';
  if (REMARK_OPENERS.has(word) || PRONOUNS.has(word)) return false;
  return k === 0 || !(AUXILIARIES.has(word) || startsVerbPhrase(word, tokens[first + 1]?.raw ?? ''));
}

/**
 * Whether a correction at [s, e) is said of the trigger of `list`: in the trigger's own part, in a part
 * that is no entry (a remark), in the claim's context (its heading or lead-in label, read before the
 * clause), or spanning parts. A correction in a sibling entry, or in the first part when the trigger
 * is a later entry, is another entry's.
 */
export function saidOfEntry(tokens: readonly Token[], list: ListReading, [s, e]: readonly [number, number]): boolean {
  if (tokens[s]?.context) return true;
  const at = list.parts.findIndex(([a, b]) => s >= a && s < b);
  if (at < 0 || at === list.own) return true;
  if (e > list.parts[at]![1]) return true;
  return !isEntry(tokens, list, at);
}

/**
 * Whether a `near` word at [s, e) stands in the list's lead-in for a trigger in a later entry: in the
 * first part, before the trigger's part. The head a list names ("features are the amount, ...") holds
 * for every entry, however long the list.
 */
export function inLeadIn(list: ListReading, [s, e]: readonly [number, number]): boolean {
  const [a, b] = list.parts[0]!;
  return list.own > 0 && s >= a && e <= b;
}
