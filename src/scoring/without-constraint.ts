import type { Token } from '../reading/tokens.js';

/**
 * "A without B" as a constraint, not an absence: "cut fraud losses without hurting honest buyers",
 * "the goal is more time well spent without increasing hides and reports", "fraud loss down w/o false
 * declines". B is the harm the design must not cause; naming it is how a candidate covers it, so a
 * match in B is not ruled out by the "without" (negation.ts), and a red flag's correction said there
 * stands. Two readings, both within the clause of the "without":
 * - a verb of harming right after it (HARMING; one of causing, CAUSING, only with a person or a particle
 *   after it: "without making users ...", "without driving up ..."; one adverb may stand between: "without noticeably
 *   hurting recall"), the match at or after the verb: what the verb would harm is named as kept;
 * - a harm named by the match or the words before it (HARM_NOUNS: "false declines", "complaints",
 *   "clickbait") when an objective opens the clause (OBJECTIVE: "we want to", "the goal is", "reduce",
 *   "loss down"): the objective is pursued without that harm.
 * A real absence stays one: "we ship without an A/B test", "trained without any validation set",
 * "we want to launch without a feature store" name no harm.
 */

/** Verbs of making something worse, as the object of "without" ("without hurting", "without increasing"). */
const HARMING = new Set([
  'hurting', 'harming', 'sacrificing', 'degrading', 'worsening', 'damaging', 'compromising', 'increasing', 'raising',
  'inflating', 'reducing', 'lowering', 'losing', 'making', 'causing', 'annoying', 'spamming', 'alienating', 'upsetting',
  'declining', 'blocking', 'rejecting', 'driving', 'pushing', 'tanking', 'costing', 'breaking', 'flooding', 'overwhelming',
  'slowing', 'letting', 'frustrating', 'penalizing', 'penalising', 'punishing', 'burning', 'turning', 'scaring', 'hitting',
]);
/** Verbs of HARMING that harm only what they act on or push: a person or a measure moved ("making users", "driving up"). */
const CAUSING = new Set(['making', 'letting', 'pushing', 'driving', 'turning', 'causing']);
/** What a causing verb harms: people, or a particle that moves a measure ("driving up", "turning away"). */
const AFFECTED = new Set([
  'users', 'people', 'customers', 'buyers', 'members', 'viewers', 'readers', 'shoppers', 'cardholders', 'sellers', 'hosts', 'guests',
  'drivers', 'couriers', 'riders', 'creators', 'advertisers', 'them', 'anyone', 'someone', 'us', 'up', 'away', 'down', 'off', 'out',
]);
/** Adverbs that may stand between "without" and its verb ("without noticeably hurting"). */
const ADVERBS = new Set(['noticeably', 'significantly', 'materially', 'also', 'much', 'badly', 'seriously', 'meaningfully', 'further', 'really']);
/**
 * Words that name a harm a design is held against: wrong decisions, displeasure, and the usual failures
 * ("false declines", "complaints", "unsubscribes", "clickbait", "latency spikes").
 */
const HARM_NOUNS = new Set([
  'false', 'wrong', 'wrongly', 'wrongful', 'mistaken', 'friction', 'complaint', 'complaints', 'churn', 'hide', 'hides', 'unsubscribe',
  'unsubscribes', 'uninstall', 'uninstalls', 'disable', 'disables', 'regret', 'annoyance', 'outrage', 'fatigue', 'clickbait',
  'spam', 'insult', 'insults', 'abandonment', 'chargebacks', 'harm', 'harms', 'damage', 'misses', 'missed', 'bias', 'unfairness',
]);
/** Words that state an objective the clause pursues: a goal, a want, or a direction to move a measure in. */
const OBJECTIVE = new Set([
  'goal', 'goals', 'objective', 'objectives', 'aim', 'aims', 'target', 'targets', 'want', 'wants', 'need', 'needs', 'mission',
  'maximize', 'maximise', 'maximizing', 'maximising', 'minimize', 'minimise', 'minimizing', 'minimising', 'reduce', 'reduces',
  'reducing', 'cut', 'cuts', 'cutting', 'lower', 'lowers', 'increase', 'increases', 'raise', 'raises', 'grow', 'grows', 'growing',
  'improve', 'improves', 'improving', 'boost', 'boosts', 'optimize', 'optimise', 'optimizing', 'optimising', 'down', 'up', 'catch',
  'stop', 'stops', 'block', 'keep', 'keeps', 'lift', 'drive', 'drives', 'fewer', 'less',
]);
/** Words that open a new clause: an objective before one is not the one "without" is said of. */
const CLAUSE_OPENERS = new Set(['but', 'so', 'because', 'which', 'while', 'whereas', 'then', 'if', 'when', 'unless', 'since', 'although', 'though']);
/** How far back an objective may stand from the "without" (words). */
const OBJECTIVE_REACH = 14;

/**
 * Whether the "without" at `cue` states a constraint that the match [start, end) names the harm of (see
 * the module comment). The match must start after the cue.
 */
export function constraintWithout(tokens: Token[], cue: number, start: number, end: number): boolean {
  if (tokens[cue]?.raw !== 'without' || start <= cue) return false;
  let verb = cue + 1;
  if (ADVERBS.has(tokens[verb]?.raw ?? '') && continues(tokens[verb + 1])) verb++;
  const word = tokens[verb]?.raw ?? '';
  // "Without making users disable push", "without driving up hides"; not "without making an A/B test".
  const harms = HARMING.has(word) && (!CAUSING.has(word) || AFFECTED.has(tokens[verb + 1]?.raw ?? ''));
  if (harms && continues(tokens[verb]) && start >= verb) return true;
  for (let k = cue + 1; k < end; k++) {
    if (k > cue + 1 && !continues(tokens[k])) return false;
    if (HARM_NOUNS.has(tokens[k]!.raw)) return objectiveBefore(tokens, cue);
  }
  return false;
}

/** Whether an objective (OBJECTIVE) stands before the cue in its clause, within OBJECTIVE_REACH words. */
function objectiveBefore(tokens: Token[], cue: number): boolean {
  for (let i = cue - 1, seen = 0; i >= 0 && seen < OBJECTIVE_REACH; i--, seen++) {
    if (tokens[i + 1]!.sep === 'hard') return false;
    const word = tokens[i]!.raw;
    if (CLAUSE_OPENERS.has(word)) return false;
    if (OBJECTIVE.has(word)) return true;
  }
  return false;
}

/** A word in the same clause part as the one before it (no comma or hard boundary between). */
function continues(token: Token | undefined): boolean {
  return token !== undefined && (token.sep === 'space' || token.sep === 'glue');
}
