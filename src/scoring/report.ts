import type { ItemTier } from '../content/schema.js';
import type { StageId } from '../stages.js';
import type { DepthCue, DepthLevel } from './depth.js';

/**
 * The scored report: the stable shape behind `mlsd score --json` (see README, "JSON output").
 * Fields added after 0.1.0 are optional in the type (reports saved before them lack them) but
 * always present in what scoreAnswers returns.
 */

export const CANDIDATE_LEVELS = ['mid', 'senior', 'staff'] as const;
export type CandidateLevel = (typeof CANDIDATE_LEVELS)[number];

export type ItemStatus = 'covered' | 'prompted' | 'missed' | 'negated';
/** Where evidence was found: a stage's answer, text under no stage heading, or a follow-up answer. */
export type Source = StageId | 'general' | 'follow-up';
/** A statement explains the term; a mention only lists it. */
export type Depth = 'statement' | 'mention';

export interface ItemResult {
  id: string;
  rubric: string;
  stage: StageId;
  label: string;
  level: ItemTier;
  weight: number;
  status: ItemStatus;
  /** The sentence that earned (or, for negated items, cancelled) the item. */
  evidence: string | null;
  foundIn: Source | null;
  /** The distinct rubric phrases said affirmatively. */
  matched: string[];
  depth: Depth | null;
  /** How far the best claim goes: named (a listed term), chosen (a decision), justified (with a reason or comparison). */
  depthLevel?: DepthLevel | null;
  /** The cues that claim carries (reason, comparison, number, decision). */
  cues?: DepthCue[];
  /** 0..1: the share of the item's weight earned. */
  credit: number;
  why: string;
  hint: string;
  followUp: string;
}

export interface StageResult {
  id: StageId;
  title: string;
  /** The calibrated stage score (0-100) on the interviewers' scale (see scale.ts). */
  score: number;
  /** The weighted share of the stage's items earned (0-100), by depth: what the score rests on. */
  coverage?: number;
  answered: boolean;
  words: number;
  /** The stage's answer is mostly a list of terms with no statements. */
  listOnly: boolean;
  items: ItemResult[];
}

export interface RedFlagResult {
  id: string;
  rubric: string;
  label: string;
  stage: StageId | null;
  severity: 'minor' | 'major';
  evidence: string | null;
  why: string;
}

/** A change that would raise the overall score, and by how much (points on the calibrated scale). */
export interface NextStep {
  /** Fix a mistake, cover a missed item, or deepen an item only named or chosen. */
  kind: 'mistake' | 'missed' | 'deepen';
  /** The red flag's or the item's id. */
  id: string;
  label: string;
  stage: StageId | null;
  /** Overall points gained by this change alone (0 where the scale is flat there). */
  gain: number;
  /** What to do: the item's hint or why the mistake is one. */
  advice: string;
  /** The sentence to fix (a mistake, or an item to deepen). */
  evidence: string | null;
}

export type Verdict = 'strong-hire' | 'hire' | 'lean-hire' | 'lean-no-hire' | 'no-hire';

export interface ScoreReport {
  prompt: string;
  title: string;
  level: CandidateLevel;
  overall: number;
  verdict: Verdict;
  stages: StageResult[];
  redFlags: RedFlagResult[];
  /** Points taken off the overall score for mistakes (red flags). */
  penalty: number;
  /** The answer's coverage (0-100): the stages' coverage weighted by their minutes. */
  coverage?: number;
  /** The same answer's overall score at each level (staff <= senior <= mid). */
  overallByLevel?: Record<CandidateLevel, number>;
  /** The two or three changes that would raise the overall score most, largest first. */
  nextSteps?: NextStep[];
}
