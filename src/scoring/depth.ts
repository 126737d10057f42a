/**
 * Depth from evidence: how far a claim goes beyond naming a term, read from cues around it.
 * Pure and deterministic.
 *
 * - `named`: the term appears with nothing around it that decides or explains (a bare list of terms).
 * - `chosen`: a decision is stated: a decision verb ("we use", "start with", "I'd pick"), a clause
 *   about the term, a number or a unit ("retrain daily", "p99 under 50 ms"), or a note that
 *   explains the term after a colon, "=" or an arrow ("labels: clicks within 1 h").
 * - `justified`: the decision carries a reason ("because", "so", "to avoid", "since", "->", "b/c")
 *   or a comparison ("vs", "instead of", "rather than", "trade-off", "pros / cons", "cheaper than").
 *
 * Form never lowers depth by itself: a terse note with a reason is as justified as a paragraph.
 * The cue lists are our own reading of how interviewers tell a decision from a buzzword (the
 * calibration corpus README: "buzzwords without decisions are [penalized]").
 */

import { isQuantityWord } from '../reading/numbers.js';

export type DepthLevel = 'named' | 'chosen' | 'justified';

/** The kinds of cue a claim can carry, reported with the item so the grade can be audited. */
export type DepthCue = 'reason' | 'comparison' | 'number' | 'decision';

export interface DepthReading {
  level: DepthLevel;
  cues: DepthCue[];
}

/** The order of the levels, lowest first, for comparisons (`DEPTH_RANK[a] > DEPTH_RANK[b]`). */
export const DEPTH_RANK: Record<DepthLevel, number> = { named: 0, chosen: 1, justified: 2 };

// Words and word pairs are matched on lowercase words of the claim ("so that" needs both).
const REASON_WORDS = new Set([
  'because', 'since', 'so', 'therefore', 'hence', 'thus', 'otherwise', 'why', 'due', 'given',
  'avoid', 'avoids', 'prevent', 'prevents', 'ensures', 'ensure', 'means', 'lets', 'keeps',
  'matters', 'reason', 'risk', 'else', 'costly', 'expensive', 'cheap', 'cheaper', 'fast', 'faster',
  'robust', 'interpretable', 'simple', 'simpler', 'scalable', 'handles', 'captures', 'works',
  'needed', 'requires', 'required', 'must', 'unless', 'when', 'whereas',
]);
const REASON_PAIRS = ['in order', 'to avoid', 'to prevent', 'to keep', 'to catch', 'to stop', 'to reduce', 'which means', 'as it', 'as they', 'b c', 'so that', 'good for', 'bad for', 'better for'];
const COMPARISON_WORDS = new Set([
  'vs', 'versus', 'tradeoff', 'tradeoffs', 'than', 'pros', 'cons', 'compared', 'beats', 'outperforms',
  'alternatively', 'alternative', 'downside', 'upside', 'drawback', 'but', 'however', 'while',
  'trading', 'trade', 'weigh', 'weighed',
]);
const COMPARISON_PAIRS = ['instead of', 'rather than', 'trade off', 'trade offs', 'compared to', 'compared with', 'as opposed', 'over a', 'over the'];
const DECISION_WORDS = new Set([
  'use', 'uses', 'using', 'used', 'choose', 'chose', 'pick', 'picked', 'prefer', 'start', 'starting',
  'go', 'opt', 'adopt', 'train', 'serve', 'deploy', 'retrain', 'set', 'cap', 'add', 'build', 'run',
  'predict', 'optimize', 'optimise', 'measure', 'track', 'monitor', 'log', 'label', 'split', 'hold',
  'precompute', 'cache', 'compute', 'fetch', 'rank', 'filter', 'apply', 'keep', 'report', 'alert',
  'we', 'i', 'will', 'would', 'should', 'd', 'll', 'plan', 'want', 'need', 'make', 'is', 'are', 'be',
]);
/**
 * Words that tie a term to what it is applied to: in a short note (one or two parts, not a long list) of
 * four words or more, "GBDT regressor on tabular features" or "with a historical-average baseline" states
 * a choice as "we use ..." does, in note form. A bare term ("GBDT", "precision at k") has none of them, or
 * is too short to decide; an entry of a longer list ("integrity scores from other team") names a term.
 */
const LINKS = new Set(['on', 'over', 'with', 'for', 'from', 'per', 'via', 'into', 'across', 'against']);
const LINKED_NOTE_WORDS = 4;
const ARROW = /->|=>|→|⇒|⟶/;
const ARROWS = /->|=>|→|⇒|⟶/g;
/**
 * Steps of a sequence: the stages of a rollout, of a serving funnel, of a user's path and of a
 * model's life. An arrow between two of them (or two quantities) orders them, "shadow -> canary ->
 * 100%", "retrieval -> ranking", "impression -> click -> purchase", "1% -> 10% of traffic": a
 * sequence, not a reason ("imbalance -> PR-AUC", "tabular features -> GBDT" give one).
 */
const SEQUENCE_STEPS = new Set([
  'shadow', 'canary', 'canaries', 'ramp', 'ramped', 'pilot', 'beta', 'alpha', 'dogfood', 'staging', 'prod', 'production',
  'full', 'everyone', 'all', 'ga', 'launch', 'rollout', 'ab', 'b', 'test', 'experiment', 'holdout', 'offline', 'online',
  'retrieval', 'retrieve', 'candidates', 'candidate', 'generation', 'recall', 'ranking', 'rank', 'ranker', 'rerank',
  'reranking', 'reranker', 're', 'filter', 'filtering', 'filters', 'blend', 'blending', 'dedupe', 'l1', 'l2', 'l3',
  'impression', 'impressions', 'view', 'views', 'click', 'clicks', 'cart', 'checkout', 'purchase', 'purchases', 'order',
  'orders', 'install', 'installs', 'signup', 'conversion', 'conversions', 'pickup', 'dropoff', 'delivery', 'request',
  'accept', 'accepted', 'open', 'opens', 'train', 'training', 'validate', 'validation', 'eval', 'evaluation', 'deploy',
  'serve', 'serving', 'monitor', 'monitoring', 'retrain', 'percent', 'traffic', 'users',
]);
const EXPLAINS = /[:=]\s*\S+(?:\s+\S+){1,}/;
// A quantity: a number standing alone or with a unit ("50 ms", "300M", "1%"), not a name ("p99", "v2").
// The units in either case without the i flag, which makes the pattern several times longer to
// compile (case closure of \p{L}): the same strings as /(?<![\p{L}\d.])\d+(?:[.,]\d+)?\s*(?:%|k|m|b|bn|ms|s|h|x)?(?![\p{L}\d])/iu,
// where the Kelvin sign is a k, the long s an s, and U+0345 (a mark whose case folding is a letter) a letter.
export const NUMBER = /(?<![\p{L}\d.\u0345])\d+(?:[.,]\d+)?\s*(?:%|[kK\u212A]|[mM]|[bB]|[bB][nN]|[mM][sS\u017F]|[sS\u017F]|[hH]|[xX])?(?![\p{L}\d\u0345])/u;
// A cadence is a unit of time said as a word ("retrain daily", "refresh hourly"): a quantity too.
const CADENCE = new Set(['hourly', 'daily', 'nightly', 'weekly', 'biweekly', 'monthly', 'quarterly', 'yearly', 'annually']);

/**
 * A reason that gives none: "because it is good", "since it works", "b/c it's the best", "because it is
 * the most powerful model", "because it is trendy", ending the
 * clause. It is read as if it were not there, so it earns no 'justified' (at most 'chosen'); a reason
 * that goes on ("because it works on sparse features") is a reason.
 */
const EMPTY_REASON =
  /\b(?:because|since|as|cause|cuz|b\/c)\s+(?:(?:it|they|this|that|these|those)(?:\s+(?:is|are|was|were)|'s|'re)?\s+)?(?:(?:really|very|just|so|pretty|quite|simply|usually|always|the|a|an|most|more)\s+)*(?:good|great|nice|best|better|fine|works?|worked|working|well|popular|standard|common|powerful|strongest|cool|sota|modern|trendy|fashionable|hyped|fancy|famous|latest|newest|state of the art|industry standard|the standard|the best|commonly used|widely used|used everywhere)(?:\s+(?:well|here|enough|fine|great|choice|option|one|model|models|method|approach|algorithm|tool|thing|there is|out there|available|today|right now|nowadays))*(?=\s*(?:[.,;!)]|$))/gi;

/**
 * A reason that is only popularity: "since everyone uses it", "because other teams do", ending the clause.
 * Read as EMPTY_REASON is: no reason at all.
 */
const POPULARITY_REASON =
  /\b(?:because|since|as|cause|cuz|b\/c)\s+(?:everyone|everybody|every team|most teams|other teams|others|all the big companies)\s+(?:uses?|used|does|do|is using|are using|likes?)(?:\s+(?:it|them|this|that|one))?(?=\s*(?:[.,;!)]|$))/gi;

/** The claim without its empty reasons (see EMPTY_REASON and POPULARITY_REASON). */
export function withoutEmptyReasons(claim: string): string {
  return claim.replace(EMPTY_REASON, ' ').replace(POPULARITY_REASON, ' ');
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(\w)'(d|ll|re|ve|s|m)\b/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Word pairs as they stand in a claim's words joined by spaces, a space either side (made once, not per claim). */
const padded = (pairs: readonly string[]): string[] => pairs.map((p) => ` ${p} `);
const REASON_PADDED = padded(REASON_PAIRS);
const COMPARISON_PADDED = padded(COMPARISON_PAIRS);

function hasPair(joined: string, pairs: readonly string[]): boolean {
  for (const pair of pairs) if (joined.includes(pair)) return true;
  return false;
}

/**
 * Reads the cues of one claim (a sentence, a bullet or a table row, as written).
 * `statement` is the analyzer's verdict that the claim is a clause rather than a list of terms; it
 * counts as a decision. `note`: the claim is a short note of one or two parts, not an entry of a longer list,
 * so a term tied to what it applies to ("GBDT regressor on tabular features") is a choice (LINKS).
 * Returns the depth level and the cues found, in a fixed order.
 */
export function readDepth(written: string, statement = false, note = false): DepthReading {
  const claim = withoutEmptyReasons(written);
  const list = words(claim);
  // Most claims have no empty reason: their words are read once.
  const length = claim === written ? list.length : words(written).length;
  const joined = ` ${list.join(' ')} `;
  const cues: DepthCue[] = [];
  if ((ARROW.test(claim) && arrowGivesReason(claim)) || list.some((w) => REASON_WORDS.has(w)) || hasPair(joined, REASON_PADDED)) cues.push('reason');
  if (list.some((w) => COMPARISON_WORDS.has(w)) || hasPair(joined, COMPARISON_PADDED)) cues.push('comparison');
  if (NUMBER.test(claim) || list.some((w) => CADENCE.has(w)) || spellsQuantity(claim, list)) cues.push('number');
  if (statement || EXPLAINS.test(claim) || list.some((w) => DECISION_WORDS.has(w)) || (note && linkedNote(list))) cues.push('decision');
  return { level: levelOf(cues, length), cues };
}

/**
 * Whether an arrow of the claim reads as a reason ("imbalance -> PR-AUC"): one does unless the words
 * either side of it are steps of a sequence or quantities (SEQUENCE_STEPS): "shadow -> canary -> 100%"
 * orders stages and gives no reason.
 */
function arrowGivesReason(claim: string): boolean {
  const parts = claim.split(ARROWS);
  for (let k = 0; k + 1 < parts.length; k++) {
    const before = words(parts[k]!);
    const after = words(parts[k + 1]!);
    // "A/B test" is one step: its first word is "a".
    const next = after[0] === 'a' && after[1] === 'b' ? 'ab' : after[0];
    if (!isStep(before[before.length - 1]) || !isStep(next)) return true;
  }
  return false;
}

/** A step of a sequence or a quantity ("10", "100%" reads as 100): what an arrow may order. */
function isStep(word: string | undefined): boolean {
  return word !== undefined && (SEQUENCE_STEPS.has(word) || /^\d+$/.test(word));
}

/** A note that ties a term to what it applies to (LINKS): a choice in note form. */
function linkedNote(list: readonly string[]): boolean {
  return list.length >= LINKED_NOTE_WORDS && list.some((w) => LINKS.has(w));
}

/**
 * Whether a claim states a quantity in words ("more than ten minutes late", "per thousand impressions"),
 * as digits would (reading/numbers.ts). Most claims hold no number word: the hyphens are looked at only then.
 */
function spellsQuantity(claim: string, list: readonly string[]): boolean {
  for (let k = 0; k < list.length; k++) {
    const word = list[k]!;
    if (!isQuantityWord(word, list[k + 1], false)) continue;
    if (isQuantityWord(word, list[k + 1], hyphenAfter(claim, word, list[k + 1]))) return true;
  }
  return false;
}

/** Whether `word` is joined to `next` by a hyphen somewhere in the claim ("two-tower"). */
function hyphenAfter(claim: string, word: string, next: string | undefined): boolean {
  // Most claims have no hyphen at all, and a Unicode pattern is slow to compile: compiled only for a claim with one, once per pair of words.
  if (next === undefined || !HYPHENS.test(claim)) return false;
  if (ASCII.test(claim)) return asciiHyphenAfter(claim.toLowerCase(), word, next);
  const key = `${word} ${next}`;
  let pattern = hyphenPatterns.get(key);
  if (!pattern) {
    if (hyphenPatterns.size >= 1_000) hyphenPatterns.clear();
    hyphenPatterns.set(key, (pattern = new RegExp(`(?<![\\p{L}])${word}\\s*[-\u2010\u2011]\\s*${next}(?![\\p{L}])`, 'iu')));
  }
  return pattern.test(claim);
}

/** hyphenAfter's patterns by their two words (letters and digits only, as `words` splits them: nothing to escape). */
const hyphenPatterns = new Map<string, RegExp>();

const HYPHENS = /[-\u2010\u2011]/;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * hyphenAfter's pattern read by hand on an ASCII claim, lowercased (there the pattern's letters are
 * a-z, its case folding is ASCII's and its spaces are ASCII's): `word` not after a letter, spaces, a
 * hyphen, spaces, then `next` not before a letter.
 */
function asciiHyphenAfter(claim: string, word: string, next: string): boolean {
  const isLetter = (code: number) => code >= 97 && code <= 122;
  const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
  for (let at = claim.indexOf(word); at >= 0; at = claim.indexOf(word, at + 1)) {
    if (at > 0 && isLetter(claim.charCodeAt(at - 1))) continue;
    let i = at + word.length;
    while (isSpace(claim.charCodeAt(i))) i++;
    if (claim.charCodeAt(i) !== 45) continue;
    i++;
    while (isSpace(claim.charCodeAt(i))) i++;
    if (claim.startsWith(next, i) && !isLetter(claim.charCodeAt(i + next.length))) return true;
  }
  return false;
}

function levelOf(cues: readonly DepthCue[], length: number): DepthLevel {
  // A reason or comparison inside a two-word fragment ("fast, cheap") is still a list of terms; a
  // quantity is not ("retrain daily", "p99 50ms"): form never lowers depth by itself.
  if (length < 3) return cues.includes('number') ? 'chosen' : 'named';
  const decides = cues.includes('decision') || cues.includes('number');
  if (cues.includes('reason') || cues.includes('comparison')) return decides || length >= 5 ? 'justified' : 'chosen';
  return decides ? 'chosen' : 'named';
}

/** The deeper of two readings (the evidence an item rests on is its best claim). */
export function deeper(a: DepthReading, b: DepthReading): DepthReading {
  return DEPTH_RANK[b.level] > DEPTH_RANK[a.level] ? b : a;
}
