import type { Token } from '../reading/tokens.js';
import { isAdjectiveFirst, startsVerbPhrase } from '../reading/verbs.js';
import { constraintWithout } from './without-constraint.js';

/**
 * Is a phrase match negated? A cue ("not", "no", "without", "instead of"...) before the phrase
 * negates it when both stand in one clause; a clause ends at ; : . and dashes, at a conjunction
 * that starts a new clause ("so", "but", "because"), and at a comma followed by one. A list after a
 * cue stays negated: "no A/B test, canary or shadow run" negates all three.
 *
 * Scope stops at a purpose clause and at a contrast. "To avoid X" states X as a problem being
 * handled, which covers it; a verb phrase joined after it ("to avoid recomputation and use a feature
 * store") is not under the cue at all: only "not" and "never" reach over a second verb ("we don't
 * retrain or recalibrate"). In "not X but Y" only X is ruled out: "we don't retrain weekly but
 * hourly" still retrains.
 *
 * Risk items (leakage, drift) are different: "no leakage" and "without drift" are how a candidate
 * covers them, so only a dismissal ("we don't need to worry about leakage") negates a risk.
 */

/**
 * How a match is ruled out: `plain` (not done: "no A/B test"), `dismissal` (not needed or not cared
 * about: "a baseline is not needed"), or `accepted`: a harm named and accepted ("clickbait is fine",
 * "missing a few faces is acceptable"), which rules out only a risk item (see cancels and acceptedHarm).
 */
export type Negation = 'plain' | 'dismissal' | 'accepted';

const WINDOW = 8;

const CLAUSE_STARTERS = new Set([
  'but', 'so', 'because', 'however', 'although', 'though', 'whereas', 'yet', 'while', 'which',
  'since', 'then', 'therefore', 'thus', 'hence', 'instead', 'otherwise', 'unless', 'until', 'if',
  'when', 'where', 'once', 'also', 'plus',
]);
const SUBJECTS = new Set(['we', 'i', 'you', 'they', 'it', 'this', 'that', 'he', 'she', 'the']);

const PLAIN_CUES = new Set(['not', 'no', 'never', 'without', 'neither', 'nor', 'none', 'nothing', 'lack', 'lacks', 'lacking', 'avoid', 'avoids', 'avoiding']);
const DISMISS_CUES = new Set(['skip', 'skips', 'skipping', 'ignore', 'ignores', 'ignoring', 'drop', 'dropping', 'forget', 'forgo', 'omit', 'omitting']);
// Words before a dismissal verb that make it a noun: "a skip", "the drop", "each skip".
const DETERMINERS = new Set(['a', 'an', 'the', 'each', 'every', 'any']);
// Words after a dismissal verb that make it a name, not a dismissal: "skip-gram", "skip connections", "skip list".
const NOT_DISMISSING_AFTER = new Set(['gram', 'grams', 'connection', 'connections', 'list', 'lists', 'layer', 'layers']);
// Stems of words that turn a negation into a dismissal: not needing or not caring ("a baseline is
// not needed", "we don't need to worry about leakage").
const DISMISS_STEMS = new Set([
  'need', 'necessari', 'worri', 'concern', 'care', 'bother', 'matter', 'import', 'relev', 'requir',
  'worth', 'us', 'help', 'essenti', 'prioriti', 'problem', 'issu', 'point', 'benefit',
]);
// Before the phrase, refusing to look at it dismisses it too ("I won't ask about privacy", "we
// don't monitor drift"); after it, the same verbs describe a limitation ("CF can't handle new items").
const REFUSAL_STEMS = new Set(['ask', 'consid', 'think', 'look', 'check', 'handl', 'address', 'deal', 'cover', 'discuss', 'monitor', 'track', 'measur', 'plan']);
// "..., and we ...": a conjunction followed by a pronoun starts a new clause.
const PRONOUNS = new Set(['we', 'i', 'you', 'they', 'it', 'he', 'she']);
const DISMISS_ADJECTIVES = new Set(['unnecessary', 'overkill', 'irrelevant', 'pointless', 'unneeded', 'superfluous', 'useless']);
// "not only", "no doubt"; "not every language has labels", "not all payments get one", "not always":
// a part of a set, described, not refused.
const FALSE_CUES_AFTER = new Set(['only', 'just', 'doubt', 'matter', 'exception', 'surprise', 'wonder', 'every', 'all', 'always']);

export function negationOf(tokens: Token[], start: number, end: number): Negation | null {
  const cue = before(tokens, start);
  if (cue) {
    // "We don't mind clickbait": not minding a harm accepts it; not minding anything else refuses nothing.
    if (cue.word === 'not' && tokens[cue.index + 1]?.raw === 'mind') return acceptedHarm(tokens, start, end) ? 'accepted' : null;
    // "Without a baseline you can't tell", "without a time split the numbers would be too optimistic":
    // a condition that makes the thing necessary.
    if (cue.word === 'without' && (negatedLater(tokens, end) || harmLater(tokens, end))) return null;
    // "Cut fraud losses without hurting honest buyers", "loss down w/o false declines": a constraint
    // names the harm to avoid, which covers it (without-constraint.ts).
    if (cue.word === 'without' && constraintWithout(tokens, cue.index, start, end)) return null;
    // "Skipping the A/B test is not an option", "ignoring drift would be a mistake": the dismissal is
    // itself turned down, which insists on the thing.
    if (DISMISS_CUES.has(cue.word) && condemnedLater(tokens, end)) return null;
    // A second negation before the first cancels it: "we never ship without an A/B test",
    // "we can't afford to skip calibration". Not one in the label the claim is read under: a lead-in
    // ("Nothing breaks here, ...") is read as the claim's label and again in its words.
    const outer = before(tokens, cue.index);
    if (outer !== null && !(tokens[outer.index]!.context && !tokens[cue.index]!.context)) return null;
    // "We never ship a model that beats the baseline offline without an A/B test": a rule's "never"
    // reaches its "without" across the whole clause.
    if (cue.word === 'without' && ruleBefore(tokens, cue.index)) return null;
    // A dismissal after the match is one wherever the sentence starts: "Nothing can go wrong,
    // forgetting older patterns is not a concern" dismisses forgetting as "... is not a concern" does.
    if (cue.negation === 'plain' && after(tokens, end) === 'dismissal') return 'dismissal';
    // "Pairs that never formed a connection are labelled negative": the cue negates a relative clause.
    if (inRelativeClause(tokens, cue.index, start)) return null;
    // "Negatives are impressions that were not clicked within 1 h", "… impressions not clicked": a
    // negation that says which things are meant defines a set; it refuses nothing.
    if (cue.negation === 'plain' && (definingRelative(tokens, cue.index) || reducedRelative(tokens, cue.index))) return null;
    // "Impressions without a click are negatives": "without" ends with its object; the verb after it is the main clause's.
    if (cue.word === 'without' && predicateAfterWithout(tokens, cue.index, start)) return null;
    // "We don't label declined payments as fraud", "refunds are not counted as positives": the negation
    // keeps some things out of a category; it does not refuse the category.
    if (excludedFromCategory(tokens, cue.index, start, end)) return null;
    // "An attribution window avoids late clicks being counted as negatives": a thing that avoids a
    // problem handles it; only a person avoiding something ("we avoid a feature store") refuses it.
    if (avoidedByThing(tokens, cue, end)) return null;
    // "Assume the model runs on our servers, not on device": a plain negation inside an assumption
    // states the setting the design is for, which is how the item is addressed. A dismissal there
    // ("assume we don't need a baseline") still rules the item out.
    if (cue.negation === 'plain' && inAssumption(tokens, cue.index)) return null;
    if (cue.negation === 'plain' && exclusiveAfter(tokens, end)) return null;
    if (guardedRule(tokens, cue, start, end)) return null;
    if (partScoped(tokens, cue, start, end) || namesThePart(tokens, cue, start, end)) return null;
    if (cue.negation === 'plain' && purposeClause(tokens, cue.index)) return null;
    if (cue.negation === 'plain' && contrastedElsewhere(tokens, end)) return null;
    return cue.negation;
  }
  if (noneAfter(tokens, start, end)) return 'plain';
  const dismissed = after(tokens, end);
  if (dismissed) return dismissed;
  return (acceptedBefore(tokens, start) || acceptedAfter(tokens, end)) && acceptedHarm(tokens, start, end) ? 'accepted' : null;
}

/**
 * Whether a match has a negation cue before it and runs on past the end of the cue's clause: "declined
 * payments never get a chargeback, so we don't label them" matches a concept of data sources in "get
 * ... we ... label". The cue reaches only the words of its own clause, and the match's words in two
 * clauses say neither that the item was done nor that it was ruled out: such a match is no item's
 * evidence either way (score.ts, forItem). Only a concept, matched across a clause's words, can cross one.
 * A red flag still reads it as negated (negationOf is unchanged for it).
 */
export function straddlesClause(tokens: Token[], start: number, end: number): boolean {
  return crossesClause(tokens, start, end) && before(tokens, start) !== null;
}

/** A comma inside the match followed by a clause starter or a subject ("chargeback, so we ... label"), or a hard boundary. */
function crossesClause(tokens: Token[], start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) {
    const t = tokens[k]!;
    if (t.sep === 'hard' || (t.sep === 'comma' && (CLAUSE_STARTERS.has(t.raw) || PRONOUNS.has(t.raw)))) return true;
  }
  return false;
}

/** Finite verbs that start the main clause's predicate after a "without" phrase ("impressions without a click are negatives"). */
const PREDICATE_VERBS = new Set(['is', 'are', 'was', 'were', 'count', 'counts', 'counted', 'classdefas', 'become', 'becomes']);

/**
 * "Impressions without a click are negatives", "sessions without a purchase count as negatives": a
 * "without" phrase ends with its object, and a verb of the main clause (PREDICATE_VERBS) between it
 * and the match starts the predicate the match stands in. Not a verb of a relative clause inside the
 * phrase ("without features that are computed from the future").
 */
function predicateAfterWithout(tokens: Token[], cue: number, start: number): boolean {
  for (let k = cue + 2; k <= start && k < tokens.length; k++) {
    if (PREDICATE_VERBS.has(tokens[k]!.raw)) return !RELATIVES.has(tokens[k - 1]!.raw);
  }
  return false;
}

/** Verbs that put a thing in a category ("label X as", "count X as", "treat X as"). */
const ASSIGNING = new Set([
  'label', 'labels', 'labelled', 'labeled', 'labelling', 'labeling', 'count', 'counts', 'counted', 'counting', 'classdefas', 'treat', 'treats',
  'treated', 'treating', 'mark', 'marks', 'marked', 'tag', 'tags', 'tagged', 'consider', 'considers', 'considered', 'classify',
  'classifies', 'classified', 'call', 'calls', 'called', 'use', 'uses', 'used', 'take', 'takes', 'taken', 'regard', 'regards',
  'regarded', 'flag', 'flags', 'flagged', 'include', 'includes', 'included', 'sample', 'samples', 'sampled',
]);
/** Categories of examples and inputs: the label classes and features a thing may be put in. */
const CATEGORIES = new Set([
  'positive', 'positives', 'negative', 'negatives', 'label', 'labels', 'fraud', 'fraudulent', 'spam', 'harmful', 'abusive',
  'toxic', 'relevant', 'irrelevant', 'feature', 'features', 'input', 'inputs', 'signal', 'signals', 'example', 'examples',
  'legitimate', 'genuine', 'clean', 'bad', 'good', 'fake', 'engagement', 'engaged', 'click', 'clicks', 'conversion', 'conversions',
]);
/** Words that refuse the category itself rather than keep a thing out of it ("we don't label anything as fraud"). */
const ANY_THING = new Set(['anything', 'any', 'nothing', 'everything', 'all']);

/**
 * "We don't label declined payments as fraud", "we don't count unseen ads as negatives", "refunds are
 * not counted as positives", "we never use the user's age as a feature": a "not" or "never" before a
 * verb that puts a thing in a category (ASSIGNING), then "as" and the category (CATEGORIES), keeps that
 * thing out of it; it is how the category is defined, not a refusal of it. Holds for a match of the
 * verb's ("label them as") or the category's ("as negatives"), with a thing between the verb and "as"
 * or, in the passive, a form of "be" before the cue. "We don't label anything as fraud" refuses the
 * labels; a match of the thing ("unseen ads"), or of the thing and its category together ("declined
 * payments as fraud", a red flag's words), is the claim the cue refuses.
 */
function excludedFromCategory(tokens: Token[], cue: number, start: number, end: number): boolean {
  const exclusion = exclusionAt(tokens, cue);
  if (!exclusion) return false;
  const { verb, as, category } = exclusion;
  if (start < verb || end <= as || (start > verb && start < as)) return false;
  return !(start < as && end > category);
}

/**
 * The parts of an exclusion from a category after a "not" or "never" at `cue` (see excludedFromCategory):
 * the assigning verb within three words (with no word between that needs or refuses but the verb
 * itself: "we don't need to label X as" still excludes), "as" within six words of it, and the category
 * after "as" and an article. null when the words are not one.
 */
function exclusionAt(tokens: Token[], cue: number): { verb: number; as: number; category: number } | null {
  const word = tokens[cue]!.raw;
  if (word !== 'not' && word !== 'never') return null;
  let verb = -1;
  for (let k = cue + 1; k < tokens.length && k <= cue + 3; k++) {
    if (tokens[k]!.sep === 'hard' || tokens[k]!.sep === 'comma') return null;
    if (ASSIGNING.has(tokens[k]!.raw)) {
      verb = k;
      break;
    }
  }
  if (verb < 0) return null;
  let as = -1;
  for (let k = verb + 1; k < tokens.length && k <= verb + 6; k++) {
    if (tokens[k]!.sep === 'hard' || tokens[k]!.sep === 'comma') return null;
    if (tokens[k]!.raw === 'as') {
      as = k;
      break;
    }
  }
  if (as < 0) return null;
  const thing = tokens.slice(verb + 1, as);
  const passive = BE_FORMS.has(tokens[cue - 1]?.raw ?? '') || AUXILIARIES.has(tokens[cue - 1]?.raw ?? '');
  if (thing.length === 0 ? !passive : thing.some((t) => ANY_THING.has(t.raw))) return null;
  let category = as + 1;
  while (category < tokens.length && category < as + 3 && ['a', 'an', 'the'].includes(tokens[category]!.raw)) category++;
  const named = tokens[category];
  return named && named.sep !== 'hard' && named.sep !== 'comma' && CATEGORIES.has(named.raw) ? { verb, as, category } : null;
}

/** Words after "nothing" or "none" that leave it the whole answer: "none yet", "nothing so far", "none planned". */
const NONE_ENDINGS = new Set(['yet', 'so', 'at', 'for', 'planned', 'done', 'today', 'now', 'currently', 'until', 'before']);

/**
 * "We calibrate nothing", "A/B tests: none planned", "we A/B tested nothing yet": "nothing" or "none"
 * right after the match ("none" also after "is" or "are"), or one word after it when the match starts the verb of a subject ("we A/B
 * tested": the match "A/B"), is the object the practice was done to: none. It ends its clause or is
 * followed only by a word of time (NONE_ENDINGS). "Nothing fancy", "nothing else", "nothing beats",
 * "none of the above" and "the A/B test showed nothing" say something else.
 */
function noneAfter(tokens: Token[], start: number, end: number): boolean {
  // A lead-in ("A/B tests: none yet") is read as the claim's label, then "is", then again in its words:
  // "none" after it is said of the whole label, read past "is" ("A/B tests is A/B tests is none yet").
  const predicate = labelPredicate(tokens, start, end);
  if (predicate >= 0) return noneAt(tokens, BE_FORMS.has(tokens[predicate]?.raw ?? '') ? predicate + 1 : predicate);
  if (noneAt(tokens, end)) return true;
  const verb = tokens[end];
  if (!verb || verb.sep === 'hard' || verb.sep === 'comma') return false;
  const before = tokens[start - 1]?.raw ?? '';
  const subject = PRONOUNS.has(before) || (AUXILIARIES.has(before) && PRONOUNS.has(tokens[start - 2]?.raw ?? ''));
  return subject && noneAt(tokens, end + 1);
}

/**
 * Where the claim's own words go on after a lead-in label that holds the match: a lead-in "X: ..." is
 * read as the label X (context tokens), then "is" (or "are"), then X again in the claim's words. The
 * match may be in either copy. -1 when it is in neither or the words do not repeat the label.
 */
function labelPredicate(tokens: Token[], start: number, end: number): number {
  // The label: the run of context tokens that holds the match, or the nearest one before it.
  let from = start;
  if (!tokens[start]!.context) {
    from = start - 1;
    while (from >= 0 && !tokens[from]!.context) from--;
    if (from < 0 || start - from > 12) return -1;
  }
  let first = from;
  while (first > 0 && tokens[first - 1]!.context && tokens[first]!.sep !== 'hard') first--;
  let last = from + 1;
  while (last < tokens.length && tokens[last]!.context) last++;
  const copy = tokens[last]?.raw === 'is' || tokens[last]?.raw === 'are' ? last + 1 : last;
  const length = last - first;
  for (let k = 0; k < length; k++) if (tokens[copy + k]?.raw !== tokens[first + k]!.raw || tokens[copy + k]!.context) return -1;
  const predicate = copy + length;
  if (!tokens[start]!.context && (start < copy || end > predicate)) return -1;
  return predicate;
}

/** "nothing" or "none" at `at`, in the sentence of the word before it, ending its clause or followed by a word of time. */
function noneAt(tokens: Token[], at: number): boolean {
  const next = tokens[at];
  if (!next || (next.raw !== 'nothing' && next.raw !== 'none') || next.sep === 'comma') return false;
  // "A/B tests: none yet" (a colon, in the sentence); not "... A/B test. Nothing yet on drift."
  if (next.sentence !== tokens[at - 1]!.sentence) return false;
  const after = tokens[at + 1];
  return !after || after.sep === 'hard' || after.sep === 'comma' || NONE_ENDINGS.has(after.raw);
}

/**
 * Words that name a harm or failure a risk item is about ("clickbait", "missed faces", "drift",
 * "label noise", "position bias"), as opposed to a remedy or the price of one ("over blurring", "class
 * weights", "a low threshold"): accepting the harm leaves it unhandled; accepting the price handles it.
 */
const HARMS = new Set([
  'clickbait', 'miss', 'missed', 'misses', 'missing', 'drift', 'drifts', 'drifting', 'leak', 'leaks', 'leakage', 'noise', 'noisy',
  'bias', 'biased', 'spam', 'fake', 'injection', 'injections', 'jailbreak', 'jailbreaks', 'failure', 'failures', 'stale', 'staleness',
  'forgetting', 'shift', 'evasion', 'misinformation', 'sensational', 'fatigue', 'imbalance', 'imbalanced', 'skew', 'skewed',
]);

/** Whether the match names a harm (HARMS): only then can accepting it rule it out. */
function acceptedHarm(tokens: Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (HARMS.has(tokens[k]!.raw)) return true;
  return false;
}

/** Words that accept what the clause names ("clickbait is fine", "missing a few faces is acceptable"). */
const ACCEPTING = new Set(['fine', 'acceptable', 'ok', 'okay', 'tolerable', 'harmless', 'tolerated', 'accepted']);
/** Words that may stand between the match and an accepting word: a form of "be" and an adverb. */
const ACCEPT_FILLERS = new Set([
  'is', 'are', 'was', 'were', 'be', 'seems', 'seem', 'remains', 'remain', 'would', 'will', 'should', 'can', 'still', 'also',
  'just', 'perfectly', 'totally', 'quite', 'probably', 'mostly', 'generally', 'really', 'pretty', 'entirely', 'completely',
]);
/** Words after the accepting word that bound the acceptance by a condition: a tolerance kept in check. */
const ACCEPT_CONDITIONS = new Set(['if', 'provided', 'providing', 'unless', 'until', 'while', 'when', 'between', 'within', 'below', 'under', 'up']);

/**
 * After the match, in its clause: a form of "be" (or nothing, where "'s" was dropped) and an
 * accepting word ("clickbait is fine by us", "missing a few faces is acceptable", "some drift is
 * perfectly OK"), or "no big deal" / "not a big deal". Not when a condition bounds it ("drift is
 * fine as long as we retrain weekly", "... if it stays under 2%").
 */
function acceptedAfter(tokens: Token[], end: number): boolean {
  let k = end;
  while (k < tokens.length && k < end + 4 && ACCEPT_FILLERS.has(tokens[k]!.raw) && tokens[k]!.sep !== 'hard' && tokens[k]!.sep !== 'comma') k++;
  const t = tokens[k];
  if (!t || t.sep === 'hard' || t.sep === 'comma') return false;
  let last = k;
  if (t.raw === 'no' && tokens[k + 1]?.raw === 'big' && tokens[k + 2]?.raw === 'deal') last = k + 2;
  else if (t.raw === 'not' && tokens[k + 1]?.raw === 'a' && tokens[k + 2]?.raw === 'big' && tokens[k + 3]?.raw === 'deal') last = k + 3;
  else if (!ACCEPTING.has(t.raw)) return false;
  // "Fine-tune", "fine-grained": another word.
  if (tokens[k + 1]?.sep === 'glue') return false;
  for (let i = last + 1; i < tokens.length && i < last + 4; i++) {
    if (tokens[i]!.sep === 'hard') break;
    if (ACCEPT_CONDITIONS.has(tokens[i]!.raw)) return false;
    // "as long as", "so long as"; "as" alone gives a reason ("fine as clicks pay the bills").
    if ((tokens[i]!.raw === 'as' || tokens[i]!.raw === 'so') && tokens[i + 1]?.raw === 'long') return false;
  }
  return true;
}

/**
 * Before the match, within three words and in its clause: "we are fine with some clickbait", "OK with
 * a few missed faces", "we can live with label noise", "we accept / tolerate some drift".
 */
function acceptedBefore(tokens: Token[], start: number): boolean {
  for (let i = start - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    if (tokens[i + 1]!.sep === 'hard' || tokens[i + 1]!.sep === 'comma') return false;
    const word = tokens[i]!.raw;
    if (word === 'with') {
      const by = tokens[i - 1]?.raw ?? '';
      return ACCEPTING.has(by) || by === 'happy' || by === 'comfortable' || (by === 'live' && tokens[i - 2]?.raw === 'can');
    }
    if (word === 'accept' || word === 'tolerate' || word === 'tolerates' || word === 'accepts') return PRONOUNS.has(tokens[i - 1]?.raw ?? '') || ['can', 'will', 'would'].includes(tokens[i - 1]?.raw ?? '');
    if (CLAUSE_STARTERS.has(word)) return false;
  }
  return false;
}

/** Cues that state a rule with a guard after the match ("we never X after / before / without / until Y"). */
const GUARD_NEGATORS = new Set(['not', 'never', 'no', 'none']);
/** Words that open a guard: a time bound, a gate or a condition the rule holds X to. */
const GUARDS = new Set(['after', 'before', 'until', 'unless', 'without', 'beyond']);
/** Words that may stand between a guard and what it names ("after the", "before it is"). */
const GUARD_FILLERS = new Set(['the', 'a', 'an', 'its', 'our', 'their', 'it', 'they', 'we', 'is', 'are', 'has', 'have', 'been', 'being', 'was', 'first', 'any', 'each', 'every']);
/**
 * A stage of the system's life, or a deferral: a rule bounded by one keeps X out of the system
 * ("we don't retrain after launch", "no A/B test before launch", "no calibration until v2").
 */
const LIFECYCLE = new Set([
  'launch', 'launches', 'launched', 'launching', 'deploy', 'deploys', 'deployed', 'deploying', 'deployment', 'release',
  'released', 'releasing', 'production', 'prod', 'live', 'golive', 'go', 'rollout', 'ship', 'ships', 'shipped', 'shipping',
  'serving', 'v1', 'v2', 'mvp', 'later', 'next', 'phase', 'day', 'month', 'quarter', 'year', 'week', 'initially', 'now',
]);

/** Whether a never / no / not opens the clause before `cue` (up to 16 words back, no clause starter between). */
function ruleBefore(tokens: Token[], cue: number): boolean {
  for (let i = cue - 1, seen = 0; i >= 0 && seen < 16; i--, seen++) {
    const next = tokens[i + 1]!;
    if (next.sep === 'hard' || (next.sep === 'comma' && SUBJECTS.has(next.raw))) return false;
    const word = tokens[i]!.raw;
    if (CLAUSE_STARTERS.has(word)) return false;
    if (GUARD_NEGATORS.has(word) && !FALSE_CUES_AFTER.has(tokens[i + 1]?.raw ?? '')) return !tokens[i]!.context || !!tokens[cue]!.context;
  }
  return false;
}

/** Dismissal stems that say X is not needed (all but "use"): "we don't need X until launch" is a deferral, not a guard. */
const NEEDING = new Set([...DISMISS_STEMS].filter((stem) => stem !== 'us'));

/**
 * Whether the cue and what follows the match make a rule that keeps the match safe (see guardAfter):
 * a plain never / no / not, or one that dismisses only by "use" ("we never use labels observed after
 * the prediction time"), not by needing ("we don't need X until ...").
 */
function guardedRule(tokens: Token[], cue: Cue, start: number, end: number): boolean {
  if (!GUARD_NEGATORS.has(cue.word)) return false;
  if (cue.negation === 'dismissal' && tokens.slice(cue.index + 1, start).some((t) => NEEDING.has(t.stem) || REFUSAL_STEMS.has(t.stem))) return false;
  return guardAfter(tokens, end);
}

/**
 * "We never compute features from data after the transaction time", "no model is promoted before it
 * beats the baseline", "we never retrain without validating on the last week", "we don't retrain until
 * drift is detected": a never / no / not rule with a guard after the match (a time bound, a gate, a
 * condition) keeps X safe; it does not rule X out. Not when the guard names a stage of the system's
 * life or a deferral (LIFECYCLE: "we don't retrain after launch", "no A/B test before launch"), nor
 * "after all". The data a rule keeps out is a guard too: "we never calibrate on the test set". Read
 * within the clause, at most eight words after the match.
 */
function guardAfter(tokens: Token[], end: number): boolean {
  for (let i = end, seen = 0; i < tokens.length && seen < 8; i++, seen++) {
    const t = tokens[i]!;
    if (t.sep === 'hard' || (i > end && t.sep === 'comma')) return false;
    if (GUARDS.has(t.raw)) {
      let k = i + 1;
      while (k < tokens.length && k < i + 4 && GUARD_FILLERS.has(tokens[k]!.raw) && tokens[k]!.sep !== 'hard') k++;
      const named = tokens[k];
      if (!named || named.sep === 'hard' || named.sep === 'comma' || named.raw === 'all') return false;
      return !LIFECYCLE.has(named.raw);
    }
    // "We never calibrate on the test set", "never tune with future data": the data a rule keeps out.
    if (DATA_PREPOSITIONS.has(t.raw)) {
      const k = GUARD_FILLERS.has(tokens[i + 1]?.raw ?? '') ? i + 2 : i + 1;
      if (KEPT_OUT_DATA.has(tokens[k]?.raw ?? '') && tokens[k]!.sep !== 'hard' && tokens[k]!.sep !== 'comma') return true;
    }
    if (CLAUSE_STARTERS.has(t.raw) || (t.sep === 'comma' && SUBJECTS.has(t.raw))) return false;
  }
  return false;
}

/** Phases of the system a rule may hold for: "at serving time", "during inference", "in training". */
const PHASES = new Set([
  'serving', 'serve', 'inference', 'prediction', 'predict', 'request', 'query', 'runtime', 'scoring', 'score', 'training', 'train',
  'evaluation', 'eval', 'test', 'testing', 'lookup', 'decision', 'auction', 'bidding', 'bid', 'authorization', 'checkout', 'upload',
]);
/** Places of the system a rule may hold for: "in production", "on device", "in the request path". */
const PLACES = new Set(['production', 'prod', 'device', 'client', 'browser', 'edge', 'phone', 'mobile', 'online', 'offline', 'hot', 'critical', 'real', 'realtime']);
/** Words that, after "for", narrow a population to a part: "for new users", "for cold-start items", "for the long tail". */
const PART_OF_POPULATION = new Set([
  'new', 'brand', 'cold', 'first', 'unseen', 'anonymous', 'guest', 'logged', 'returning', 'existing', 'inactive', 'active', 'low',
  'small', 'rare', 'long', 'tail', 'fresh', 'unknown', 'young', 'heavy', 'light', 'casual', 'power',
]);
/** Adverbs of place or phase standing alone after the match: "we never compute it online". */
const PART_ADVERBS = new Set(['online', 'offline', 'live', 'inline']);
/**
 * Practices that exist only where the system runs live: a scope there ("no A/B test in production",
 * "we don't monitor drift online") is no part of them, so it narrows nothing.
 */
const LIVE_ONLY = new Set([
  'experiment', 'experiments', 'canary', 'shadow', 'rollout', 'monitor', 'monitoring', 'monitored', 'alert', 'alerts', 'alerting',
  'dashboard', 'dashboards', 'interleaving', 'holdback',
]);
const LIVE_SCOPES = new Set(['production', 'prod', 'online', 'live']);

/**
 * "We never use the ad position as a feature at serving time", "no user IDs for new users", "we don't
 * compute embeddings in the request path": a never / no / not rule (or one that dismisses only by
 * "use", as in guardedRule) scoped to one part of the practice, a phase, a place or a part of the
 * population (partScopeAfter), says where the practice does not apply, which is how it is applied
 * elsewhere (often the item itself: position as a training-only feature). It does not rule the item
 * out. Not a dismissal by needing or refusing ("we don't need X in production"), and not a live-only
 * practice scoped to where it always runs ("no A/B test in production").
 */
function partScoped(tokens: Token[], cue: Cue, start: number, end: number): boolean {
  if (!GUARD_NEGATORS.has(cue.word)) return false;
  if (cue.negation === 'dismissal' && tokens.slice(cue.index + 1, start).some((t) => NEEDING.has(t.stem) || REFUSAL_STEMS.has(t.stem))) return false;
  return partScopeAfter(tokens, end, start);
}

/**
 * Whether a scope to one part of the practice follows `from` in its clause (at most eight words, no
 * clause starter or comma before it): "at|during|in (the) <phase> (time)", "in|on (the) <place>", an
 * adverb of place ("online"), or "for" a part of a population ("for new users"). The words of the
 * practice (from `start` to `from`) decide whether a live place narrows it (LIVE_ONLY). The lifecycle
 * bounds of guardAfter ("after launch", "until v2") are deferrals, not parts, and are not read here.
 */
function partScopeAfter(tokens: Token[], from: number, start: number): boolean {
  const liveOnly = tokens.slice(start, from).some((t) => LIVE_ONLY.has(t.raw)) || abTestIn(tokens, start, from);
  for (let i = from, seen = 0; i < tokens.length && seen < 8; i++, seen++) {
    const t = tokens[i]!;
    if (t.sep === 'hard' || (i > from && t.sep === 'comma')) return false;
    if (CLAUSE_STARTERS.has(t.raw) || (t.sep === 'comma' && SUBJECTS.has(t.raw))) return false;
    const scope = scopeAt(tokens, i);
    if (scope) return !(liveOnly && LIVE_SCOPES.has(scope.word));
  }
  return false;
}

/** The word naming a part of the practice, and where it stands, when a scope opens at `i` (see partScopeAfter); null otherwise. */
function scopeAt(tokens: Token[], i: number): { word: string; at: number } | null {
  const word = tokens[i]!.raw;
  if (PART_ADVERBS.has(word)) return { word, at: i };
  let k = i + 1;
  while (k < tokens.length && k < i + 3 && ['the', 'a', 'an', 'our', 'its', 'their'].includes(tokens[k]!.raw)) k++;
  const named = tokens[k];
  if (!named || named.sep === 'hard' || named.sep === 'comma') return null;
  const part =
    ((word === 'at' || word === 'during' || word === 'in') && PHASES.has(named.raw)) ||
    ((word === 'in' || word === 'on') && PLACES.has(named.raw)) ||
    (word === 'for' && PART_OF_POPULATION.has(named.raw));
  return part ? { word: named.raw, at: k } : null;
}

/**
 * "We don't use user IDs for new users", "we never compute embeddings at request time": the match is
 * the scope itself, the part a never / no / not rule (see partScoped) holds for. What the cue refuses
 * is the practice before it ("use user IDs", "compute embeddings"), there; the part is not refused, and
 * naming it is often the item (cold start, batch scoring). The scope opens after at least one word of
 * the practice, and the word naming the part stands in the match ("we don't run the heavy model in the
 * checkout path", a match from "run" to "path").
 */
function namesThePart(tokens: Token[], cue: Cue, start: number, end: number): boolean {
  if (!GUARD_NEGATORS.has(cue.word)) return false;
  if (cue.negation === 'dismissal' && tokens.slice(cue.index + 1, start).some((t) => NEEDING.has(t.stem) || REFUSAL_STEMS.has(t.stem))) return false;
  for (let p = Math.max(cue.index + 2, start - 2); p < end; p++) {
    if (PART_ADVERBS.has(tokens[p]!.raw)) continue;
    const scope = scopeAt(tokens, p);
    if (scope === null || scope.at < start || scope.at >= end) continue;
    const liveOnly = tokens.slice(cue.index + 1, p).some((t) => LIVE_ONLY.has(t.raw)) || abTestIn(tokens, cue.index + 1, p);
    return !(liveOnly && LIVE_SCOPES.has(scope.word));
  }
  return false;
}

/** Whether the words [start, end) name an A/B test ("a/b test", "ab testing"). */
function abTestIn(tokens: Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const raw = tokens[k]!.raw;
    if ((raw === 'ab' || (raw === 'b' && tokens[k - 1]?.raw === 'a')) && /^test/.test(tokens[k + 1]?.raw ?? '')) return true;
  }
  return false;
}

/** Prepositions that name the data a step runs on ("on the test set", "with future data"). */
const DATA_PREPOSITIONS = new Set(['on', 'from', 'with', 'using', 'against']);
/** Data a sound design keeps out of fitting and tuning. */
const KEPT_OUT_DATA = new Set(['test', 'testing', 'future']);

/** Cues that negate a verb and so reach over a second verb joined to it ("we don't retrain or recalibrate"). */
const VERB_NEGATORS = new Set(['not', 'never', 'nor', 'neither']);

/** Verbs that take "to avoid" as their object ("we want to avoid deep models"): a choice, not a purpose. */
const CHOOSING = new Set([
  'want', 'wants', 'wanted', 'try', 'tries', 'tried', 'trying', 'prefer', 'prefers', 'preferred', 'like',
  'choose', 'chose', 'decide', 'decided', 'plan', 'plans', 'planning', 'aim', 'intend', 'going', 'rather',
]);

/**
 * "We split by time to avoid leakage": "to avoid X" is a purpose, naming X as a problem the design
 * handles, which covers X. Not when a verb of choosing takes it as its object ("we'd like to avoid a
 * feature store").
 */
function purposeClause(tokens: Token[], cue: number): boolean {
  const word = tokens[cue]!.raw;
  if (word !== 'avoid') return false;
  if (tokens[cue - 1]?.raw !== 'to' || tokens[cue]!.sep === 'hard') return false;
  return !CHOOSING.has(tokens[cue - 2]?.raw ?? '');
}

/** Words that may stand between the contrasted element and "but" ("not a feature store here but a cache"). */
const CONTRAST_FILLERS = new Set(['here', 'there', 'now', 'today', 'anymore', 'yet']);

/**
 * "We don't retrain weekly but hourly": a "but" that opens a fragment (no new subject) contrasts
 * the element right before it ("weekly") with the one after; the match is ruled out only when it is
 * that element, ending right before the "but".
 */
function contrastedElsewhere(tokens: Token[], end: number): boolean {
  for (let i = end; i < tokens.length && i < end + 10; i++) {
    const t = tokens[i]!;
    if (t.sep === 'hard') return false;
    if (t.raw === 'but') {
      const next = tokens[i + 1];
      if (!next || next.sep === 'hard' || SUBJECTS.has(next.raw) || next.raw === 'also') return false;
      return tokens.slice(end, i).some((w) => !CONTRAST_FILLERS.has(w.raw));
    }
    if (CLAUSE_STARTERS.has(t.raw) || (t.sep === 'comma' && SUBJECTS.has(t.raw))) return false;
  }
  return false;
}

/** "We do not trust offline AUC alone": the negation is of relying on it only, not of the thing. */
function exclusiveAfter(tokens: Token[], end: number): boolean {
  const next = tokens[end];
  if (!next || next.sep === 'hard') return false;
  return next.raw === 'alone' || (next.raw === 'by' && tokens[end + 1]?.raw === 'itself') || (next.raw === 'on' && tokens[end + 1]?.raw === 'its' && tokens[end + 2]?.raw === 'own');
}

/**
 * Whether the candidate names the match to reject it as the practice a red flag is about, where an
 * item would still read it as said (see README, Mistakes: "a flag needs the candidate to assert the
 * thing"):
 * - refused as the sole means: "we never rank by margin alone", "not on clicks by themselves";
 * - held to a guard (guardedRule): "no model is deployed before it beats the baseline" is a gate
 *   before the launch, not a launch on an offline metric;
 * - "not just X" with no "but", "also", "too" or "as well" after it: "we won't just fine-tune on our
 *   docs, ...; we retrieve instead" ("not just X but also Y" keeps X);
 * - the losing side of a comparison: "unlike X", "Y beats X", "Y is better than X", "rather Y than X",
 *   "we prefer Y over X" or "to X";
 * - kept out of a category after it: "gender is not used as a feature" (keptOutAfter);
 * - the harm a constraint keeps away (without-constraint.ts): "we cut spam without hurting engagement".
 */
export function rejectedForFlag(tokens: Token[], start: number, end: number): boolean {
  const cue = before(tokens, start);
  // "We cut spam without hurting engagement": what a constraint keeps from harm is not the practice chosen.
  if (cue !== null && cue.word === 'without' && constraintWithout(tokens, cue.index, start, end)) return true;
  if (cue !== null && (exclusiveAfter(tokens, end) || guardedRule(tokens, cue, start, end))) return true;
  return notJustBefore(tokens, start, end) || losingSide(tokens, start) || keptOutAfter(tokens, end);
}

/**
 * The match is the thing a negation after it keeps out of a category: "gender and race are not used as
 * features", "declines are never counted as positives". For an item the category is what is said
 * (negationOf reads no negation there); for a red flag about putting the thing in that category, the
 * claim is refused. The "not" or "never" stands within five words after the match, in its clause
 * (no comma, hard boundary or clause starter between), and opens an exclusion (exclusionAt).
 */
function keptOutAfter(tokens: Token[], end: number): boolean {
  for (let i = end, seen = 0; i < tokens.length && seen < 5; i++, seen++) {
    const token = tokens[i]!;
    if (token.sep === 'hard' || token.sep === 'comma' || CLAUSE_STARTERS.has(token.raw)) return false;
    if (token.raw === 'not' || token.raw === 'never') return exclusionAt(tokens, i) !== null;
  }
  return false;
}

/** Words that, standing among a concept match's words, negate the words after them ("payments are not labeled as fraud"). */
const INSIDE_CUES = new Set(['not', 'never', 'no', 'nor', 'none', 'zero']);

/**
 * How a concept match (a rubric pattern or lexicon concept: word groups in any order, see phrase.ts)
 * is ruled out by a negation among its own words: "declined payments are not labeled as fraud",
 * "the edges are not split randomly", "flagged posts are not removed automatically" match the
 * concept's words around the "not", and the claim they make is refused. The match's words from the
 * concept's next word after the cue are read as negationOf reads a match after a cue, with all its
 * exceptions (a relative clause, "not only", a bound). A cue that is one of the concept's own words (`own`, e.g. "removed with no
 * threshold") negates nothing. Plain phrases need none of this: they cannot skip a negation (phrase.ts,
 * UNSKIPPABLE). Returns the first negation found, or null.
 */
export function negationInside(tokens: Token[], start: number, end: number, own: (index: number) => boolean): Negation | null {
  for (let k = start + 1; k < end - 1; k++) {
    if (!INSIDE_CUES.has(tokens[k]!.raw) || own(k)) continue;
    // The rest of the match starts at the concept's next word: "tickets that were not resolved are
    // indexed" negates "resolved", a relative clause's word, and leaves "indexed" as said.
    let next = k + 1;
    while (next < end && !own(next)) next++;
    if (next >= end) continue;
    const negation = negationOf(tokens, next, end);
    if (negation) return negation;
    // "A declined payment is never used as a positive example": the thing kept out of the category is
    // the match's own first words, so the exclusion (excludedFromCategory) refuses the whole claim.
    const exclusion = exclusionAt(tokens, k);
    if (exclusion && exclusion.category < end && !inRelativeClause(tokens, k, next) && !definingRelative(tokens, k) && !reducedRelative(tokens, k)) return 'plain';
  }
  return null;
}

const ONLY_WORDS = new Set(['just', 'only', 'simply', 'merely', 'purely']);
const ADDING = new Set(['but', 'also', 'too', 'plus', 'well', 'additionally']);

function notJustBefore(tokens: Token[], start: number, end: number): boolean {
  let found = false;
  for (let i = start - 1, seen = 0; i > 0 && seen < 6; i--, seen++) {
    if (tokens[i + 1]!.sep === 'hard' || tokens[i + 1]!.sep === 'comma' || CLAUSE_STARTERS.has(tokens[i]!.raw)) break;
    if (ONLY_WORDS.has(tokens[i]!.raw) && (tokens[i - 1]!.raw === 'not' || tokens[i - 1]!.raw === 'never')) {
      found = true;
      break;
    }
  }
  if (!found) return false;
  for (let i = end; i < tokens.length && tokens[i]!.sentence === tokens[start]!.sentence; i++) if (ADDING.has(tokens[i]!.raw)) return false;
  return true;
}

/**
 * After "not": words that turn the option down ("an A/B test is not an option", "calibration is not
 * possible for us", "a feature store is not allowed"), a dismissal like "not needed". Said of a
 * dismissal verb ("skipping the A/B test is not an option") they turn the dismissal down instead.
 */
const NOT_ALLOWED = new Set(['option', 'acceptable', 'allowed', 'possible', 'feasible', 'viable', 'affordable', 'ok', 'okay']);

/** A plain negation after the match in the same clause ("..., you cannot tell"). */
function negatedLater(tokens: Token[], end: number): boolean {
  for (let i = end; i < tokens.length && i < end + 10; i++) {
    const t = tokens[i]!;
    if (t.sep === 'hard') return false;
    if (t.raw === 'not' || t.raw === 'never' || t.raw === 'no') return true;
  }
  return false;
}

/**
 * The first of the three words after a "not"/"never" at `i`, in its clause part (no comma or hard
 * boundary between), that `judges` holds: the word that says what the negation makes of the thing
 * ("is not needed", "is not an option", "does not hurt"). -1 when there is none.
 */
function judgedAfterNot(tokens: Token[], i: number, judges: (t: Token) => boolean): number {
  for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
    const t = tokens[j]!;
    if (t.sep === 'hard' || t.sep === 'comma') break;
    if (judges(t)) return j;
  }
  return -1;
}

/** Judgements of an act as wrong: "skipping calibration would be a mistake", "dropping the holdout is risky". */
const CONDEMNING = new Set([
  'mistake', 'mistakes', 'bad', 'risky', 'dangerous', 'wrong', 'harmful', 'unacceptable', 'irresponsible', 'reckless', 'error',
  'costly', 'unsafe', 'blunder', 'pitfall', 'trap', 'forbidden', 'unwise',
]);
/** After "not": what skipping does not do, which leaves the skipping fine ("skipping it does not hurt"). */
const HARMLESS_STEMS = new Set(['hurt', 'harm', 'cost', 'risk', 'lose', 'break', 'chang', 'affect']);

/**
 * The act a dismissal verb names (skip, ignore, drop…) is judged wrong in its own clause, after the match:
 * a condemning word (CONDEMNING: "would be a mistake", "is risky") or a plain "not"/"never" with no
 * dismissing or harmless word after it ("is not an option", "is never acceptable", "is not allowed").
 * "Skipping the A/B test is not needed" or "… does not hurt" leave the dismissal standing.
 */
function condemnedLater(tokens: Token[], end: number): boolean {
  for (let i = end; i < tokens.length && i < end + 8; i++) {
    const t = tokens[i]!;
    if (t.sep === 'hard' || (t.sep === 'comma' && i > end) || CLAUSE_STARTERS.has(t.raw)) return false;
    if (CONDEMNING.has(t.raw)) return true;
    if (t.raw === 'not' || t.raw === 'never') {
      const j = judgedAfterNot(tokens, i, (u) => NOT_ALLOWED.has(u.raw) || DISMISS_STEMS.has(u.stem) || HARMLESS_STEMS.has(u.stem));
      return j < 0 || NOT_ALLOWED.has(tokens[j]!.raw);
    }
  }
  return false;
}

/** A modal or a judgement that states what goes wrong: "would", "too optimistic", "meaningless". */
const HARM_WORDS = new Set([
  'would', 'could', 'might', 'too', 'wrong', 'meaningless', 'useless', 'misleading', 'optimistic', 'inflated',
  'unreliable', 'worthless', 'biased', 'blind', 'overstated', 'overstates', 'overstate',
]);

/**
 * "Without X, <what goes wrong>": after the match, in its sentence part, a modal or a judgement
 * (HARM_WORDS) that no "we" or "I" precedes: the consequence argues for X ("without calibration the
 * auction would overcharge", "without a time split the numbers are meaningless"). "Without a feature
 * store we would compute features on the fly" states another design: X stays ruled out.
 */
function harmLater(tokens: Token[], end: number): boolean {
  for (let i = end; i < tokens.length && i < end + 10; i++) {
    const t = tokens[i]!;
    if (t.sep === 'hard' || CLAUSE_STARTERS.has(t.raw) || PRONOUNS.has(t.raw) || t.raw === 'us') return false;
    if (HARM_WORDS.has(t.raw)) return true;
  }
  return false;
}

/** Objects of "for" that take the whole problem, not a part of it ("not a problem for us"). */
const WHOLE = new Set(['us', 'me', 'you', 'this', 'that', 'now', 'today', 'our', 'my', 'it', 'them', 'anyone', 'anybody']);
const TURNS = new Set(['but', 'whereas', 'while', 'however', 'yet']);

/**
 * "Cold start is not a problem for popular videos, but new uploads need content features": the
 * dismissal (its word at `at`) holds for some cases only ("for" and a part), and a contrast in the
 * same sentence turns to the rest, which is how the item is addressed. "Not a problem for us" and a
 * dismissal with no contrast after it still rule the item out.
 */
function dismissedForSomeOnly(tokens: Token[], at: number): boolean {
  const scope = tokens[at + 1]?.raw === 'for' ? at + 2 : tokens[at + 2]?.raw === 'for' && tokens[at + 1]!.sep === 'space' ? at + 3 : -1;
  if (scope < 0 || !tokens[scope] || WHOLE.has(tokens[scope]!.raw)) return false;
  for (let i = scope + 1; i < tokens.length && i < scope + 12; i++) {
    if (tokens[i]!.sep === 'hard') return false;
    if (TURNS.has(tokens[i]!.raw)) return true;
  }
  return false;
}

/** Words that open an assumption: the setting stated, not a choice made. */
const ASSUMING = new Set(['assume', 'assumes', 'assumed', 'assuming', 'assumption', 'assumptions', 'suppose', 'supposing', 'presume', 'presuming']);

/** Whether an assumption word opens the sentence part the cue stands in (back to a hard boundary). */
function inAssumption(tokens: Token[], cue: number): boolean {
  for (let i = cue - 1, seen = 0; i >= 0 && seen < 16; i--, seen++) {
    if (ASSUMING.has(tokens[i]!.raw) || (tokens[i]!.raw === 'say' && (tokens[i - 1]?.raw === 'us' || tokens[i - 1]?.raw === 'let'))) return true;
    if (tokens[i]!.sep === 'hard') return false;
  }
  return false;
}

const RELATIVES = new Set(['that', 'which', 'who', 'whose', 'whom']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'get', 'gets', 'got']);

function inRelativeClause(tokens: Token[], cue: number, start: number): boolean {
  if (!RELATIVES.has(tokens[cue - 1]?.raw ?? '') && !RELATIVES.has(tokens[cue - 2]?.raw ?? '')) return false;
  for (let i = cue + 2; i <= start && i < tokens.length; i++) if (BE_FORMS.has(tokens[i]!.raw)) return true;
  return false;
}

const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'have', 'has', 'had', 'get', 'gets', 'got',
  'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'shall',
]);
/** Irregular past participles that describe a set after a noun ("items not seen", "posts not shown"). */
const IRREGULAR_PARTICIPLES = new Set(['seen', 'shown', 'given', 'taken', 'known', 'done', 'sent', 'bought', 'sold', 'paid', 'read', 'won', 'lost']);

/**
 * A relative clause that defines the complement of "is/are": "Negatives are impressions that were not
 * clicked", "a negative is any impression that got no click". The relative word stands right before
 * the cue or one auxiliary before it, and a form of "be" stands earlier in the same clause.
 */
function definingRelative(tokens: Token[], cue: number): boolean {
  const relative = RELATIVES.has(tokens[cue - 1]?.raw ?? '') ? cue - 1 : RELATIVES.has(tokens[cue - 2]?.raw ?? '') && AUXILIARIES.has(tokens[cue - 1]!.raw) ? cue - 2 : -1;
  if (relative < 0) return false;
  for (let i = relative - 1; i >= 0; i--) {
    if (tokens[i + 1]!.sep === 'hard') return false;
    if (BE_FORMS.has(tokens[i]!.raw)) return true;
  }
  return false;
}

/**
 * A negated participle right after a plural noun, a reduced relative clause: "impressions not clicked",
 * "payments not disputed within 90 days", "posts never shown". It describes which things are meant.
 */
function reducedRelative(tokens: Token[], cue: number): boolean {
  const word = tokens[cue]!.raw;
  if (word !== 'not' && word !== 'never') return false;
  const noun = tokens[cue - 1]?.raw ?? '';
  const next = tokens[cue + 1]?.raw ?? '';
  if (tokens[cue]!.sep !== 'space' || !/^[a-z]{3,}s$/.test(noun) || AUXILIARIES.has(noun)) return false;
  return (/^[a-z]{3,}ed$/.test(next) && !AUXILIARIES.has(next)) || IRREGULAR_PARTICIPLES.has(next);
}

/**
 * A thing avoiding an event: "an attribution window avoids late clicks being counted as negatives",
 * "time splits avoid features being computed from the future". The subject is a thing ("avoids", or
 * "avoid" after a plural noun) and the object an event ("being"/"getting" follows within the clause);
 * "this design avoids a feature store" still rules the store out.
 */
function avoidedByThing(tokens: Token[], cue: Cue, end: number): boolean {
  if (cue.word === 'avoids') {
    if (['he', 'she'].includes(tokens[cue.index - 1]?.raw ?? '')) return false;
  } else if (cue.word === 'avoid') {
    const subject = tokens[cue.index - 1]?.raw ?? '';
    if (!/^[a-z]{3,}s$/.test(subject) || AUXILIARIES.has(subject) || tokens[cue.index]!.sep !== 'space') return false;
  } else return false;
  for (let i = cue.index + 1; i < tokens.length && i < end + 4; i++) {
    if (i > cue.index + 1 && tokens[i]!.sep === 'hard') return false;
    if (tokens[i]!.raw === 'being' || tokens[i]!.raw === 'getting') return true;
  }
  return false;
}

/**
 * Whether the negation cancels the match: risks are cancelled only by a dismissal or an acceptance
 * ("clickbait is fine by us"); anything else by a plain negation or a dismissal, never by an
 * acceptance, which names no refusal of a practice.
 */
export function cancels(negation: Negation | null, risk: boolean): boolean {
  if (!negation) return false;
  return risk ? negation !== 'plain' : negation !== 'accepted';
}

interface Cue {
  negation: Negation;
  index: number;
  word: string;
}

// "Nothing beats a popularity baseline", "none is better than": a negation that praises.
const PRAISE_AFTER = new Set(['beat', 'beats', 'better', 'outperform', 'outperforms', 'replace', 'replaces', 'compare', 'compares']);

function before(tokens: Token[], start: number): Cue | null {
  // "and"/"or" crossed on the way back: when one opens a second verb phrase, or a "by" opens a means
  // ("by splitting"), only a cue negating the verb reaches over it. Asked only once a cue is found.
  const joins: number[] = [];
  let secondVerb = false;
  for (let i = start - 1, seen = 0; i >= 0 && seen < WINDOW; i--, seen++) {
    const next = tokens[i + 1]!;
    if (next.sep === 'hard') return null;
    if (next.sep === 'comma' && (CLAUSE_STARTERS.has(next.raw) || SUBJECTS.has(next.raw))) return null;
    const word = tokens[i]!.raw;
    // "No model is deployed before it beats the baseline": what a guard names is the rule's bound, not under its cue.
    if (CLAUSE_STARTERS.has(word) || word === 'after' || word === 'before') return null;
    if ((word === 'and' || word === 'or') && PRONOUNS.has(next.raw)) return null;
    if (word === 'and' || word === 'or') joins.push(i);
    // "We avoid leakage by splitting by time": the means is a verb phrase of its own too.
    if (word === 'by' && next.raw.length >= 5 && next.raw.endsWith('ing')) secondVerb = true;
    const cue = cueAt(tokens, i, start);
    if (cue) {
      if ((word === 'nothing' || word === 'none' || word === 'no') && PRAISE_AFTER.has(next.raw)) return null;
      if (!VERB_NEGATORS.has(word) && (secondVerb || joins.some((j) => opensVerbPhrase(tokens, j)))) return null;
      return { negation: cue, index: i, word };
    }
  }
  return null;
}

/** Whether the conjunction at `j` joins a verb phrase ("and use a feature store"), not a noun ("and canary"). */
function opensVerbPhrase(tokens: Token[], j: number): boolean {
  const word = tokens[j + 1];
  if (!word || tokens[j + 2]?.sep === 'glue') return false;
  return startsVerbPhrase(word.raw, tokens[j + 2]?.raw ?? '');
}

function cueAt(tokens: Token[], i: number, start: number): Negation | null {
  const word = tokens[i]!.raw;
  const nextWord = tokens[i + 1]?.raw ?? '';
  const prevWord = tokens[i - 1]?.raw ?? '';
  // A comparison that prefers one option rejects the other: "instead of X", "rather than X",
  // "unlike X", "prefer A over X", "prefer A to X" negate only the words right after them.
  if ((word === 'of' && prevWord === 'instead') || (word === 'than' && prevWord === 'rather') || word === 'unlike' || preferredOver(tokens, i)) {
    return rejectedSide(tokens, i, start) ? 'plain' : null;
  }
  // "drop-off" and "dropout" are nouns, not a dismissal.
  // "skip-gram" and "skip connections" are models and layers, not a skipping.
  // "A skip is negative", "the drop in CTR": after a determiner the word is a noun, an event, not a dismissal.
  if (DISMISS_CUES.has(word)) return nextWord === 'off' || nextWord === 'out' || NOT_DISMISSING_AFTER.has(nextWord) || DETERMINERS.has(prevWord) ? null : 'dismissal';
  if (ZERO.has(word)) return zeroQuantifier(tokens, i, start) ? 'plain' : null;
  if (!PLAIN_CUES.has(word)) return null;
  if (FALSE_CUES_AFTER.has(nextWord)) return null; // "not only", "no doubt"
  if (word === 'not' && (prevWord === 'or' || prevWord === 'if')) return null; // "whether or not", "if not"
  const between = tokens.slice(i + 1, start);
  // "No more than 50 ms", "must not exceed 5 million": the cue negates a bound, and the quantity is stated.
  if (boundAhead(tokens, i + 1, start)) return null;
  if (between.some((t) => DISMISS_STEMS.has(t.stem) || REFUSAL_STEMS.has(t.stem))) return 'dismissal';
  // A subject after the cue starts the main clause: "to avoid leakage I'd split by time".
  if (between.some((t) => PRONOUNS.has(t.raw))) return null;
  // "Anything the model is not confident about goes to human review": the negation ends with its
  // adjective, and a verb after it is the main clause's, which it does not reach.
  if ((word === 'not' || word === 'never') && between.length >= 2 && isAdjectiveFirst(between[0]!.raw) && between.slice(1).some((t, k) => startsVerbPhrase(t.raw, between[k + 2]?.raw ?? '') && !isAdjectiveFirst(t.raw))) return null;
  // The cue negates its object, not a phrase that only places it: "no personal data in the
  // features" rules out personal data, not features.
  if (outsideObject(between)) return null;
  return 'plain';
}

/** A count of none: "zero", or the digit a number word reads as. */
const ZERO = new Set(['zero', '0']);
/** Words before a zero that make it a value, not a count of the things after it: "drops to zero", "users with zero clicks". */
const ZERO_AS_VALUE = new Set(['to', 'at', 'from', 'than', 'of', 'by', 'with', 'near', 'nearly', 'almost', 'about', 'around', 'is', 'are', 'be', 'equals', 'between']);

/**
 * "We run zero A/B tests", "0 online experiments before launch": a zero counting the thing right after
 * it (at most two words between: "zero online A/B tests") says there is none of it, as "no" does. Not
 * a zero that is a value ("latency drops to zero", "users with zero clicks are cold-start users": a
 * defining set, like "without"), a decimal ("0.98" reads as 0 98), nor a compound ("zero-shot").
 */
function zeroQuantifier(tokens: Token[], i: number, start: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.sep === 'glue' || next.sep === 'hard' || next.sep === 'comma' || /^\d/.test(next.raw)) return false;
  if (start - i - 1 > 2) return false;
  // "The error is zero" is a value; "there is zero human review" counts.
  const previous = tokens[i - 1]?.raw ?? '';
  if (ZERO_AS_VALUE.has(previous) && !(BE_FORMS.has(previous) && tokens[i - 2]?.raw === 'there')) return false;
  // "Between 0 and 1", "0 to 5": a range of values, not a count.
  return !tokens.slice(i + 1, start + 1).some((t) => t.sep === 'comma' || t.sep === 'hard') && !tokens.slice(i + 1, start).some((t) => /^\d/.test(t.raw) || RANGE_WORDS.has(t.raw));
}
/** Words after a zero that make it one end of a range: "between 0 and 1", "0 to 5 stars". */
const RANGE_WORDS = new Set(['and', 'or', 'to', 'through', 'until']);

/** Verbs of choosing between options: "prefer A over B", "choose A over B", "A is preferred to B". */
const PREFERRING = new Set([
  'prefer', 'prefers', 'preferred', 'preferring', 'choose', 'chooses', 'chose', 'chosen', 'choosing', 'pick', 'picks',
  'picked', 'picking', 'favor', 'favors', 'favored', 'favoring', 'favour', 'favours', 'favoured', 'favouring', 'select',
  'selects', 'selected', 'selecting', 'prioritize', 'prioritizes', 'prioritized', 'prioritizing', 'prioritise',
  'prioritises', 'prioritised', 'prioritising', 'recommend', 'recommends', 'recommended', 'opt', 'opted', 'rather',
]);
const PREFERRING_TO = new Set(['prefer', 'prefers', 'preferred', 'preferring', 'preferable']);
/** Words after "over" that make it a span of time or data, not the rejected option ("over the last 30 days"). */
const OVER_SPAN = new Set(['time', 'last', 'past', 'next', 'previous', 'recent', 'whole', 'full', 'entire', 'all', 'each', 'every', 'k']);

/**
 * Whether "over" or "to" at `i` names the option a verb of choosing turned down: "we prefer PR-AUC over
 * accuracy", "GBDT is chosen over a deep net", "prefer online scoring to batch prediction". Not "prefer
 * to log", "over the last 30 days", nor a verb right after "to" ("prefer small models to keep latency low").
 * The verb stands within `reach` words before "over" or "to": 6 for ruling an option out, 8 for
 * clearing a flag ("we choose recall at a fixed decline rate over accuracy", see losingSide).
 */
function preferredOver(tokens: Token[], i: number, reach = 6): boolean {
  const word = tokens[i]!.raw;
  if (word !== 'over' && word !== 'to') return false;
  const next = tokens[i + 1];
  if (!next || next.sep === 'hard' || next.sep === 'comma') return false;
  if (word === 'over' && (OVER_SPAN.has(next.raw) || /^\d/.test(next.raw) || (next.raw === 'the' && OVER_SPAN.has(tokens[i + 2]?.raw ?? '')))) return false;
  // A verb of choosing first: most "to"s have none before them, and asking whether the word after one
  // starts a verb phrase may read the lexicon (reading/verbs.ts).
  if (!choosingBefore(tokens, i, word === 'over' ? PREFERRING : PREFERRING_TO, reach)) return false;
  return !(word === 'to' && startsVerbPhrase(next.raw, tokens[i + 2]?.raw ?? ''));
}

/** Whether a verb of `verbs` within `reach` words before "over" or "to" at `i`, in its clause, takes it as a comparison (see preferredOver). */
function choosingBefore(tokens: Token[], i: number, verbs: ReadonlySet<string>, reach: number): boolean {
  for (let j = i - 1, seen = 0; j >= 0 && seen < reach; j--, seen++) {
    if (tokens[j + 1]!.sep === 'hard' || tokens[j + 1]!.sep === 'comma') return false;
    if (verbs.has(tokens[j]!.raw)) {
      // "prefer to X": an infinitive, not a comparison; "preferred over" (passive) needs no object between.
      if (tokens[j + 1]!.raw === 'to' && j + 1 !== i) return false;
      return j + 1 < i || /(?:ed|en|able)$/.test(tokens[j]!.raw);
    }
    if (CLAUSE_STARTERS.has(tokens[j]!.raw)) return false;
  }
  return false;
}

/** Words right before the option that loses: "A beats B", "unlike B", "A replaces B". */
const BEATING = new Set([
  'unlike', 'beat', 'beats', 'beating', 'outperform', 'outperforms', 'outperformed', 'outperforming', 'trumps', 'outranks',
  'replaces', 'replaced', 'supersedes',
]);
/** Comparatives before "than" or "to" that say the option after them loses: "better than B", "superior to B". */
const BETTER = new Set(['better', 'safer', 'rather', 'superior', 'preferable', 'stronger']);
/** Words before a beating word that turn it into praise of what follows: "nothing beats a popularity baseline". */
const PRAISING = new Set(['nothing', 'none', 'no', 'not', 'never']);

/**
 * Whether the match at `start` is the losing side of a comparison in its clause, for red flags (see
 * rejectedForFlag), read once for what flags' and bounds' rules used to read twice: within four words
 * before it, with no hard boundary, no comma between but the one right before it and no clause
 * starter ("because", "when"), the nearest comparison word decides:
 * - a beating word (BEATING: "road time beats haversine distance", "unlike accuracy"), unless it is
 *   praise ("nothing beats a popularity baseline");
 * - "than" with a comparative (BETTER) in the six words before it ("GBDT is better than a deep net",
 *   "rather a time split than a random one"), or "to" right after one ("superior to raw scores");
 * - "over" or "to" after a verb of choosing, read by preferredOver (PREFERRING) up to eight words
 *   back ("we prefer PR-AUC over accuracy", "we choose recall at a fixed decline rate over accuracy").
 * The losing side may still be part of the design (a baseline the model beats is still a baseline),
 * so this clears flags only; for items, only a choice read by preferredOver rules the option out.
 */
function losingSide(tokens: Token[], start: number): boolean {
  for (let i = start - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    if (tokens[i + 1]!.sep === 'hard' || (tokens[i + 1]!.sep === 'comma' && i < start - 1)) return false;
    const word = tokens[i]!.raw;
    if (BEATING.has(word)) return !PRAISING.has(tokens[i - 1]?.raw ?? '');
    if (word === 'than') return tokens.slice(Math.max(0, i - 6), i).some((t) => BETTER.has(t.raw));
    if (word === 'to' && BETTER.has(tokens[i - 1]?.raw ?? '')) return true;
    if (word === 'over' || word === 'to') return preferredOver(tokens, i, 8);
    if (CLAUSE_STARTERS.has(word)) return false;
  }
  return false;
}

/** Prepositions that open the role a rejected option had ("rather than clicks as positives, we use ..."): the role is kept. */
const ROLE_WORDS = new Set(['as', 'for', 'in', 'on', 'with', 'to']);

/**
 * Whether a match starting at `start` is the option a comparison marker at `i` rejects: it starts
 * within three words after the marker, with no subject or comma between ("instead of accuracy, PR-AUC
 * ..." rejects accuracy, not PR-AUC), and it does not start at the role the option was meant for
 * ("rather than clicks as positives, we use long watches" still defines positives).
 */
function rejectedSide(tokens: Token[], i: number, start: number): boolean {
  const between = tokens.slice(i + 1, start);
  if (between.length > 3 || between.some((t) => SUBJECTS.has(t.raw))) return false;
  if (tokens.slice(i + 2, start + 1).some((t) => t.sep === 'comma' || t.sep === 'hard')) return false;
  // A lead-in read as the claim's label ("Unlike accuracy, ..." reads "unlike accuracy is ...") compares only within itself.
  if (tokens.slice(i, start + 1).some((t) => !t.context !== !tokens[i]!.context)) return false;
  return !(between.length > 0 && ROLE_WORDS.has(tokens[start]?.raw ?? ''));
}

/** Words that state a bound when a negation stands before them: "no more than", "not above", "never exceeds". */
const COMPARATIVES = new Set([
  'more', 'less', 'fewer', 'longer', 'shorter', 'greater', 'higher', 'lower', 'slower', 'faster', 'later', 'earlier',
  'bigger', 'larger', 'smaller', 'older', 'newer', 'worse', 'heavier', 'lighter', 'costlier',
]);
const BOUND_VERBS = new Set(['exceed', 'exceeds', 'exceeding', 'exceeded', 'surpass', 'surpasses', 'surpassing', 'overshoot', 'overshoots']);
const BOUND_PREPOSITIONS = new Set(['above', 'below', 'over', 'under', 'beyond', 'past']);
const QUANTITY_WORDS = new Set(['few', 'couple', 'dozen', 'dozens', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'k']);

/**
 * Whether the words from `from` (right after a negation) up to `to` state a bound: within three words,
 * a comparative with "than" ("no more than 50 ms", "may take no longer than"), a verb of exceeding
 * ("must not exceed 50 ms"), or "above", "below", "over", "under" followed by a quantity ("not above
 * 200 ms"). A bound is a requirement, not a negation of what it bounds.
 */
function boundAhead(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 3; k++) {
    const t = tokens[k]!;
    if (k > from && (t.sep === 'comma' || t.sep === 'hard')) return false;
    if (BOUND_VERBS.has(t.raw)) return true;
    if (COMPARATIVES.has(t.raw) && tokens[k + 1]?.raw === 'than') return true;
    if (BOUND_PREPOSITIONS.has(t.raw)) {
      for (let q = k + 1; q < Math.min(tokens.length, k + 4); q++) {
        if (tokens[q]!.sep === 'comma' || tokens[q]!.sep === 'hard') break;
        if (/^\d/.test(tokens[q]!.raw) || QUANTITY_WORDS.has(tokens[q]!.raw)) return true;
      }
      return false;
    }
  }
  return false;
}

/** Prepositions that start a phrase placing the negated object somewhere ("no PII in the features"). */
const PLACING = new Set(['in', 'inside', 'within', 'from', 'at', 'across', 'among', 'into', 'on']);
/** Words that are no object of their own: articles, quantifiers, auxiliaries. */
const NOT_OBJECT = new Set(['a', 'an', 'the', 'any', 'some', 'more', 'much', 'many', 'single', 'other', 'is', 'are', 'be', 'been', 'do', 'does', 'did', 'have', 'has', 'had', 'will', 'would', 'should', 'can', 'could', 'go', 'get', 'use', 'using', 'run', 'runs']);

/** Between cue and match: an object word, then a placing preposition. The match lies outside the object. */
function outsideObject(between: Token[]): boolean {
  let object = false;
  for (const t of between) {
    if (PLACING.has(t.raw)) {
      if (object) return true;
    } else if (!NOT_OBJECT.has(t.raw) && t.sep !== 'comma') object = true;
  }
  return false;
}

/** "A baseline is not needed", "leakage isn't a concern here", "an A/B test is overkill". */
function after(tokens: Token[], end: number): Negation | null {
  for (let i = end, seen = 0; i < tokens.length && seen < 5; i++, seen++) {
    const token = tokens[i]!;
    if (token.sep === 'hard' || token.sep === 'comma') return null;
    if (CLAUSE_STARTERS.has(token.raw)) return null;
    if (DISMISS_ADJECTIVES.has(token.raw)) return 'dismissal';
    if (token.raw === 'not' || token.raw === 'never') {
      if (FALSE_CUES_AFTER.has(tokens[i + 1]?.raw ?? '')) return null;
      // "Labels: we don't use clicks as positives": what is kept out of the category is said, not the category dismissed.
      if (exclusionAt(tokens, i)) return null;
      const j = judgedAfterNot(tokens, i, (t) => DISMISS_STEMS.has(t.stem) || NOT_ALLOWED.has(t.raw));
      // "The ad position is never used at serving time": not using it in one part of the system (partScoped).
      if (j >= 0 && tokens[j]!.stem === 'us' && partScopeAfter(tokens, j + 1, end)) return null;
      return j >= 0 && !dismissedForSomeOnly(tokens, j) ? 'dismissal' : null;
    }
  }
  return null;
}
