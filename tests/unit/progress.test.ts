import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/progress/compare.js';
import { computeStats } from '../../src/progress/stats.js';
import type { SessionRecord } from '../../src/store/session-record.js';
import { summarize, type ItemInfo } from '../../src/store/summary.js';
import { score } from '../helpers/rubric.js';

const weak = score({ sections: { model: 'We use a neural network.' } });
const good = score({ sections: { model: 'We start with a logistic regression baseline, then gradient boosted trees and a two tower network.', monitoring: 'We watch for drift and retrain weekly.' } });

function record(id: string, report: typeof weak, interview?: Partial<NonNullable<SessionRecord['interview']>>): SessionRecord {
  return {
    id, kind: interview ? 'practice' : 'score', createdAt: `2026-01-0${id}T00:00:00.000Z`, updatedAt: '', prompt: 'p', level: 'senior',
    status: 'finished', answers: { sections: {} }, report, ...(interview ? { interview: interview as SessionRecord['interview'] } : {}),
  };
}

describe('stats', () => {
  it('averages stages, ranks the items missed most, and finds stages over budget', () => {
    const budgets = { clarify: 300_000, frame: 240_000, data: 480_000, model: 600_000, evaluation: 360_000, serving: 420_000, monitoring: 300_000 };
    const info: ItemInfo = {};
    const stats = computeStats(
      [
        record('1', weak, { budgets, stageMs: { clarify: 400_000, model: 500_000 } }),
        record('2', good, { budgets, stageMs: { clarify: 500_000 } }),
        record('3', good),
      ].map((r) => summarize(r, info)),
      info,
    );
    expect(stats.sessions).toBe(3);
    const model = stats.stages.find((s) => s.id === 'model')!;
    expect(model.average).toBe(Math.round((weak.stages[3]!.score + 2 * good.stages[3]!.score) / 3));
    expect(stats.missed[0]!.missed).toBe(3);
    expect(stats.missed.find((m) => m.id === 'baseline')).toMatchObject({ missed: 1, seen: 3, label: 'baseline', hint: 'hint baseline' });
    expect(stats.overBudget).toEqual([{ id: 'clarify', title: 'Clarify requirements', over: 2, reached: 2, averageOverMs: 150_000 }]);
  });
});

describe('compare', () => {
  it('reports deltas and the items gained and lost', () => {
    const c = compareReports(weak, good);
    expect(c.overall.delta).toBe(good.overall - weak.overall);
    expect(c.gained.map((g) => g.id)).toEqual(expect.arrayContaining(['baseline', 'drift', 'retraining']));
    expect(c.lost).toEqual([]);
    expect(compareReports(good, weak).lost.map((l) => l.id)).toEqual(expect.arrayContaining(['baseline']));
    expect(c.stages.find((s) => s.id === 'monitoring')!.delta).toBeGreaterThan(0);
  });
});
