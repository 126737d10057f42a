import type { ItemStatus, ScoreReport } from '../scoring/report.js';
import type { StageId } from '../stages.js';
import type { PeerSheetState } from './peer-sheet.js';

/**
 * Where the interviewer's marks and the automatic score of the candidate's own notes or transcript
 * disagree: stage by stage, item by item, and on red flags. Covered and covered-after-prompting
 * count as heard on both sides, so only "heard" against "not heard" is a disagreement. Pure.
 */

export interface StageAgreement {
  id: StageId;
  title: string;
  marks: number;
  automatic: number;
}

export interface ItemDisagreement {
  id: string;
  label: string;
  stage: StageId;
  /** The interviewer's mark, or "not marked". */
  interviewer: 'covered' | 'prompted' | 'wrong' | 'not marked';
  automatic: ItemStatus;
  /** The sentence the automatic score found, when it found one. */
  evidence: string | null;
}

export interface FlagDisagreement {
  id: string;
  label: string;
  /** Who raised it. */
  by: 'interviewer' | 'automatic';
}

export interface MarksComparison {
  overall: { marks: number; automatic: number };
  stages: StageAgreement[];
  items: ItemDisagreement[];
  flags: FlagDisagreement[];
  /** Items at least one side heard of (marked, or found in the notes), and how many of them they agree on. */
  agreed: number;
  total: number;
}

const heard = (s: ItemStatus) => s === 'covered' || s === 'prompted';

/** Compares the report built from marks with the automatic report of the candidate's answers. */
export function compareMarks(marks: ScoreReport, automatic: ScoreReport, sheet: Pick<PeerSheetState, 'marks'>): MarksComparison {
  const auto = new Map(automatic.stages.flatMap((s) => s.items).map((i) => [i.id, i]));
  const items: ItemDisagreement[] = [];
  let total = 0;
  for (const item of marks.stages.flatMap((s) => s.items)) {
    const other = auto.get(item.id);
    const interviewer: ItemDisagreement['interviewer'] = sheet.marks[item.id]?.mark ?? 'not marked';
    // Items neither side heard of say nothing about agreement.
    if (!other || (interviewer === 'not marked' && other.status === 'missed')) continue;
    total++;
    if (heard(item.status) === heard(other.status)) continue;
    items.push({ id: item.id, label: item.label, stage: item.stage, interviewer, automatic: other.status, evidence: heard(other.status) ? other.evidence : null });
  }
  const mine = new Set(marks.redFlags.filter((f) => !f.id.startsWith('wrong-')).map((f) => f.id));
  const theirs = new Set(automatic.redFlags.map((f) => f.id));
  const flags: FlagDisagreement[] = [
    ...marks.redFlags.filter((f) => !f.id.startsWith('wrong-') && !theirs.has(f.id)).map((f) => ({ id: f.id, label: f.label, by: 'interviewer' as const })),
    ...automatic.redFlags.filter((f) => !mine.has(f.id)).map((f) => ({ id: f.id, label: f.label, by: 'automatic' as const })),
  ];
  return {
    overall: { marks: marks.overall, automatic: automatic.overall },
    stages: marks.stages.map((s) => ({ id: s.id, title: s.title, marks: s.score, automatic: automatic.stages.find((a) => a.id === s.id)?.score ?? 0 })),
    items,
    flags,
    agreed: total - items.length,
    total,
  };
}
