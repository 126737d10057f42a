import type { Clarification, Prompt } from '../content/schema.js';
import { STAGES, TOTAL_MINUTES_45, type StageId } from '../stages.js';
import { analyze, type Analysis } from './analyze.js';
import type { CompiledFlag, CompiledItem, CompiledScope } from './compile.js';
import { cancels, negationOf } from './negation.js';
import { compilePhrase, MatchIndex, type CompiledPhrase } from './phrase.js';
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
import { CREDIT, levelWeight, PENALTY, verdictFor } from './verdict.js';

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
}

interface Hit {
  text: Text;
  phrase: CompiledPhrase;
  sentence: number;
  cancelled: boolean;
}

const LIST_ONLY_MIN_TOKENS = 5;
const LIST_ONLY_STATEMENT_SHARE = 0.3;
const EVIDENCE_MAX = 280;

export function scoreAnswers(input: ScoreInput): ScoreReport {
  const { scope, answers, level } = input;
  const prepare = (source: Source, text: string | undefined): Text | null => {
    if (!text || !text.trim()) return null;
    const analysis = analyze(text);
    if (analysis.tokens.length === 0) return null;
    return { source, analysis, index: new MatchIndex(analysis.tokens, scope.vocabulary) };
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

  const questions = questionHits(input.prompt.clarifications, sections.get('clarify') ?? (sections.size === 0 ? general : null));

  const itemResults = scope.items.map((compiled) => {
    const stage = compiled.item.stage;
    if (unreached.has(stage)) return result(compiled, 'missed', []);
    const searched = [...(sections.has(stage) ? [sections.get(stage)!] : []), ...[...sections.values()].filter((t) => t.source !== stage)];
    if (general) searched.push(general);
    const hits = findHits(compiled.phrases, searched, compiled.item.risk);
    const affirmative = hits.filter((h) => !h.cancelled);
    if (distinct(affirmative) >= compiled.item.minMatches) return result(compiled, 'covered', affirmative);
    const question = questions.get(compiled.item.id);
    if (question) return result(compiled, 'covered', [question, ...affirmative]);
    // An answer to this item's follow-up is read for this item first; answers to other items'
    // follow-ups are not spread over whatever phrase they contain (older sessions name no item).
    const own = asked.filter((f) => f.itemId === compiled.item.id && f.text).map((f) => f.text!);
    const legacy = asked.filter((f) => !f.itemId && f.text).map((f) => f.text!);
    const prompted = findHits(compiled.phrases, [...own, ...legacy], compiled.item.risk).filter((h) => !h.cancelled);
    if (distinct([...affirmative, ...prompted]) >= compiled.item.minMatches && prompted.length > 0) {
      return result(compiled, 'prompted', [...prompted, ...affirmative]);
    }
    const answered = own.find(answersTheQuestion);
    if (answered) return result(compiled, 'prompted', [{ text: answered, phrase: compilePhrase(`answered the follow-up on ${compiled.item.label}`), sentence: 0, cancelled: false }, ...affirmative]);
    const negated = hits.filter((h) => h.cancelled);
    if (negated.length > 0) return result(compiled, 'negated', negated);
    return result(compiled, 'missed', affirmative);
  });

  const stages: StageResult[] = STAGES.map((stage) => {
    const items = itemResults.filter((r) => r.stage === stage.id);
    const own = sections.get(stage.id);
    const answered = !unreached.has(stage.id) && (!!own || (sections.size === 0 && !!general));
    let total = 0;
    let earned = 0;
    for (const item of items) {
      const weight = item.weight * levelWeight(level, item.level);
      total += weight;
      earned += weight * item.credit;
    }
    return {
      id: stage.id,
      title: stage.title,
      score: total > 0 ? Math.round((100 * earned) / total) : 0,
      answered,
      words: own ? own.analysis.tokens.length : 0,
      listOnly: own ? isListOnly(own.analysis) : false,
      items,
    };
  });

  const covered = new Set(itemResults.filter((r) => r.status === 'covered' || r.status === 'prompted').map((r) => r.id));
  const redFlags = [
    ...scope.flags.map((f) => checkFlag(f, sections, everything, covered)).filter((f): f is RedFlagResult => !!f),
    ...listFlags(stages, sections),
    ...(sections.size === 0 && general && isListOnly(general.analysis) ? [wholeListFlag(general)] : []),
  ];

  const weighted = stages.reduce((sum, s) => sum + s.score * (stageMinutes(s.id) / TOTAL_MINUTES_45), 0);
  const penalty = redFlags.reduce((sum, f) => sum + PENALTY[f.severity], 0);
  const overall = Math.max(0, Math.round(weighted - penalty));
  const majors = redFlags.filter((f) => f.severity === 'major').length;
  return {
    prompt: input.prompt.id,
    title: input.prompt.title,
    level,
    overall,
    verdict: verdictFor(overall, majors),
    stages,
    redFlags,
    penalty,
  };
}

function stageMinutes(id: StageId): number {
  return STAGES.find((s) => s.id === id)!.minutes45;
}

const matchers = new WeakMap<readonly Clarification[], TopicMatcher>();

/** The clarifying questions, by the item their topic covers ("how many posts a day?" is scale). */
function questionHits(clarifications: readonly Clarification[] | undefined, text: Text | null): Map<string, Hit> {
  const hits = new Map<string, Hit>();
  if (!clarifications?.length || !text) return hits;
  let match = matchers.get(clarifications);
  if (!match) matchers.set(clarifications, (match = topicMatcher(clarifications)));
  text.analysis.sentences.forEach((sentence, index) => {
    if (!isQuestion(sentence.text)) return;
    const clarification = match(sentence.text);
    if (!clarification) return;
    const phrase = compilePhrase(`asked about ${clarification.topic.replace(/-/g, ' ')}`);
    for (const id of itemsAskedAbout(clarification)) {
      if (!hits.has(id)) hits.set(id, { text, phrase, sentence: index, cancelled: false });
    }
  });
  return hits;
}

const NON_ANSWERS = /\b(?:do not know|not sure|no idea|pass|skip|not familiar|can not say|would not know)\b/;
const FOLLOW_UP_MIN_TOKENS = 6;

/** A follow-up answer that says something: a statement of some length, not "I don't know". */
function answersTheQuestion(text: Text): boolean {
  const { tokens, sentences } = text.analysis;
  if (tokens.length < FOLLOW_UP_MIN_TOKENS || !sentences.some((s) => s.statement)) return false;
  return !NON_ANSWERS.test(tokens.slice(0, 12).map((t) => t.raw).join(' '));
}

function findHits(phrases: CompiledPhrase[], texts: Text[], risk: boolean): Hit[] {
  const hits: Hit[] = [];
  for (const text of texts) {
    for (const phrase of phrases) {
      for (const [start, end] of text.index.find(phrase)) {
        const negation = negationOf(text.analysis.tokens, start, end);
        hits.push({ text, phrase, sentence: text.analysis.tokens[start]!.sentence, cancelled: cancels(negation, risk) });
      }
    }
  }
  return hits;
}

function distinct(hits: Hit[]): number {
  return new Set(hits.map((h) => h.phrase.text)).size;
}

/** The best evidence: the first text searched (own stage first), a statement over a listed term. */
function best(hits: Hit[]): Hit | undefined {
  const statements = hits.filter((h) => h.text.analysis.sentences[h.sentence]!.statement);
  return (statements[0] ?? hits[0]);
}

function result(compiled: CompiledItem, status: ItemResult['status'], hits: Hit[]): ItemResult {
  const { item } = compiled;
  const top = best(hits);
  const depth: Depth | null =
    status === 'covered' || status === 'prompted'
      ? hits.some((h) => h.text.analysis.sentences[h.sentence]!.statement)
        ? 'statement'
        : 'mention'
      : null;
  const credit = status === 'covered' || status === 'prompted' ? CREDIT[status][depth ?? 'mention'] : 0;
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
    matched: status === 'covered' || status === 'prompted' ? [...new Set(hits.filter((h) => !h.cancelled).map((h) => h.phrase.text))] : [],
    depth,
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

function checkFlag(
  compiled: CompiledFlag,
  sections: Map<StageId, Text>,
  everything: Text[],
  covered: Set<string>,
): RedFlagResult | null {
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
  const triggers = findHits(compiled.phrases, texts, false).filter((h) => !h.cancelled);
  if (triggers.length === 0) return null;
  if (flag.unlessItems.some((id) => covered.has(id))) return null;
  if (findHits(compiled.unless, everything, false).some((h) => !h.cancelled)) return null;
  const top = best(triggers)!;
  return {
    id: flag.id,
    rubric: compiled.rubric,
    label: flag.label,
    stage: flag.stage ?? (top.text.source === 'general' || top.text.source === 'follow-up' ? null : top.text.source),
    severity: flag.severity,
    evidence: evidenceOf(top),
    why: flag.why,
  };
}

function isListOnly(analysis: Analysis): boolean {
  if (analysis.tokens.length < LIST_ONLY_MIN_TOKENS) return false;
  let inStatements = 0;
  for (const s of analysis.sentences) if (s.statement) inStatements += s.endToken - s.firstToken;
  return inStatements / analysis.tokens.length < LIST_ONLY_STATEMENT_SHARE;
}

/** A stage answered with a bare list of terms: the buzzword answer interviewers see through. */
function listFlags(stages: StageResult[], sections: Map<StageId, Text>): RedFlagResult[] {
  return stages
    .filter((s) => s.listOnly)
    .map((s) => ({
      id: 'list-instead-of-reasoning',
      rubric: 'mlsd',
      label: `${s.title}: a list of terms, not an answer`,
      stage: s.id,
      severity: 'minor' as const,
      evidence: sections.get(s.id)!.analysis.sentences[0]?.text ?? null,
      why: 'Naming terms shows you have heard of them; an interviewer needs to hear which one you choose, how it works here and why.',
    }));
}

function wholeListFlag(general: Text): RedFlagResult {
  return {
    id: 'list-instead-of-reasoning',
    rubric: 'mlsd',
    label: 'The answer is a list of terms, not an answer',
    stage: null,
    severity: 'major',
    evidence: general.analysis.sentences[0]?.text ?? null,
    why: 'Naming terms shows you have heard of them; an interviewer needs to hear which one you choose, how it works here and why.',
  };
}
