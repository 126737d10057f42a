import type { Token } from '../reading/tokens.js';

/**
 * "Positive" and "negative" as a judgement, not as a class of examples. Label talk names the classes
 * ("negatives are shown but not clicked", "a positive is a click", "label it positive", "the positive
 * class"); a judgement says how something turned out or is seen ("the impact on revenue is negative",
 * "a negative effect on retention", "we are positive about the launch", "we see it as positive").
 * Phrases such as "is negative" or "as positive" earn the label item only in the first sense.
 */

/** The class words read here, singular: plurals ("positives", "negatives") are nouns, the classes themselves. */
const CLASS_WORDS = new Set(['positive', 'negative']);

/** Nouns after the word that make it a judgement of an outcome: "a negative impact", "positive effects". */
const JUDGED_AFTER = new Set([
  'impact', 'impacts', 'effect', 'effects', 'influence', 'experience', 'experiences', 'sentiment', 'consequence', 'consequences',
  'externality', 'externalities', 'side', 'trend', 'trends', 'growth', 'return', 'returns', 'roi', 'margin', 'margins',
  'correlation', 'correlated', 'attitude', 'tone', 'press', 'publicity', 'outlook', 'about', 'that', 'overall',
]);

/** Subjects whose state "is positive" or "is negative" judges: outcomes, measures and opinions, and people. */
const JUDGED_SUBJECTS = new Set([
  'impact', 'impacts', 'effect', 'effects', 'result', 'results', 'feedback', 'sentiment', 'reception', 'outlook', 'trend',
  'trends', 'growth', 'change', 'changes', 'delta', 'lift', 'uplift', 'return', 'returns', 'roi', 'margin', 'margins', 'revenue',
  'value', 'correlation', 'experience', 'mood', 'tone', 'attitude', 'news', 'press', 'gain', 'gains', 'outcome', 'influence',
  'we', 'i', 'they', 'he', 'she', 'everyone', 'team', 'leadership', 'stakeholders', 'management',
]);

/** Verbs that link a subject to "positive" or "negative" as its state. */
const LINKING = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'm', 's', 'become', 'becomes', 'became', 'turn', 'turns', 'turned',
  'went', 'goes', 'go', 'stay', 'stays', 'stayed', 'remain', 'remains', 'remained', 'seem', 'seems', 'seemed', 'look', 'looks',
  'looked', 'prove', 'proves', 'proved', 'feel', 'feels', 'felt',
]);

/** Words that may stand between the linking verb and the class word: modals, adverbs, the other class word. */
const BETWEEN = new Set([
  'could', 'would', 'might', 'may', 'will', 'can', 'should', 'must', 'not', 'very', 'slightly', 'mostly', 'clearly', 'strongly',
  'overall', 'net', 'quite', 'largely', 'mildly', 'hugely', 'really', 'likely', 'probably', 'either', 'or', 'and', 'positive',
  'negative', 'rather', 'pretty', 'somewhat', 'mainly', 'generally', 'still', 'even',
]);

/** Verbs of seeing or judging before "as": "we see the change as positive", "viewed as negative". */
// Not "rated" or "judged": "rated as positive by reviewers" is how labels are made.
const SEEING = new Set(['see', 'sees', 'saw', 'seen', 'view', 'views', 'viewed', 'perceive', 'perceives', 'perceived']);

/** Words that make the clause a class's definition by a condition: "feedback is negative when the user hides the post". */
const CONDITIONS = new Set(['if', 'when', 'whenever', 'unless', 'once', 'otherwise', 'else', 'within']);

/** Clause openers: the subject of a linking verb is searched back to one. */
const OPENERS = new Set(['so', 'but', 'because', 'and', 'while', 'whereas', 'which', 'that', 'if', 'when', 'since', 'then']);

/** How many words back the subject and the verb of seeing are searched. */
const REACH = 8;

/**
 * Whether every class word ("positive", "negative") in the match [start, end) is a judgement, so the
 * match says nothing of labels: false when the match holds no class word, or any one reads as a class.
 */
export function judgementOnly(tokens: readonly Token[], start: number, end: number): boolean {
  let any = false;
  for (let i = start; i < end; i++) {
    if (!CLASS_WORDS.has(tokens[i]!.raw)) continue;
    any = true;
    if (!judgedAt(tokens, i)) return false;
  }
  return any;
}

/** Whether the class word at `i` is a judgement (see the rules above); a condition in its clause makes it a class. */
function judgedAt(tokens: readonly Token[], i: number): boolean {
  if (conditionAfter(tokens, i)) return false;
  const next = tokens[i + 1];
  if (next && next.sep !== 'hard' && next.sep !== 'comma' && JUDGED_AFTER.has(next.raw)) return true;
  // "net negative", "a net positive for users".
  if (tokens[i - 1]?.raw === 'net' && tokens[i]!.sep !== 'hard') return true;
  return predicateOfJudged(tokens, i) || seenAs(tokens, i);
}

/** A condition word after the class word, in its clause part: "is negative if no click within an hour". */
function conditionAfter(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + 6; k++) {
    const t = tokens[k]!;
    if (t.sep === 'hard') return false;
    if (CONDITIONS.has(t.raw)) return true;
  }
  return false;
}

/** "The impact on revenue is negative", "early feedback was positive", "we are positive": the state of a judged subject. */
function predicateOfJudged(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && BETWEEN.has(tokens[k]!.raw) && tokens[k + 1]!.sep !== 'hard') k--;
  if (k < 0 || !LINKING.has(tokens[k]!.raw) || tokens[k + 1]!.sep === 'hard') return false;
  for (let s = k - 1, seen = 0; s >= 0 && seen < REACH; s--, seen++) {
    const t = tokens[s]!;
    if (tokens[s + 1]!.sep === 'hard' || tokens[s + 1]!.sep === 'comma' || t.context) return false;
    if (OPENERS.has(t.raw)) return false;
    if (JUDGED_SUBJECTS.has(t.raw)) return true;
  }
  return false;
}

/** "We see the new ranking as positive", "the change was viewed as negative". */
function seenAs(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  if (['a', 'an'].includes(tokens[k]?.raw ?? '')) k--;
  if (tokens[k]?.raw !== 'as') return false;
  for (let s = k - 1, seen = 0; s >= 0 && seen < REACH; s--, seen++) {
    if (tokens[s + 1]!.sep === 'hard' || tokens[s + 1]!.sep === 'comma') return false;
    if (SEEING.has(tokens[s]!.raw)) return true;
  }
  return false;
}
