import type { ScoreReport } from '../scoring/report.js';
import type { StageId } from '../stages.js';

/** Two attempts side by side: score deltas per stage and the items gained and lost. */
export interface Comparison {
  overall: { before: number; after: number; delta: number };
  stages: Array<{ id: StageId; title: string; before: number; after: number; delta: number }>;
  gained: Array<{ id: string; label: string; stage: StageId }>;
  lost: Array<{ id: string; label: string; stage: StageId }>;
  /** The two sessions answer the same prompt; when not, only the items both were scored on are compared. */
  samePrompt: boolean;
  /** Items only one of the two was scored on (another prompt's domain items): left out of gained and lost. */
  notCompared: number;
}

export function compareReports(before: ScoreReport, after: ScoreReport): Comparison {
  const credited = (r: ScoreReport) => new Set(r.stages.flatMap((s) => s.items).filter((i) => i.status === 'covered' || i.status === 'prompted').map((i) => i.id));
  const ids = (r: ScoreReport) => new Set(r.stages.flatMap((s) => s.items).map((i) => i.id));
  const inBefore = ids(before);
  const inAfter = ids(after);
  const shared = (id: string) => inBefore.has(id) && inAfter.has(id);
  const a = new Set([...credited(before)].filter(shared));
  const b = new Set([...credited(after)].filter(shared));
  const items = new Map([...before.stages, ...after.stages].flatMap((s) => s.items).map((i) => [i.id, i]));
  const pick = (ids: string[]) => ids.map((id) => ({ id, label: items.get(id)!.label, stage: items.get(id)!.stage }));
  return {
    overall: { before: before.overall, after: after.overall, delta: after.overall - before.overall },
    stages: after.stages.map((s) => {
      const old = before.stages.find((o) => o.id === s.id)?.score ?? 0;
      return { id: s.id, title: s.title, before: old, after: s.score, delta: s.score - old };
    }),
    gained: pick([...b].filter((id) => !a.has(id))),
    lost: pick([...a].filter((id) => !b.has(id))),
    samePrompt: before.prompt === after.prompt,
    notCompared: [...new Set([...inBefore, ...inAfter])].filter((id) => !shared(id)).length,
  };
}
