import type { Token } from '../reading/tokens.js';

/**
 * The stance a claim takes toward what it names: does the candidate assert doing it, name it in order
 * to reject it, or decline to decide? Read from the claim's own words (normalized tokens, lowercase,
 * contractions spelled out: "don't" is "do not"). Pure; every pattern runs in linear time.
 *
 * The cue lists are our own reading of how interviewers tell these apart:
 * - a mistake *named to be rejected* ("using accuracy here would be wrong", "a common mistake is to
 *   ship on offline metrics", "which is why it is useless here", advice quoted in a blockquote) is
 *   knowledge of the mistake, not the mistake, so it raises no red flag;
 * - a *deflection* ("out of scope for me", "someone else's problem", "it does not matter here",
 *   "maybe X, maybe not, I don't know") decides nothing, so it earns no item.
 */

// Words that judge what the claim names as wrong (anywhere in the claim): the claim rejects it.
const REJECTING_WORDS = new Set([
  'wrong', 'mistake', 'mistakes', 'mistaken', 'pitfall', 'pitfalls', 'trap', 'traps', 'useless', 'meaningless',
  'misleading', 'flawed', 'naive', 'antipattern', 'fallacy', 'bogus', 'pointless', 'worthless',
]);
// A judging word that describes the model's outputs instead ("wrong predictions are reviewed",
// "the model's mistakes go to analysts") judges nothing the candidate said.
const OUTPUTS = new Set([
  'prediction', 'predictions', 'label', 'labels', 'answer', 'answers', 'decision', 'decisions', 'result', 'results',
  'classification', 'classifications', 'positives', 'negatives', 'ones',
]);
const MAKERS = new Set(['model', 'models', 'its', 'their', 'classifier', 'system', 'ranker']);
// Word sequences that judge it wrong ("a bad idea", "anti-pattern", "would be a disaster").
const REJECTING_PAIRS = [
  'bad idea', 'anti pattern', 'would be a disaster', 'is a disaster', 'do not do', 'never do', 'should not', 'must not',
  'error prone', 'would mislead', 'would fool', 'fools us', 'would inflate', 'would leak', 'would overstate', 'is not enough',
  'are not enough', 'not good enough', 'tells us nothing', 'says nothing', 'means nothing', 'classic error',
  'common error', 'what not to do', 'people often', 'teams often', 'tempting to', 'temptation',
];

/** Whether a claim names what it contains in order to reject it (see the module note). `words`: its normalized tokens. */
export function rejects(words: readonly string[]): boolean {
  const judged = (w: string, i: number) =>
    REJECTING_WORDS.has(w) &&
    !(w === 'wrong' && OUTPUTS.has(words[i + 1] ?? '')) &&
    !((w === 'mistakes' || w === 'mistake') && MAKERS.has(words[i - 1] ?? ''));
  if (words.some(judged)) return true;
  const joined = ` ${words.join(' ')} `;
  return REJECTING_PAIRS.some((p) => joined.includes(` ${p} `) && !(OWN_PRACTICE.has(p) && SUBJECT_BEFORE.test(joined.slice(0, joined.indexOf(` ${p} `) + 1))));
}

/**
 * "Do not do X" and "never do X" reject X as advice, but with a subject they state a practice: "we don't
 * do an A/B test" says what the design does (tryout 9), which a red flag may then name.
 */
const OWN_PRACTICE = new Set(['do not do', 'never do']);
const SUBJECT_BEFORE = / (?:we|i|they|you|the team) (?:really |currently |simply |just )?$/;

// Handing the decision to someone else, or declining it. Each pattern comes with groups of words (spaces
// either side): any match of it holds a word of each group. A claim that lacks one is not tried, and
// the pattern, long to compile in a fresh process, is compiled only for a claim that may match it.
type Keys = ReadonlyArray<readonly string[]>;
const NOT = [' not ', ' never '];
export const DEFLECTIONS: ReadonlyArray<readonly [keys: Keys, pattern: RegExp]> = [
  [[[' scope for ']], / out of (?:my |our )?scope for (?:me|us|this interview) /],
  [
    [NOT, [' my ', ' our '], [' problem ', ' job ', ' concern ', ' area ', ' call ', ' department ', ' business ', ' responsibility ']],
    / (?:not|never) (?:really )?(?:my|our) (?:problem|job|concern|area|call|department|business|responsibility) /,
  ],
  [
    [[' else '], [' problem ', ' job ', ' concern ', ' call ', ' responsibility ', ' handles ', ' deals ', ' worries ', ' owns ', ' takes care ']],
    / (?:someone|somebody|anyone|anybody) else (?:s )?(?:problem|job|concern|call|responsibility|handles|deals|worries|owns|takes care) /,
  ],
  [
    [[' team '], [' problem ', ' job ', ' concern ', ' handles ', ' deals ', ' owns ', ' takes care ', ' worries ']],
    / (?:another|other|a different|the other) team (?:s )?(?:problem|job|concern|handles|deals|owns|takes care|worries) /,
  ],
  // "I don't know" as the claim's verdict (its start or end), not a hedge in passing ("into, I don't know, 300 tokens").
  [[[' not '], [' know ', ' care ']], /^ (?:i|we) (?:do not|did not) (?:really |actually )?(?:know|care) /],
  [[[' not '], [' know ', ' care ']], / (?:i|we) (?:do not|did not) (?:really |actually )?(?:know|care) $/],
  [[[' not '], [' sure ']], / (?:i am|i m|we are) not (?:really )?sure /],
  [[[' idea ']], / (?:no|not much) idea /],
  [[[' maybe not ']], / maybe [^.;]*,? maybe not /],
  [[[' heard of ']], / (?:have|has) (?:only )?heard of /],
  [[NOT, [' bother ', ' worry ']], / (?:i|we) will (?:not|never) (?:bother|worry) /],
  [[[' whatever works ']], / whatever works /],
];
// "X does not matter here" decides against X only with a reason; said bare, it waves the question off.
export const WAVES_OFF_KEYS: Keys = [NOT, [' matter ', ' relevant ', ' important ']];
export const WAVES_OFF = / (?:does not|do not|would not|will not) (?:really |much )?matter | (?:not|never) (?:really )?(?:relevant|important) (?:here|for (?:us|me|this)) /;
const REASON = / (?:because|since|as|so|given|b c|due to) /;

/** Whether the text holds a word of each group of keys. */
export function holdsKeys(text: string, keys: Keys): boolean {
  return keys.every((group) => group.some((key) => text.includes(key)));
}

/** Whether a claim declines to decide or hands the decision away (see the module note). `words`: its normalized tokens. */
export function deflects(words: readonly string[]): boolean {
  const joined = ` ${words.join(' ')} `;
  if (DEFLECTIONS.some(([keys, pattern]) => holdsKeys(joined, keys) && pattern.test(joined))) return true;
  return holdsKeys(joined, WAVES_OFF_KEYS) && WAVES_OFF.test(joined) && !REASON.test(joined);
}

/**
 * The 1-based lines of a Markdown text that are blockquotes ("> ..."): quoted advice or someone
 * else's words, not the candidate's own assertion. Lines inside fenced code are not counted.
 */
export function quotedLines(text: string): Set<number> {
  const lines = new Set<number>();
  let fence: string | null = null;
  text.split('\n').forEach((line, i) => {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) {
      if (!fence) fence = opening[1]![0]!;
      else if (opening[1]![0] === fence) fence = null;
      return;
    }
    if (!fence && /^\s{0,3}>/.test(line)) lines.add(i + 1);
  });
  return lines;
}

/** Comparatives of cost: what follows is a cost of one option against another ("slower to retrain", "harder to calibrate"). */
const COSTLIER = new Set(['slower', 'harder', 'costlier', 'pricier', 'trickier', 'clunkier', 'longer', 'heavier', 'riskier']);
/** Adjectives of cost, or of difficulty: "costly to retrain" is a cost only where options are weighed (see namedAsCost). */
const COSTLY = new Set(['slow', 'hard', 'costly', 'expensive', 'difficult', 'painful', 'tedious', 'tricky', 'cumbersome', 'awkward', 'clunky']);
/** Words before a cost adjective that make it a comparison: "more expensive to serve", "too slow to retrain". */
const DEGREE = new Set(['more', 'too', 'less']);
/** Words of a claim that weighs options: a comparison, or a drawback named as one ("Cons: costly to retrain"). */
const WEIGHING = new Set([
  'over', 'than', 'instead', 'vs', 'versus', 'rather', 'unlike', 'whereas', 'but', 'tradeoff', 'tradeoffs', 'trade', 'cons', 'con',
  'drawback', 'drawbacks', 'downside', 'downsides', 'disadvantage', 'disadvantages', 'weakness', 'weaknesses', 'pick', 'picks',
  'picked', 'choose', 'chooses', 'chose', 'chosen', 'prefer', 'prefers', 'preferred', 'opt', 'opted', 'favor', 'favour',
]);
/** Verbs that choose an option with "with": "so we start with logistic regression", "we go with GBDT". */
const CHOOSING_WITH = new Set(['start', 'go', 'stick', 'stay']);

/**
 * Whether a match starting at `start` is the verb of a cost named for an option, a trade-off's reason and
 * not the practice: "we pick GBDT over a deep network: slower to retrain", "a deep net is harder to
 * calibrate", "Cons: costly to retrain", "slow to train and refresh". The match starts the infinitive
 * after "to" (or the second verb joined to it by "and" or "or"), in its clause, and the word before "to"
 * is a comparative of cost (COSTLIER, or "more" / "too" and an adjective of COSTLY), or an adjective of
 * COSTLY in a sentence that weighs options (WEIGHING: "over", "than", "but", a Cons column, "we pick",
 * "so we start with"). Not "it is
 * hard to A/B test in a marketplace, so we run switchbacks": a difficulty of the practice, no trade-off;
 * nor a benefit ("cheap to retrain") or "it is important to retrain". `tokens`: the text's tokens.
 */
export function namedAsCost(tokens: readonly Token[], start: number): boolean {
  let to = start - 1;
  // "slow to train and refresh": the match is the second verb of the infinitive.
  if ((tokens[to]?.raw === 'and' || tokens[to]?.raw === 'or') && tokens[to - 2]?.raw === 'to') to -= 2;
  if (tokens[to]?.raw !== 'to') return false;
  for (let k = to; k <= start; k++) if (tokens[k]!.sep === 'hard' || tokens[k]!.sep === 'comma') return false;
  const adjective = tokens[to - 1]?.raw ?? '';
  if (COSTLIER.has(adjective)) return true;
  if (!COSTLY.has(adjective)) return false;
  if (DEGREE.has(tokens[to - 2]?.raw ?? '')) return true;
  const sentence = tokens[start]!.sentence;
  const weighs = (k: number) => WEIGHING.has(tokens[k]!.raw) || (CHOOSING_WITH.has(tokens[k]!.raw) && tokens[k + 1]?.raw === 'with');
  for (let k = start; k >= 0 && tokens[k]!.sentence === sentence; k--) if (weighs(k)) return true;
  for (let k = start + 1; k < tokens.length && tokens[k]!.sentence === sentence; k++) if (weighs(k)) return true;
  return false;
}
