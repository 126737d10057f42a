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
  return REJECTING_PAIRS.some((p) => joined.includes(` ${p} `));
}

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
