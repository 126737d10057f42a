import type { Clarification, Prompt } from '../content/schema.js';
import { STAGES, type StageId } from '../stages.js';
import { afterLeadingLabel, analyze, labelledList, type Analysis } from './analyze.js';
import type { CompiledFlag, CompiledItem, CompiledScope } from './compile.js';
import { deeper, DEPTH_RANK, readDepth, type DepthReading } from './depth.js';
import { cancels, negationInside, negationOf, rejectedForFlag, straddlesClause } from './negation.js';
import { answersFollowUp } from './follow-up-answer.js';
import { judgementOnly } from './class-sense.js';
import { inLeadIn, listAround, saidOfEntry } from './list-entries.js';
import { onlyOtherWork } from './other-work.js';
import { inRelativeClause } from './relative-clause.js';
import { partOf } from './clause-part.js';
import { isBareTerm, LIST_MIN_TERMS } from './list-of-terms.js';
import { compilePhrase, MatchIndex, type CompiledPhrase } from './phrase.js';
import { deflects, namedAsCost, quotedLines, rejects } from './stance.js';
import { isQuestion } from '../reading/questions.js';
import { itemsAskedAbout, topicMatcher, type TopicMatcher } from './topics.js';
import type {
  CandidateLevel,
  Depth,
  ItemResult,
  RedFlagResult,
  ScoreReport,
  Source,
  StageResult,
} from './report.js';
import { nextSteps } from './next-steps.js';
import { answerCoverage as coverageOfAnswer, stageCoverage } from './coverage.js';
import { calibratedOverall, calibratedStage, overallByLevel, type MistakeCounts } from './scale.js';
import { CREDIT, verdictFor } from './verdict.js';
import { statesValue } from './stated-value.js';

/** What the candidate said: per stage, under no stage, and in answer to follow-up questions. */
export interface AnswerSet {
  sections: Partial<Record<StageId, string>>;
  /** Text under no stage heading, or the whole answer when it has no sections. */
  general?: string;
  /** Answers to the interviewer's follow-ups: what they cover counts as "needed prompting". */
  followUps?: Array<{ stage: StageId; text: string; /** The item whose follow-up this answers. */ itemId?: string }>;
  /** Stages a timed session never reached: they score zero whatever was said elsewhere. */
  unreached?: StageId[];
}

export interface ScoreInput {
  /** With its clarifications, a clarifying question earns the items its topic stands for. */
  prompt: Pick<Prompt, 'id' | 'title'> & { clarifications?: readonly Clarification[] };
  scope: CompiledScope;
  answers: AnswerSet;
  level: CandidateLevel;
}

interface Text {
  source: Source;
  analysis: Analysis;
  index: MatchIndex;
  /** 1-based lines of the text that are blockquotes: quoted words, not the candidate's assertion. */
  quoted: Set<number>;
  /** Whether any word of the text is read as a name (see indexFor). */
  names: boolean;
}

interface Hit {
  text: Text;
  phrase: CompiledPhrase;
  sentence: number;
  /** Token range of the match in its text: [start, end). */
  start: number;
  end: number;
  cancelled: boolean;
}

type ListOfTerms = NonNullable<CompiledScope['listFlag']>;

const LIST_ONLY_MIN_TOKENS = 5;
const LIST_ONLY_STATEMENT_SHARE = 0.3;
const EVIDENCE_MAX = 280;

export function scoreAnswers(input: ScoreInput): ScoreReport {
  const { scope, answers, level } = input;
  const prepare = (source: Source, text: string | undefined): Text | null => {
    if (!text || !text.trim()) return null;
    const analysis = analyze(text);
    if (analysis.tokens.length === 0) return null;
    return { source, analysis, index: new MatchIndex(analysis.tokens, scope.vocabulary, scope.filter), quoted: quotedLines(text), names: analysis.tokens.some((t) => t.name) };
  };
  const sections = new Map<StageId, Text>();
  for (const stage of STAGES) {
    const text = prepare(stage.id, answers.sections[stage.id]);
    if (text) sections.set(stage.id, text);
  }
  const general = prepare('general', answers.general);
  const asked = (answers.followUps ?? []).map((f) => ({ itemId: f.itemId, text: prepare('follow-up', f.text) }));
  const followUps = asked.map((f) => f.text).filter((t): t is Text => !!t);
  const unreached = new Set(answers.unreached ?? []);
  const everything = [...sections.values(), ...(general ? [general] : []), ...followUps];

  const uncarried = (text: Text) => uncarriedIndex(text, scope.vocabulary);
  // The items a follow-up answer covers by the rubric phrases.
  // (Once per answer: both readings of the items, before and after a mistake, ask about the same texts.)
  const covering = new Map<Text, string[]>();
  const coveredBy = (text: Text): string[] => {
    let ids = covering.get(text);
    if (!ids) covering.set(text, (ids = scope.items.filter((c) => distinct(findHits(c.phrases, [text], c.item.risk).filter((h) => !h.cancelled)) >= c.item.minMatches).map((c) => c.item.id)));
    return ids;
  };
  const routed: RoutedQuestions = new Map();
  const questions = questionHits(input.prompt.clarifications, scope, sections.get('clarify') ?? (sections.size === 0 ? general : null), routed);

  // Items are read twice when a mistake is found: a sentence that is a flagged mistake is no
  // item's evidence ("our main metric is accuracy" does not define success). The hits do not depend
  // on the mistakes (forItem filters them): the second reading takes the first one's.
  const stageHits = new Map<CompiledItem, Hit[]>();
  const followUpHits = new Map<CompiledItem, Hit[]>();
  const readItems = (mistaken: Mistaken) => scope.items.map((compiled) => {
    const stage = compiled.item.stage;
    if (unreached.has(stage)) return result(compiled, 'missed', []);
    let found = stageHits.get(compiled);
    if (!found) {
      const searched = [...(sections.has(stage) ? [sections.get(stage)!] : []), ...[...sections.values()].filter((t) => t.source !== stage)];
      if (general) searched.push(general);
      stageHits.set(compiled, (found = valuesLeftOut(compiled, findHits(compiled.phrases, searched, compiled.item.risk))));
    }
    const hits = ownClaims(forItem(found, mistaken), uncarried);
    const question = questions.get(compiled.item.id);
    const affirmative = onTopic(hits.filter((h) => !h.cancelled), compiled.item.id, routed, question);
    if (distinct(affirmative) >= compiled.item.minMatches) return result(compiled, 'covered', affirmative);
    if (question) return result(compiled, 'covered', [question, ...affirmative]);
    // What a follow-up answer covers needed prompting: an answer to this item's follow-up is read for this
    // item first, and every other follow-up answer earns this item too when it says it, by the same
    // phrases as a stage answer (README, "How scoring works": half credit).
    const own = asked.filter((f) => f.itemId === compiled.item.id && f.text).map((f) => f.text!);
    const others = asked.filter((f) => f.itemId !== compiled.item.id && f.text).map((f) => f.text!);
    let saidInFollowUps = followUpHits.get(compiled);
    if (!saidInFollowUps) followUpHits.set(compiled, (saidInFollowUps = valuesLeftOut(compiled, findHits(compiled.phrases, [...own, ...others], compiled.item.risk))));
    const prompted = forItem(saidInFollowUps, mistaken).filter((h) => !h.cancelled);
    if (distinct([...affirmative, ...prompted]) >= compiled.item.minMatches && prompted.length > 0) {
      return result(compiled, 'prompted', [...prompted, ...affirmative]);
    }
    const answered = own.find((text) => answersFollowUp(text.analysis, compiled, scope.items, () => coveredBy(text)));
    if (answered) return result(compiled, 'prompted', [{ text: answered, phrase: compilePhrase(`answered the follow-up on ${compiled.item.label}`), sentence: 0, start: 0, end: 0, cancelled: false }, ...affirmative]);
    const negated = hits.filter((h) => h.cancelled);
    if (negated.length > 0) return result(compiled, 'negated', negated);
    return result(compiled, 'missed', affirmative);
  });
  let itemResults = readItems(new Map());

  const coverageOf = (stageId: StageId, at: CandidateLevel): number => stageCoverage(itemResults, stageId, at);
  const answerCoverage = (at: CandidateLevel): number => coverageOfAnswer(itemResults, at);

  const itemsById = new Map(scope.items.map((i) => [i.item.id, i]));
  const covered = new Set(itemResults.filter((r) => r.status === 'covered' || r.status === 'prompted').map((r) => r.id));
  const permitted = prepare('general', permissionsOf(input.prompt.clarifications));
  const found = scope.flags.map((f) => checkFlag(f, sections, everything, covered, itemsById, permitted)).filter((f): f is FoundFlag => !!f);
  const mistakes = found.map((f) => f.flag);
  // Only a major mistake makes its clause no item's evidence: it does the item wrongly ("our main metric is
  // accuracy"). A minor one is a weaker choice within an item still done ("online A/B test: open rate, DAU"
  // runs the test and names its metrics, though opens overstate the value): the graders credit those items.
  const wrong = found.filter((f) => f.flag.severity === 'major');
  if (wrong.length > 0) {
    const mistaken: Mistaken = new Map();
    for (const hit of wrong.flatMap((f) => f.triggers)) {
      if (!mistaken.has(hit.text)) mistaken.set(hit.text, []);
      mistaken.get(hit.text)!.push(clauseOf(hit));
    }
    const firstRead = new Map(itemResults.map((r) => [r.id, r]));
    itemResults = readItems(mistaken).map((r) => flaggedNote(r, firstRead.get(r.id), wrong));
  }
  const counts = countMistakes(mistakes);

  const stages: StageResult[] = STAGES.map((stage) => {
    const own = sections.get(stage.id);
    const coverage = coverageOf(stage.id, level);
    return {
      id: stage.id,
      title: stage.title,
      score: calibratedStage(coverage, counts.majorByStage[stage.id] ?? 0, stage.id),
      coverage: Math.round(coverage),
      answered: !unreached.has(stage.id) && (!!own || (sections.size === 0 && !!general)),
      words: own ? own.analysis.tokens.length : 0,
      listOnly: own ? isListOnly(own.analysis) : false,
      items: itemResults.filter((r) => r.stage === stage.id),
    };
  });

  const redFlags = [
    ...mistakes,
    ...(scope.listFlag ? listFlags(scope.listFlag, stages, sections) : []),
    ...(scope.listFlag && sections.size === 0 && general && isListOnly(general.analysis) ? [wholeListFlag(scope.listFlag, general)] : []),
  ];

  // The overall score counts every flag: a stage answered with a list of terms is a minor mistake.
  const allCounts = countMistakes(redFlags);
  const byLevel = overallByLevel(answerCoverage, allCounts);
  const overall = byLevel[level];
  const coverage = answerCoverage(level);
  const penalty = Math.max(0, Math.round(calibratedOverall(coverage, { major: 0, minor: 0 }, level) - calibratedOverall(coverage, allCounts, level)));
  return {
    prompt: input.prompt.id,
    title: input.prompt.title,
    level,
    overall,
    verdict: verdictFor(overall, allCounts.major),
    stages,
    redFlags,
    penalty,
    coverage: Math.round(coverage),
    overallByLevel: byLevel,
    nextSteps: nextSteps(itemResults, redFlags, allCounts, level),
  };
}

/**
 * An item said only in a clause that raised a flag is no item's evidence (README), but "missed" with
 * the usual hint would ask for what was written. Its hint says so instead: it was said, in the flagged
 * sentence, and counts once that mistake is fixed. The flag named is the one raised by the sentence
 * that was the item's evidence, else the first raised. Status, evidence (none) and credit are unchanged.
 */
function flaggedNote(result: ItemResult, before: ItemResult | undefined, found: readonly FoundFlag[]): ItemResult {
  const earned = (r: ItemResult) => r.status === 'covered' || r.status === 'prompted';
  if (!before || !earned(before) || earned(result) || result.status === 'negated') return result;
  const flag = found.find((f) => f.flag.evidence === before.evidence)?.flag ?? found[0]!.flag;
  return { ...result, hint: `You said this in a sentence that raised the red flag "${flag.label}"; it counts once that mistake is fixed. ${result.hint}` };
}

/** Mistakes counted for the scale: all of them, and the major ones per stage. */
export function countMistakes(flags: readonly RedFlagResult[]): MistakeCounts {
  const counts: MistakeCounts = { major: 0, minor: 0, majorByStage: {} };
  for (const flag of flags) {
    counts[flag.severity]++;
    if (flag.severity === 'major' && flag.stage) counts.majorByStage[flag.stage] = (counts.majorByStage[flag.stage] ?? 0) + 1;
  }
  return counts;
}

const matchers = new WeakMap<readonly Clarification[], TopicMatcher>();

/** The clarifying questions the prompt routes to a topic: by text, the items each question's topic covers, by sentence. */
type RoutedQuestions = Map<Text, Map<number, readonly string[]>>;

/**
 * An item's hits without those in a clarifying question the prompt routes to another topic, when the
 * item is earned elsewhere, by a hit or by its own question (`asked`): in "What is the business goal —
 * watch time or daily active users? How many users and videos?", "daily active users" is a goal asked
 * about, so scale's evidence and depth come from the question on scale. An item said only in such a
 * question keeps it (coverage is unchanged).
 */
function onTopic(hits: Hit[], itemId: string, routed: RoutedQuestions, asked: Hit | undefined): Hit[] {
  if (routed.size === 0) return hits;
  const elsewhere = (h: Hit) => {
    const items = routed.get(h.text)?.get(h.sentence);
    return !!items && !items.includes(itemId);
  };
  const own = hits.filter((h) => !elsewhere(h));
  if (own.length === hits.length) return hits;
  if (own.length > 0) return own;
  return asked ? [asked] : hits;
}

/**
 * The clarifying questions, by the item their topic covers ("how many posts a day?" is scale); each
 * routed question's covered items are recorded in `routed`.
 */
function questionHits(clarifications: readonly Clarification[] | undefined, { topics, known }: CompiledScope, text: Text | null, routed: RoutedQuestions): Map<string, Hit> {
  const hits = new Map<string, Hit>();
  if (!clarifications?.length || !text) return hits;
  let match = matchers.get(clarifications);
  if (!match) matchers.set(clarifications, (match = topicMatcher(clarifications, (p) => known?.get(p) ?? compilePhrase(p))));
  text.analysis.sentences.forEach((sentence, index) => {
    if (!isQuestion(sentence.text)) return;
    const clarification = match(sentence.text);
    if (!clarification) return;
    const phrase = compilePhrase(`asked about ${clarification.topic.replace(/-/g, ' ')}`);
    const items = itemsAskedAbout(clarification, topics);
    if (!routed.has(text)) routed.set(text, new Map());
    routed.get(text)!.set(index, items);
    for (const id of items) {
      if (!hits.has(id)) hits.set(id, { text, phrase, sentence: index, start: sentence.firstToken, end: sentence.firstToken, cancelled: false });
    }
  });
  return hits;
}

// A phrase written in capitals in a rubric ("ROUGE") names the acronym, so it matches the acronym
// even where the word it spells is English and the reader takes it for a name.
const ACRONYM = /^[A-Z][A-Z0-9-]+$/;
const acronymIndexes = new WeakMap<Analysis, MatchIndex>();
function indexFor(text: Text, phrase: CompiledPhrase): MatchIndex {
  if (!text.names || !ACRONYM.test(phrase.text)) return text.index;
  let index = acronymIndexes.get(text.analysis);
  if (!index) acronymIndexes.set(text.analysis, (index = new MatchIndex(text.analysis.tokens.map((t) => ({ ...t, name: false })))));
  return index;
}


/**
 * Every match of the phrases in the texts, with whether a negation cancels it. `coordinated`: read
 * through a coordination too (MatchIndex.findCoordinated), for the phrases that clear a red flag.
 */
function findHits(phrases: CompiledPhrase[], texts: Text[], risk: boolean, coordinated = false): Hit[] {
  const hits: Hit[] = [];
  // Indexed loops: in a fresh process this runs unoptimised, where for-of allocates at every step.
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!;
    const tokens = text.analysis.tokens;
    // Only the phrases that can match in a text are asked about (a text with names may need the acronym index for any: indexFor).
    const searched = text.names ? phrases : text.index.phrasesToSearch(phrases);
    for (let p = 0; p < searched.length; p++) {
      const phrase = searched[p]!;
      const index = indexFor(text, phrase);
      const found = coordinated ? index.findCoordinated(phrase) : index.find(phrase);
      for (let m = 0; m < found.length; m++) {
        const start = found[m]![0];
        const end = found[m]![1];
        hits.push({ text, phrase, sentence: tokens[start]!.sentence, start, end, cancelled: cancels(negationOf(tokens, start, end), risk) });
      }
    }
  }
  return hits;
}

/** An item's hits without a rate said with its present value, for an item whose values are data (stated-value.ts). */
function valuesLeftOut(compiled: CompiledItem, hits: Hit[]): Hit[] {
  if (!compiled.item.valuesAreData) return hits;
  return hits.filter((h) => !statesValue(h.text.analysis.tokens, h.start, h.end));
}

/** Clauses (token ranges [start, end)) that are flagged mistakes, by the text they are in. */
type Mistaken = Map<Text, Array<[number, number]>>;

/**
 * The hits that can earn an item (a hit ruled out in words is kept as it is): not in a sentence that deflects ("out of scope for me", "maybe X,
 * maybe not, I don't know"), nor in the clause of a flagged mistake: "our main metric is accuracy" is
 * a mistake, not the definition of success. The rest of its sentence still counts.
 */
function forItem(hits: Hit[], mistaken: Mistaken): Hit[] {
  const inMistake = (h: Hit) => (mistaken.get(h.text) ?? []).some(([start, end]) => h.start >= start && h.end <= end);
  // A hit ruled out in words stays: it reads the item as ruled out, which is what was said.
  // A practice named as an option's cost ("slower to retrain") is a trade-off's reason, not the practice;
  // a match across two clauses with a negation in the first one is neither said nor ruled out (straddlesClause).
  // "The impact on revenue is negative": a judgement, not a class of examples (class-sense.ts).
  return hits.filter(
    (h) =>
      !straddlesClause(h.text.analysis.tokens, h.start, h.end) &&
      !judgementOnly(h.text.analysis.tokens, h.start, h.end) &&
      (h.cancelled || (!inMistake(h) && !deflected(h.text, h.sentence) && !namedAsCost(h.text.analysis.tokens, h.start))),
  );
}

/**
 * The text's words with every carried opening label blanked (claims.ts, Sentence.carried), to tell
 * whether a concept matched in a later sentence needs its block's label. Built on first use.
 */
const uncarriedIndexes = new WeakMap<Analysis, MatchIndex>();
function uncarriedIndex(text: Text, vocabulary: CompiledScope['vocabulary']): MatchIndex {
  let index = uncarriedIndexes.get(text.analysis);
  if (!index) {
    const { tokens, sentences } = text.analysis;
    const blanked = tokens.slice();
    for (const s of sentences) if (s.carried) for (let i = s.carried[0]; i < s.carried[1]; i++) blanked[i] = { ...blanked[i]!, raw: '', stem: '\u0000' };
    uncarriedIndexes.set(text.analysis, (index = new MatchIndex(blanked, vocabulary)));
  }
  return index;
}

/**
 * An item's hits with the ones its block's label lends a later sentence left out when the label's own
 * sentence earns the item: "Baseline: the historical average. Then GBDT because it is fast." has the
 * baseline in its first sentence, with that sentence's depth and as its evidence; the second only read
 * "baseline" from the line's opening (a phrase or concept that matches there only with the label). A
 * later sentence that earns the item in its own words keeps its hit, and so does one whose block's
 * first sentence does not earn it ("Online: start with 5% of accounts. Primary: resolved without a
 * ticket." reads an online metric in the second).
 */
function ownClaims(hits: Hit[], uncarried: (text: Text) => MatchIndex): Hit[] {
  const leaning = hits.filter((h) => {
    const { carried } = h.text.analysis.sentences[h.sentence]!;
    return !!carried && (!!h.phrase.concept || h.start < carried[1]) && !uncarried(h.text).find(h.phrase).some(([s, e]) => s < h.end && e > h.start);
  });
  if (leaning.length === 0) return hits;
  const opener = (h: Hit) => {
    let k = h.sentence;
    while (k > 0 && h.text.analysis.sentences[k]!.carried) k--;
    return k;
  };
  return hits.filter((h) => !leaning.includes(h) || !hits.some((o) => o.text === h.text && o.sentence === opener(h) && !leaning.includes(o)));
}

/** Whether a sentence deflects (stance.ts), read once per sentence: its many hits ask the same. */
const deflections = new WeakMap<Analysis, Map<number, boolean>>();
function deflected(text: Text, sentence: number): boolean {
  let cache = deflections.get(text.analysis);
  if (!cache) deflections.set(text.analysis, (cache = new Map()));
  let found = cache.get(sentence);
  if (found === undefined) cache.set(sentence, (found = deflects(ownWords(text, sentence))));
  return found;
}

/** The normalized words a sentence says itself, without the heading or label it is read under (cached). */
const sentenceWords = new WeakMap<Analysis, Map<number, string[]>>();
function ownWords(text: Text, sentence: number): string[] {
  let cache = sentenceWords.get(text.analysis);
  if (!cache) sentenceWords.set(text.analysis, (cache = new Map()));
  let words = cache.get(sentence);
  if (!words) {
    const { firstToken, endToken } = text.analysis.sentences[sentence]!;
    words = text.analysis.tokens.slice(firstToken, endToken).filter((t) => !t.context).map((t) => t.raw);
    cache.set(sentence, words);
  }
  return words;
}

/**
 * The candidate asserts what the hit names: the sentence is not quoted (a blockquote) and does not
 * name it to reject it ("using accuracy here would be wrong", "a common mistake is ...").
 */
function asserted(hit: Hit): boolean {
  const sentence = hit.text.analysis.sentences[hit.sentence]!;
  return !hit.text.quoted.has(sentence.line) && !rejects(ownWords(hit.text, hit.sentence));
}

function distinct(hits: Hit[]): number {
  return new Set(hits.map((h) => h.phrase.text)).size;
}

/** How deep a hit's claim goes (cached: many items share one sentence). */
const readings = new WeakMap<Analysis, Map<string, DepthReading>>();
function depthOfHit(hit: Hit): DepthReading {
  let cache = readings.get(hit.text.analysis);
  if (!cache) readings.set(hit.text.analysis, (cache = new Map()));
  const sentence = hit.text.analysis.sentences[hit.sentence]!;
  if (sentence.statement) {
    // A clause: its reasons and comparisons are about what it says.
    const key = `s${hit.sentence}`;
    let reading = cache.get(key);
    if (!reading) cache.set(key, (reading = readDepth(sentence.text, true)));
    return reading;
  }
  // A list of terms: only the list entry that holds the term counts ("DCN v2, focal loss, ...").
  const tokens = hit.text.analysis.tokens;
  let start = Math.min(hit.start, tokens.length - 1);
  while (start > sentence.firstToken && tokens[start]!.sep !== 'comma' && tokens[start]!.sep !== 'hard') start--;
  let end = Math.max(hit.end, start + 1);
  while (end < sentence.endToken && tokens[end]!.sep !== 'comma' && tokens[end]!.sep !== 'hard') end++;
  const key = `c${start}`;
  let reading = cache.get(key);
  if (!reading) {
    const entry = tokens.slice(start, end).map((t) => t.raw).join(' ');
    // Entries under a short label ("Labels: clicks within 1 h, hides") are the candidate's choices.
    // A note of one or two parts ("GBDT regressor on tabular features, with a baseline") is read as a note, not as a list.
    cache.set(key, (reading = readDepth(entry, LABELLED.test(sentence.text), partsOf(tokens, sentence.firstToken, sentence.endToken) <= NOTE_PARTS)));
  }
  return reading;
}
const LABELLED = /^[^,:;=]{1,40}(?::|=|->|→)\s*\S/;
/** How many parts a short note may have (depth.ts, `note`). */
const NOTE_PARTS = 2;

/** The comma- or clause-separated parts of a sentence's tokens. */
function partsOf(tokens: Analysis['tokens'], first: number, end: number): number {
  let parts = 1;
  for (let i = first + 1; i < end; i++) if (tokens[i]!.sep === 'comma' || tokens[i]!.sep === 'hard') parts++;
  return parts;
}

/** The best evidence: the deepest claim, and among equals the first text searched (own stage first). */
function best(hits: Hit[]): Hit | undefined {
  let top: Hit | undefined;
  for (const hit of hits) if (!top || DEPTH_RANK[depthOfHit(hit).level] > DEPTH_RANK[depthOfHit(top).level]) top = hit;
  return top;
}

/**
 * The hits an earned item's evidence and depth are read from: its own stage's, when the candidate said
 * it there, else all of them (README, "Where": own stage first, then the other sections, then text
 * under no stage heading).
 */
function ownStageFirst(hits: Hit[], stage: StageId): Hit[] {
  const own = hits.filter((h) => h.text.source === stage && !h.cancelled);
  return own.length > 0 ? own : hits;
}

function result(compiled: CompiledItem, status: ItemResult['status'], all: Hit[]): ItemResult {
  const { item } = compiled;
  const earned = status === 'covered' || status === 'prompted';
  const hits = earned && status === 'covered' ? ownStageFirst(all, item.stage) : all;
  const top = best(hits);
  const reading = earned && hits.length > 0 ? hits.map(depthOfHit).reduce(deeper) : null;
  const depthLevel = earned ? (reading?.level ?? 'named') : null;
  const depth: Depth | null = depthLevel ? (depthLevel === 'named' ? 'mention' : 'statement') : null;
  const credit = earned ? CREDIT[status][depthLevel!] : 0;
  return {
    id: item.id,
    rubric: compiled.rubric,
    stage: item.stage,
    label: item.label,
    level: item.level,
    weight: item.weight,
    status,
    evidence: top ? evidenceOf(top) : null,
    foundIn: top ? top.text.source : null,
    matched: earned ? [...new Set(all.filter((h) => !h.cancelled).map((h) => h.phrase.text))] : [],
    depth,
    depthLevel,
    cues: reading?.cues ?? [],
    credit,
    why: item.why,
    hint: item.hint,
    followUp: item.followUp,
  };
}

function evidenceOf(hit: Hit): string {
  const text = hit.text.analysis.sentences[hit.sentence]!.text;
  return text.length <= EVIDENCE_MAX ? text : `${text.slice(0, EVIDENCE_MAX - 1).trimEnd()}…`;
}

/**
 * A mistake needs positive evidence: a trigger said affirmatively (with a `near` phrase in its clause
 * when the flag names some, and no `unlessNear` correction there), or an item of `ruledOut` ruled
 * out in words. `unless` phrases and `unlessItems` can only clear a flag, never raise one.
 */
/** A sentence of the interviewer's that grants a use: "You may use the age range ...", "... may be used for ranking". */
const GRANTS = /\b(?:may|can) (?:use|be used)\b/i;

/**
 * The sentences of a prompt's clarification answers that grant the use of something (GRANTS), as one
 * text: a red flag's trigger said there names what this prompt permits (checkFlag). Empty when none.
 */
function permissionsOf(clarifications: readonly Clarification[] = []): string {
  return clarifications
    .flatMap((c) => c.answer.split(/(?<=[.!?])\s+/))
    .filter((sentence) => GRANTS.test(sentence))
    .join('\n');
}

/** A raised flag and every hit that raised it (their sentences are no item's evidence). */
interface FoundFlag {
  flag: RedFlagResult;
  triggers: Hit[];
}

function checkFlag(
  compiled: CompiledFlag,
  sections: Map<StageId, Text>,
  everything: Text[],
  covered: Set<string>,
  itemsById: Map<string, CompiledItem>,
  permitted: Text | null,
): FoundFlag | null {
  const { flag } = compiled;
  let texts: Text[];
  if (flag.stage) {
    // A stage-scoped flag looks at that stage's answer. An answer with no sections is searched
    // whole, except for flags about clarifying: what was said before designing cannot be told there.
    const own = sections.get(flag.stage);
    const whole = sections.size === 0 && flag.stage !== 'clarify' ? everything.filter((t) => t.source === 'general') : [];
    texts = own ? [own] : whole;
  } else {
    texts = everything.filter((t) => t.source !== 'follow-up');
  }
  // What the interviewer said may be used is no mistake when used ("You may use the age range ..."), nor a
  // trigger said in the same words ("the user's age range" is no "user age" there).
  const allowed = new Set(permitted ? findHits(compiled.phrases, [permitted], false).filter((h) => !h.cancelled).map((h) => h.phrase) : []);
  const hits = findHits(compiled.phrases, texts, false);
  const granted = hits.filter((h) => allowed.has(h.phrase));
  const permits = (h: Hit) => granted.some((g) => g.text === h.text && g.start < h.end && h.start < g.end);
  const refused = refusedClaims(hits);
  const answer: AnswerContext = {
    untested: !flag.ruledOut.some((id) => covered.has(id)),
    rivalFirst: compiled.rivals.length > 0 && compiled.leadNear.length > 0 && texts.some((t) => rivalRankedFirst(t, compiled)),
  };
  const triggers = hits.filter((h) => !refused.has(h) && !permits(h) && said(h.text, h.start, h.end) && asserted(h) && !rejectedForFlag(h.text.analysis.tokens, h.start, h.end) && !(flag.relativeClause && inRelativeClause(h.text.analysis.tokens, h.start)) && !consequenceOf(h) && inContext(h, compiled, answer) && !concededElsewhere(h, compiled));
  for (const id of flag.ruledOut) {
    const item = itemsById.get(id);
    if (item) triggers.push(...findHits(item.phrases, texts, item.item.risk).filter((h) => h.cancelled && said(h.text, h.start, h.end) && asserted(h) && refusedNearby(h) && !replacedInClause(h, compiled, item)));
  }
  if (triggers.length === 0) return null;
  if (flag.unlessItems.some((id) => covered.has(id) && !(flag.severity === 'major' && earnedOnlyInTriggers(itemsById.get(id), triggers, everything)))) return null;
  if (findHits(compiled.unless, everything, false, true).some((h) => !h.cancelled)) return null;
  const top = triggers[0]!;
  const raised: RedFlagResult = {
    id: flag.id,
    rubric: compiled.rubric,
    label: flag.label,
    stage: flag.stage ?? (top.text.source === 'general' || top.text.source === 'follow-up' ? null : top.text.source),
    severity: flag.severity,
    evidence: evidenceOf(top),
    why: flag.why,
  };
  return { flag: raised, triggers };
}

/**
 * A concept match ruled out by a negation among its own words (negation.ts, negationInside): "declined
 * payments are not labeled as fraud" is no labeling of declines as fraud.
 */
function negatedInside(hit: Hit): boolean {
  const concept = hit.phrase.concept;
  if (!concept) return false;
  const tokens = hit.text.analysis.tokens;
  const own = (k: number) => concept.some((groups) => groups.some((group) => group.has(tokens[k]!.stem)));
  return cancels(negationInside(tokens, hit.start, hit.end, own), false);
}

/** Words between two matches that turn to another claim: "we don't score in real time but in a nightly batch". */
const TURNING_WORDS = new Set(['but', 'instead', 'rather', 'whereas', 'yet', 'however']);

/**
 * A flag's matches read as ruled out: negated (before them, or among a concept's own words:
 * negatedInside), and every match that shares words with one of those, step by step. "We do not score
 * payments in a nightly batch job" is refused as a whole: the concept "score ... nightly" is negated,
 * and "nightly batch" and "batch job", phrases past the object the negation reaches (outsideObject),
 * are parts of the same refused claim. A turn between two matches ("..., but in a nightly batch")
 * keeps the second claim.
 */
function refusedClaims(hits: readonly Hit[]): Set<Hit> {
  const refused = new Set(hits.filter((h) => h.cancelled || negatedInside(h)));
  const joined = (a: Hit, b: Hit) => {
    if (a.text !== b.text || a.end <= b.start || b.end <= a.start) return false;
    const tokens = a.text.analysis.tokens;
    for (let k = Math.min(a.start, b.start); k < Math.max(a.end, b.end); k++) if (TURNING_WORDS.has(tokens[k]!.raw)) return false;
    return true;
  };
  for (let grown = refused.size > 0; grown; ) {
    grown = false;
    for (const hit of hits) {
      if (refused.has(hit) || ![...refused].some((r) => joined(r, hit))) continue;
      refused.add(hit);
      grown = true;
    }
  }
  return refused;
}

/**
 * An item of a major flag's `unlessItems` earned only by the clauses that raised the flag: "instead of only
 * friends of friends, we score all other members" states the mistake, and "friends of friends" in it would
 * earn the very item that clears it. The clause that states a mistake is no evidence against it (as it is no
 * item's evidence, forItem), so such an item does not clear the flag. An item covered by other means (a
 * clarifying question, a follow-up) or anywhere else still clears it. Minor flags keep the item's clearing:
 * their safeguard is often said in the same clause ("a fairness check that no age group is worse off").
 */
function earnedOnlyInTriggers(item: CompiledItem | undefined, triggers: readonly Hit[], everything: readonly Text[]): boolean {
  if (!item) return false;
  const hits = findHits(item.phrases, [...everything], item.item.risk).filter((h) => !h.cancelled);
  if (hits.length === 0) return false;
  const clauses = triggers.map((t) => ({ text: t.text, range: clauseOf(t) }));
  return hits.every((h) => clauses.some(({ text, range: [start, end] }) => text === h.text && h.start >= start && h.end <= end));
}

/** Modals that, right after a practice, say what it would lead to ("a random split would leak"). */
const CONSEQUENCE_MODALS = new Set(['would', 'could', 'might']);
/** Verbs of what a practice brings about, read as a warning after "X alone" ("clicks alone leads to clickbait"). */
const CONSEQUENCE_VERBS = new Set(['leads', 'lead', 'causes', 'cause', 'results', 'rewards', 'invites', 'encourages', 'ignores', 'misses', 'fails', 'hurts', 'breaks', 'overfits', 'biases']);
/** Words that start another clause between a practice and a modal. */
const CLAUSE_WORDS = new Set(['which', 'that', 'and', 'so', 'but', 'as']);

/**
 * The trigger is the subject of a consequence: a modal (would, could, might) follows it within four
 * words of its clause ("a random split would let the model see the same days in both", "aggregates over
 * the full log could leak the label"). The candidate is warning about the practice, not choosing it;
 * "we would use a random split" (the modal before it) is still a choice.
 */
function consequenceOf(hit: Hit): boolean {
  const tokens = hit.text.analysis.tokens;
  // "Optimizing for clicks alone leads to clickbait": relied on alone, the practice's consequence
  // may be said with a verb too.
  const alone = tokens[hit.end]?.raw === 'alone' && tokens[hit.end]!.sep !== 'hard';
  if (alone && CONSEQUENCE_VERBS.has(tokens[hit.end + 1]?.raw ?? '')) return true;
  for (let i = hit.end + (alone ? 1 : 0), n = 0; i < tokens.length && n < 4; i++, n++) {
    // "a random split, which would be simplest" / "a random split and that would do": the modal is another clause's.
    if (tokens[i]!.sep === 'hard' || tokens[i]!.sep === 'comma' || CLAUSE_WORDS.has(tokens[i]!.raw.toLowerCase())) return false;
    if (CONSEQUENCE_MODALS.has(tokens[i]!.raw.toLowerCase())) return true;
  }
  return false;
}

/** Words that grant a practice its place in another setting ("random splits are fine for images"). */
const CONCEDING = new Set(['fine', 'ok', 'okay', 'acceptable', 'standard', 'common', 'usual', 'typical', 'reasonable', 'good', 'default', 'normal', 'work', 'works']);
/** Words that turn from that setting to this one: "but", "however", or a clause opening with "here". */
const CONTRASTING = new Set(['but', 'however', 'whereas', 'yet', 'instead']);
const TURNING = new Set(['here', 'ours', 'us', 'our']);

/**
 * A concession: the trigger is granted another setting ("random splits are fine for i.i.d. images",
 * "shuffling works elsewhere"), then a contrast turns to this one and states a correction of the flag
 * (an `unlessNear` phrase) after it, in the same sentence or in the next one when that opens with the
 * contrast ("..., but here we split by date", "...; here we split by date", "... images. Here we split
 * by week."). The candidate rejects the practice for this problem. Without a contrast, or
 * with none of the corrections after it ("a random split is fine, but we stratify by class"), the
 * trigger stands.
 */
function concededElsewhere(hit: Hit, compiled: CompiledFlag): boolean {
  if (compiled.unlessNear.length === 0) return false;
  const { tokens, sentences } = hit.text.analysis;
  const sentence = sentences[hit.sentence]!;
  let concession = -1;
  for (let i = hit.end, n = 0; i < sentence.endToken && n < 5; i++, n++) {
    if (tokens[i]!.sep === 'comma' || (tokens[i]!.sep === 'hard' && i > hit.end)) break;
    if (CONCEDING.has(tokens[i]!.raw)) {
      concession = i;
      break;
    }
  }
  if (concession < 0) return false;
  const next = sentences[hit.sentence + 1];
  const end = next && (CONTRASTING.has(tokens[next.firstToken]?.raw ?? '') || TURNING.has(tokens[next.firstToken]?.raw ?? '')) ? next.endToken : sentence.endToken;
  const opens = (i: number) => tokens[i]!.sep === 'comma' || tokens[i]!.sep === 'hard';
  let contrast = -1;
  for (let i = concession + 2; i < end; i++) {
    const t = tokens[i]!;
    // "..., here we", "; for us", "; in our case": the turn opens its clause.
    const turns = TURNING.has(t.raw) && (opens(i) || ((tokens[i - 1]!.raw === 'for' || tokens[i - 1]!.raw === 'in') && opens(i - 1)));
    if (CONTRASTING.has(t.raw) || turns) {
      contrast = i;
      break;
    }
  }
  if (contrast < 0) return false;
  return compiled.unlessNear.some((phrase) => indexFor(hit.text, phrase).findCoordinated(phrase).some(([s, e]) => s > contrast && e <= end));
}

const REFUSALS = new Set(['not', 'no', 'none', 'zero', '0', 'without', 'never', 'skip', 'skipping', 'forgo', 'unnecessary', 'overkill', 'slow', 'delay', 'delays']);

/**
 * An item ruled out in words right next to it: a refusal among the six words before it (stopping at
 * a comma) or after it ("we don't need a full A/B test", "an A/B test isn't necessary"). Narrower
 * than negation, which can reach across a list: a ruled-out item is a mistake only when plainly said.
 */
function refusedNearby(hit: Hit): boolean {
  const tokens = hit.text.analysis.tokens;
  let before = 0;
  for (let i = hit.start - 1, n = 0; i >= 0 && n < 6; i--, n++) {
    if (REFUSALS.has(tokens[i]!.raw)) before++;
    if (tokens[i + 1]!.sep !== 'space' && tokens[i + 1]!.sep !== 'glue') break;
  }
  // Two refusals cancel out: "we never ship without an A/B test" insists on one.
  if (before > 0) return before === 1;
  for (let i = hit.end, n = 0; i < tokens.length && n < 6; i++, n++) {
    if (tokens[i]!.sep === 'hard') break;
    if (REFUSALS.has(tokens[i]!.raw)) return true;
  }
  return false;
}

/**
 * How far (in words) a `near` phrase may stand from the trigger: far enough for one clause's
 * setting and its use ("we oversample fraud to 50 percent of the training set and use the raw scores
 * as probabilities"), still within the sentence.
 */
const NEAR_WORDS = 16;

/** The match is in the claim's own words, not in the heading or table header it is read under. */
function said(text: Text, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.analysis.tokens[i]!.context) return false;
  return true;
}

/** The clause around a match: from the last hard boundary (; : . dashes) before it to the next one. */
function clauseOf(hit: Pick<Hit, 'text' | 'start' | 'end'>): [number, number] {
  const tokens = hit.text.analysis.tokens;
  let start = hit.start;
  while (start > 0 && tokens[start]!.sep !== 'hard') start--;
  let end = Math.max(hit.end, hit.start + 1);
  while (end < tokens.length && tokens[end]!.sep !== 'hard') end++;
  return [start, end];
}

/** `near` phrases that make a flag one about a feature: its triggers are entries of a list of features. */
const FEATURE_WORDS = new Set(['feature', 'features']);

/** Words that open a sentence continuing the step before it: "Then we split it", "Next, we hold out a week". */
const SEQUENCING = new Set(['then', 'next', 'afterwards', 'afterward', 'after', 'finally', 'later']);

/** What a flag's trigger is read against beyond its sentence: the rest of the answer. */
interface AnswerContext {
  /** The answer covers none of the flag's `ruledOut` items: its `nearWithoutRuledOut` phrases count as `near` ones. */
  untested: boolean;
  /** The answer ranks one of the flag's `rivals` first (rivalRankedFirst). */
  rivalFirst: boolean;
}

/** Words that, in the part of a clause, turn a ranking down: "PR AUC is not our main metric". */
const UNRANKING = new Set(['not', 'never', 'no', 'nor']);

/**
 * Whether the part of a clause around [at, to) ranks what it names first: one of the flag's `leadNear`
 * phrases stands in that part (clause-part.ts) and no negation does ("PR AUC is the primary metric",
 * "we choose models by log loss"; not "PR AUC is not the primary metric").
 */
function leadsItsPart(text: Text, compiled: CompiledFlag, at: number, to: number): boolean {
  const tokens = text.analysis.tokens;
  const [first, last] = partOf(tokens, clauseOf({ text, start: at, end: to }), [at, to]);
  for (let k = first; k < last; k++) if (UNRANKING.has(tokens[k]!.raw)) return false;
  return compiled.leadNear.some((phrase) => indexFor(text, phrase).find(phrase).some(([s, e]) => s >= first && e <= last));
}

/**
 * A text ranks one of the flag's `rivals` first: a rival said in a part of a clause that leads
 * (leadsItsPart), in a clause that states the flag's role (a `roleNear` phrase, when the flag has
 * some: "the main metric", not "the main risk is low recall"), and not ruled out in words. "PR AUC is
 * the primary metric; we also report accuracy", "we measure accuracy but choose models by log loss and
 * NDCG": accuracy is one metric among others.
 */
function rivalRankedFirst(text: Text, compiled: CompiledFlag): boolean {
  const tokens = text.analysis.tokens;
  const inRole = (s: number, e: number) => {
    if (compiled.roleNear.length === 0) return true;
    const [start, end] = clauseOf({ text, start: s, end: e });
    return compiled.roleNear.some((phrase) => indexFor(text, phrase).find(phrase).some(([rs, re]) => rs >= start && re <= end));
  };
  return compiled.rivals.some((phrase) =>
    indexFor(text, phrase)
      .find(phrase)
      .some(([s, e]) => said(text, s, e) && negationOf(tokens, s, e) === null && leadsItsPart(text, compiled, s, e) && inRole(s, e)),
  );
}

/**
 * A trigger's sentence (or the next one, opened by a SEQUENCING word) has one of the flag's `near` phrases
 * (if any; or of its `nearWithoutRuledOut` ones, in an answer that covers none of its `ruledOut` items),
 * and its clause (with a parenthesis right after it) none of its `unlessNear` ones. A trigger ranked first
 * in its part of the clause (`leadNear`, leadsItsPart) is cleared only by a correction in that part; one
 * that is not, in an answer that ranks a rival first, is no mistake (`rivals`). For a flag about a
 * feature, in a list of features a correction counts in the trigger's own entry or a remark on the list,
 * and a `near` phrase in the list's lead-in holds for every entry however far (list-entries.ts).
 */
function inContext(hit: Hit, compiled: CompiledFlag, answer: AnswerContext): boolean {
  const led = compiled.leadNear.length > 0 && leadsItsPart(hit.text, compiled, hit.start, hit.end);
  if (answer.rivalFirst && !led) return false;
  if (compiled.near.length === 0 && compiled.unlessNear.length === 0 && compiled.everydayNear.length === 0) return true;
  const [start, end] = clauseOf(hit);
  const tokens = hit.text.analysis.tokens;
  // A parenthesis right after the clause qualifies it, and a correction counts there too: "removed
  // automatically (only above 0.98, at 99% precision)".
  let qualified = end;
  if (tokens[end]?.paren) for (qualified = end + 1; qualified < tokens.length && tokens[qualified]!.sep !== 'hard'; qualified++);
  // In a list of features, a correction counts only when said of the trigger's own entry ("the card's past
  // chargebacks, ..., whether the card was later reported stolen": "past" is another feature's), list-entries.ts.
  // Only for a flag about a feature (its `near` names one): elsewhere a sibling entry is often the
  // correction itself ("embedding retrieval, keyword search and ...", "a fast path, a nightly backstop").
  const list = compiled.near.some((p) => FEATURE_WORDS.has(p.text)) ? listAround(tokens, [start, end], [hit.start, hit.end]) : null;
  const ofEntry = ([s, e]: readonly [number, number]) => list === null || saidOfEntry(tokens, list, [s, e]);
  // A correction may be said of two things at once ("judged by human and LLM graders"): read through a coordination.
  const within = (phrase: CompiledPhrase) => indexFor(hit.text, phrase).findCoordinated(phrase).filter(([s, e]) => s >= start && e <= qualified && ofEntry([s, e]));
  // What makes a mistake must be said in the claim's own words, close by in its sentence ("if AUC
  // beats the current model -> ship"); a correction counts in the clause, or in a heading above it.
  const sentence = hit.text.analysis.sentences[hit.sentence]!;
  // The next sentence continues this one when it opens with a step in sequence ("We shuffle the data
  // randomly. Then we split it 80/10/10."): what makes the mistake may be said there.
  const next = hit.text.analysis.sentences[hit.sentence + 1];
  const until = next && SEQUENCING.has(hit.text.analysis.tokens[next.firstToken]?.raw ?? '') ? next.endToken : sentence.endToken;
  const inSentence = (phrase: CompiledPhrase) =>
    indexFor(hit.text, phrase)
      .find(phrase)
      .some(([s, e]) => s >= sentence.firstToken && e <= until && (Math.min(Math.abs(s - hit.end), Math.abs(hit.start - e)) <= NEAR_WORDS || (list !== null && inLeadIn(list, [s, e]))) && said(hit.text, s, e));
  // In the trigger's clause and apart from its words: "the model serves all users" names whom it serves, not a launch to them.
  const apart = (phrase: CompiledPhrase) => within(phrase).some(([s, e]) => (e <= hit.start || s >= hit.end) && said(hit.text, s, e));
  if (compiled.near.length > 0 && !compiled.near.some(inSentence) && !(answer.untested && compiled.nearWithoutRuledOut.some(apart))) return false;
  // "Trading accuracy against latency" is the word's everyday sense; "we choose the model with better accuracy" is the metric's role.
  const inRole = compiled.roleNear.some((phrase) => within(phrase).length > 0);
  const corrections = [...compiled.unlessNear.flatMap(within), ...(inRole ? [] : compiled.everydayNear.flatMap(within))];
  // Ranked first in its part ("accuracy is the primary metric and PR AUC is secondary"), the trigger is
  // corrected only there: a metric named in another part is ranked below it. Unless a rival is ranked first too.
  const [partStart, partEnd] = led && !answer.rivalFirst ? partOf(tokens, [start, qualified], [hit.start, hit.end]) : [start, qualified];
  const standing = corrections.filter(([s, e]) => s >= partStart && e <= partEnd && correctionStands(tokens, [s, e], corrections));
  if (compiled.flag.otherWork && standing.length > 0) return !onlyOtherWork(tokens, [start, qualified], [hit.start, hit.end], standing);
  return standing.length === 0;
}

/**
 * An item ruled out in a clause that chooses one of the flag's corrections instead, said affirmatively
 * ("we skip the A/B test and go straight to a canary", "no A/B test is needed because we run a canary"):
 * the practice the flag names is not what was said. A bare negation word is no such correction, nor
 * the ruled-out item named again, nor a correction that is negated or the subject of a consequence
 * ("we don't need an A/B test ..., an experiment would just slow the launch").
 */
function replacedInClause(hit: Hit, compiled: CompiledFlag, item: CompiledItem): boolean {
  const [start, end] = clauseOf(hit);
  const tokens = hit.text.analysis.tokens;
  const refused = item.phrases.flatMap((p) => indexFor(hit.text, p).find(p)).filter(([s, e]) => s >= start && e <= end);
  return compiled.unlessNear.some(
    (phrase) =>
      !(phrase.tokens.length === 1 && NEGATING.has(phrase.text)) &&
      indexFor(hit.text, phrase)
        .find(phrase)
        .some(
          ([s, e]) =>
            s >= start &&
            e <= end &&
            !refused.some(([rs, re]) => s < re && e > rs) &&
            negationOf(tokens, s, e) === null &&
            !consequenceOf({ ...hit, start: s, end: e }),
        ),
  );
}

/**
 * A correction that names a share of 100 percent ("to 100% of users"): the whole, not the small share
 * of a ramp or a test ("5% of traffic") that a `k percent` correction is about.
 */
function wholeShare(tokens: Analysis['tokens'], start: number, end: number): boolean {
  for (let k = start; k < end - 1; k++) if (tokens[k]!.raw === '100' && tokens[k + 1]!.raw === 'percent') return true;
  return false;
}

/** Words that negate what follows them: as a correction of their own they count only alone ("raw scores are not used as probabilities"). */
const NEGATING = new Set(['not', 'never', 'no', 'without']);

/**
 * A correction clears a flag unless it is itself negated ("without recalibration", "with no
 * correction", "the scores are not recalibrated"); a bare "not" or "never" clears it unless it is what
 * negates another correction within three words ("not recalibrated", "split randomly, not by time"), or
 * names the other answer of a yes-or-no after "or" ("whether the image contains a face or not").
 */
function correctionStands(tokens: Analysis['tokens'], [start, end]: readonly [number, number], all: ReadonlyArray<readonly [number, number]>): boolean {
  if (wholeShare(tokens, start, end)) return false;
  // "Or not" names the other answer of a yes-or-no ("whether it contains a face or not"): no correction.
  if (end - start === 1 && NEGATING.has(tokens[start]!.raw) && tokens[start - 1]?.raw === 'or' && tokens[start]!.sep !== 'hard') return false;
  if (end - start === 1 && NEGATING.has(tokens[start]!.raw)) return !all.some(([other]) => other > start && other <= start + 3);
  return negationOf(tokens, start, end) === null;
}

function isListOnly(analysis: Analysis): boolean {
  if (analysis.tokens.length < LIST_ONLY_MIN_TOKENS) return false;
  let inStatements = 0;
  let terms = 0;
  // A clause counts whole; in a list, only the entries that decide or explain (depth above named), and
  // those that are no bare term (a long fragment, an imperative step: scoring/list-of-terms.ts).
  for (const s of analysis.sentences) {
    // A note label and a bare list ("Metrics: AUC, NDCG, MRR") is read by its entries, as the list alone is.
    if (s.statement && !labelledList(s.text)) inStatements += s.endToken - s.firstToken;
    else {
      // A note label's words ("Metrics: AUC, NDCG, MRR") name the list's topic, not an entry of it.
      const entries = enumerationsJoined(afterLeadingLabel(s.text).split(/[,;]/));
      for (const entry of entries) {
        const words = entry.split(/\s+/).filter(Boolean);
        if (readDepth(entry, false, entries.length <= NOTE_PARTS).level !== 'named' || !isBareTerm(words)) inStatements += words.length;
        else terms++;
      }
    }
  }
  return terms >= LIST_MIN_TERMS && inStatements / analysis.tokens.length < LIST_ONLY_STATEMENT_SHARE;
}

/** Nouns of one thing made of parts named after "of": "a weighted sum of", "a blend of", "a combination of". */
const WHOLE_OF_PARTS = new Set(['sum', 'sums', 'combination', 'combinations', 'blend', 'mix', 'mixture', 'product', 'average', 'mean', 'ensemble', 'function', 'ratio', 'weighting']);
/** Words of ordering whose "by" names what orders ("ranking by P(click), P(like), P(share)"). */
const ORDERED_BY = new Set(['rank', 'ranks', 'ranked', 'ranking', 'rerank', 'reranked', 'reranking', 'sort', 'sorted', 'sorting', 'order', 'ordered', 'ordering', 'weighted', 'scored']);
/** How many words an enumeration's first part may take after the "of" or "by" that opens it. */
const FIRST_PART_WORDS = 4;
/** How many words a further part may take (an "and" or "or" included: "and hide probabilities"). */
const PART_WORDS = 4;

/**
 * Fragments of a list split at commas, with an enumeration that completes a phrase joined back into
 * it: "multi-task ranking of posts by a weighted sum of P(click), P(like), P(comment), P(hide)" is one
 * noun phrase naming what is summed, not four bare terms. The enumeration opens near the fragment's end
 * with "of" after a noun of a whole made of parts (WHOLE_OF_PARTS) or "by" after a word of ordering
 * (ORDERED_BY: "ranking by P(click), P(like), P(share)"); the short fragments that follow are its
 * further parts. A list of terms ("AUC, precision, recall") has no such opening and stays as it is.
 */
function enumerationsJoined(fragments: readonly string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const fragment of fragments) {
    const words = fragment.split(/\s+/).filter(Boolean);
    if (open && out.length > 0 && words.length > 0 && words.length <= PART_WORDS) {
      out[out.length - 1] += `,${fragment}`;
      continue;
    }
    out.push(fragment);
    const lower = words.map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
    const of = lower.lastIndexOf('of');
    const by = lower.lastIndexOf('by');
    open =
      (of > 0 && WHOLE_OF_PARTS.has(lower[of - 1]!) && lower.length - of - 1 <= FIRST_PART_WORDS) ||
      (by > 0 && ORDERED_BY.has(lower[by - 1]!) && lower.length - by - 1 <= FIRST_PART_WORDS);
  }
  return out;
}

/** A stage answered with a bare list of terms: the buzzword answer interviewers see through. The flag's words are content (`listFlag`). */
function listFlags(flag: ListOfTerms, stages: StageResult[], sections: Map<StageId, Text>): RedFlagResult[] {
  return stages
    .filter((s) => s.listOnly)
    .map((s) => ({
      id: flag.id,
      rubric: flag.rubric,
      label: `${s.title}: ${flag.label}`,
      stage: s.id,
      severity: flag.severity,
      evidence: sections.get(s.id)!.analysis.sentences[0]?.text ?? null,
      why: flag.why,
    }));
}

function wholeListFlag(flag: ListOfTerms, general: Text): RedFlagResult {
  return {
    id: flag.id,
    rubric: flag.rubric,
    label: `The answer is ${flag.label}`,
    stage: null,
    severity: flag.wholeAnswerSeverity,
    evidence: general.analysis.sentences[0]?.text ?? null,
    why: flag.why,
  };
}
