import type { ItemResult, RedFlagResult, ScoreReport, StageResult } from '../scoring/report.js';
import { CREDIT, levelWeight, PENALTY, verdictFor } from '../scoring/verdict.js';
import { STAGES, TOTAL_MINUTES_45, type StageId } from '../stages.js';
import { formatClock } from './budgets.js';
import { MARK_WORD, type PeerSheetState, type SheetItem, type SheetRedFlag } from './peer-sheet.js';

/**
 * The interviewer's marks as the same report `mlsd score` gives: an adapter that feeds marks into
 * the report types. Covered is full credit, covered after prompting the scorer's prompted credit,
 * wrong earns nothing and counts as a minor red flag; the scale, penalties and verdict are the
 * scorer's. Pure.
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
  const stages: StageResult[] = STAGES.map((stage) => {
    const mine = itemResults.filter((r) => r.stage === stage.id);
    let total = 0;
    let earned = 0;
    for (const r of mine) {
      const weight = r.weight * levelWeight(state.level, r.level);
      total += weight;
      earned += weight * r.credit;
    }
    return {
      id: stage.id,
      title: stage.title,
      score: total > 0 ? Math.round((100 * earned) / total) : 0,
      answered: reached(state, stage.id),
      words: 0,
      listOnly: false,
      items: mine,
    };
  });

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

  const weighted = stages.reduce((sum, s) => sum + s.score * (STAGES.find((x) => x.id === s.id)!.minutes45 / TOTAL_MINUTES_45), 0);
  const penalty = redFlags.reduce((sum, f) => sum + PENALTY[f.severity], 0);
  const overall = Math.max(0, Math.round(weighted - penalty));
  const majors = redFlags.filter((f) => f.severity === 'major').length;
  return { prompt: prompt.id, title: prompt.title, level: state.level, overall, verdict: verdictFor(overall, majors), stages, redFlags, penalty };
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
  return { ...base, status, evidence: evidence(mark.mark, mark.atMs, mark.note), foundIn: mark.stage, depth: 'statement', credit: CREDIT[status].statement };
}

function evidence(mark: 'covered' | 'prompted' | 'wrong', atMs: number, note: string | undefined): string {
  return `Interviewer: ${MARK_WORD[mark]} at ${formatClock(atMs)}${note ? `: ${note}` : ''}`;
}

function title(stage: StageId): string {
  return STAGES.find((s) => s.id === stage)!.title;
}
