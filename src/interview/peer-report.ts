import type { ItemResult, RedFlagResult, ScoreReport, StageResult } from '../scoring/report.js';
import { answerCoverage as coverageOfAnswer, stageCoverage } from '../scoring/coverage.js';
import { calibratedOverall, calibratedStage, overallByLevel } from '../scoring/scale.js';
import { countMistakes } from '../scoring/score.js';
import { CREDIT, verdictFor } from '../scoring/verdict.js';
import type { CandidateLevel } from '../scoring/report.js';
import { STAGES, type StageId } from '../stages.js';
import { formatClock } from '../text/clock-format.js';
import { MARK_WORD, type PeerSheetState, type SheetItem, type SheetRedFlag } from './peer-sheet.js';

/**
 * The interviewer's marks as the same report `mlsd score` gives: an adapter that feeds marks into
 * the report types. Covered is full credit (an interviewer marks what was said in substance, so a
 * mark counts as a justified claim), covered after prompting the scorer's prompted credit, wrong earns
 * nothing and counts as a minor red flag. Coverage then goes through the scorer's calibrated scale
 * (src/scoring/scale.ts), with its mistake penalties and verdict, so a marked interview and a scored
 * answer read on one scale. Pure.
 */

export interface SheetReportInput {
  prompt: { id: string; title: string };
  items: readonly SheetItem[];
  flags: readonly SheetRedFlag[];
  state: PeerSheetState;
}

/** The rubric id given to red flags that come from an item marked wrong. */
export const WRONG_MARK_RUBRIC = 'interviewer';

export function sheetReport({ prompt, items, flags, state }: SheetReportInput): ScoreReport {
  const itemResults = items.map((item) => itemResult(item, state));
  const coverageOf = (stageId: StageId, level: CandidateLevel): number => stageCoverage(itemResults, stageId, level);
  const answerCoverage = (level: CandidateLevel): number => coverageOfAnswer(itemResults, level);
  const redFlags = heardFlags(items, flags, state);
  const counts = countMistakes(redFlags);
  const stages: StageResult[] = STAGES.map((stage) => {
    const mine = itemResults.filter((r) => r.stage === stage.id);
    const coverage = coverageOf(stage.id, state.level);
    return {
      id: stage.id,
      title: stage.title,
      score: calibratedStage(coverage, counts.majorByStage[stage.id] ?? 0, stage.id),
      coverage: Math.round(coverage),
      answered: reached(state, stage.id),
      words: 0,
      listOnly: false,
      items: mine,
    };
  });

  const byLevel = overallByLevel(answerCoverage, counts);
  const overall = byLevel[state.level];
  const coverage = answerCoverage(state.level);
  const penalty = Math.max(0, Math.round(calibratedOverall(coverage, { major: 0, minor: 0 }, state.level) - calibratedOverall(coverage, counts, state.level)));
  return {
    prompt: prompt.id,
    title: prompt.title,
    level: state.level,
    overall,
    verdict: verdictFor(overall, counts.major),
    stages,
    redFlags,
    penalty,
    coverage: Math.round(coverage),
    overallByLevel: byLevel,
  };
}

/** The red flags the interviewer heard, and one minor flag per item marked wrong. */
function heardFlags(items: readonly SheetItem[], flags: readonly SheetRedFlag[], state: PeerSheetState): RedFlagResult[] {
  const redFlags: RedFlagResult[] = [];
  for (const flag of flags) {
    const heard = state.flags[flag.id];
    if (!heard) continue;
    redFlags.push({
      id: flag.id,
      rubric: flag.rubric,
      label: flag.label,
      stage: heard.stage,
      severity: flag.severity,
      evidence: `Interviewer heard this in ${title(heard.stage)} at ${formatClock(heard.atMs)}${heard.note ? `: ${heard.note}` : ''}`,
      why: flag.why,
    });
  }
  for (const item of items) {
    const mark = state.marks[item.id];
    if (mark?.mark !== 'wrong') continue;
    redFlags.push({
      id: `wrong-${item.id}`,
      rubric: WRONG_MARK_RUBRIC,
      label: `${item.label}: got it wrong`,
      stage: item.stage,
      severity: 'minor',
      evidence: evidence(mark.mark, mark.atMs, mark.note),
      why: item.why,
    });
  }

  return redFlags;
}

/** A stage counts as answered once the interview spent time in it or the interviewer marked anything there. */
function reached(state: PeerSheetState, stage: StageId): boolean {
  return (state.stageMs[stage] ?? 0) > 0 || Object.values(state.marks).some((m) => m.stage === stage) || !!state.notes[stage];
}

function itemResult(item: SheetItem, state: PeerSheetState): ItemResult {
  const mark = state.marks[item.id];
  const base = {
    id: item.id,
    rubric: item.rubric,
    stage: item.stage,
    label: item.label,
    level: item.level,
    weight: item.weight,
    matched: [],
    why: item.why,
    hint: item.hint,
    followUp: item.followUp,
  };
  if (!mark || mark.mark === 'wrong') {
    return { ...base, status: 'missed', evidence: mark ? evidence(mark.mark, mark.atMs, mark.note) : null, foundIn: null, depth: null, credit: 0 };
  }
  const status = mark.mark === 'covered' ? 'covered' : 'prompted';
  return { ...base, status, evidence: evidence(mark.mark, mark.atMs, mark.note), foundIn: mark.stage, depth: 'statement', depthLevel: 'justified', credit: CREDIT[status].justified };
}

function evidence(mark: 'covered' | 'prompted' | 'wrong', atMs: number, note: string | undefined): string {
  return `Interviewer: ${MARK_WORD[mark]} at ${formatClock(atMs)}${note ? `: ${note}` : ''}`;
}

function title(stage: StageId): string {
  return STAGES.find((s) => s.id === stage)!.title;
}
