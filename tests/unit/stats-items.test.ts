import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDeck, syncDeck } from '../../src/progress/drill.js';
import { currentItemInfo } from '../../src/progress/item-info.js';
import { isOwnSession } from '../../src/progress/own-sessions.js';
import { renderHistory } from '../../src/ui/history.js';
import { createStyle } from '../../src/ui/style.js';
import { addToTotals, computeStats, emptyTotals, statsFromTotals, totalsOf } from '../../src/progress/stats.js';
import type { SessionSummary } from '../../src/store/summary.js';
import { rubricsFor } from '../../src/content/catalog.js';
import { builtinCatalog } from '../helpers/builtin.js';
import { root, runMlsd } from '../helpers/cli.js';

const ITEMS = ['baseline', 'drift', 'model-choice'];
const summary = (id: string, notCovered: SessionSummary['notCovered'], extra: Partial<SessionSummary> = {}): SessionSummary => ({
  id, createdAt: `2026-01-0${id.length}T00:00:00.000Z`, prompt: 'ad-click-prediction', level: 'senior', kind: 'score', status: 'finished', candidate: null,
  overall: 50, verdict: 'lean-hire', usedMs: null, durationMs: null, stageScores: { model: 50 }, notCovered, itemIds: ITEMS, stageMs: null, budgets: null, ...extra,
});

describe('stats counts an item that needed prompting as prompted, not missed', () => {
  it('keeps three buckets: missed (or ruled out), prompted, and the rest covered', () => {
    const stats = computeStats(
      [
        summary('a', [{ id: 'baseline', status: 'missed' }, { id: 'drift', status: 'prompted' }]),
        summary('bb', [{ id: 'baseline', status: 'negated' }, { id: 'drift', status: 'prompted' }]),
        summary('ccc', [{ id: 'model-choice', status: 'prompted' }]),
      ],
      {},
    );
    expect(stats.missed.map((m) => [m.id, m.missed, m.prompted, m.seen])).toEqual([
      ['baseline', 2, 0, 3],
      ['drift', 0, 2, 3],
      ['model-choice', 0, 1, 3],
    ]);
  });
});

describe("a peer interview in which the user asked the questions is the candidate's", () => {
  const peer = summary('peer', [{ id: 'baseline', status: 'missed' }], { kind: 'interview', candidate: 'Sam' });
  const mine = summary('mine', [{ id: 'drift', status: 'missed' }], { kind: 'interview', candidate: ' Me ' });
  const own = summary('own', [{ id: 'model-choice', status: 'missed' }]);

  it('is left out of stats and the drill deck, unless its candidate is "me"', () => {
    expect([peer, mine, own].map(isOwnSession)).toEqual([false, true, true]);
    const stats = computeStats([peer, mine, own], {});
    expect(stats.sessions).toBe(2);
    expect(stats.missed.map((m) => m.id).sort()).toEqual(['drift', 'model-choice']);
    expect(Object.keys(syncDeck(emptyDeck(), [peer, mine, own], new Date('2026-02-01')).cards).sort()).toEqual(['drift', 'model-choice']);
  });
});

describe('labels and hints come from the rubrics as they are now', () => {
  it('prefers the current wording to the saved one, and keeps the saved one for an item no rubric has', () => {
    const info = currentItemInfo(builtinCatalog, [summary('a', [])], { baseline: { label: 'old', hint: 'old hint' }, gone: { label: 'Gone', hint: 'kept' } });
    // As the session's prompt words it (ad-click-prediction is a classification prompt: byProblemType).
    const baseline = rubricsFor(builtinCatalog, builtinCatalog.prompts.get('ad-click-prediction')!.value)[0]!.items.find((i) => i.id === 'baseline')!;
    expect(info.baseline).toEqual({ label: baseline.label, hint: baseline.hint });
    expect(info.gone).toEqual({ label: 'Gone', hint: 'kept' });
  });

  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'mlsd-stats-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('shows the new hint after a rubric is edited, in text and in JSON', () => {
    const rubric = readFileSync(join(root, 'rubrics', 'ad-click-prediction.yaml'), 'utf8');
    const oldHint = /- id: ad-fatigue[\s\S]*?\n {4}hint: >-\n((?: {6}.*\n)+)/.exec(rubric)!;
    mkdirSync(join(home, 'rubrics'), { recursive: true });
    writeFileSync(join(home, 'rubrics', 'ad-click-prediction.yaml'), rubric);
    const answer = join(root, 'tests', 'fixtures', 'answers', 'ad-click-prediction.weak.md');
    expect(runMlsd(home, ['score', answer, '--prompt', 'ad-click-prediction', '--save']).code).toBe(0);
    const before = JSON.parse(runMlsd(home, ['stats', '--json']).stdout) as { missed: Array<{ id: string; hint: string }> };
    expect(before.missed.find((m) => m.id === 'ad-fatigue')?.hint).toContain('frequency cap');

    const newHint = 'Count how often each person has seen the ad lately; cap it.';
    writeFileSync(join(home, 'rubrics', 'ad-click-prediction.yaml'), rubric.replace(oldHint[0], oldHint[0].replace(oldHint[1]!, `      ${newHint}\n`)));
    const after = JSON.parse(runMlsd(home, ['stats', '--json']).stdout) as { missed: Array<{ id: string; hint: string }> };
    expect(after.missed.find((m) => m.id === 'ad-fatigue')?.hint).toBe(newHint);
    expect(runMlsd(home, ['stats']).stdout).toContain(`hint: ${newHint}`);
  });
});

describe('stats totals', () => {
  it('added and taken away one session at a time, give the stats of the sessions left', () => {
    const sessions = [
      summary('a', [{ id: 'baseline', status: 'missed' }, { id: 'drift', status: 'prompted' }]),
      summary('bb', [{ id: '__proto__', status: 'negated' }], { itemIds: ['__proto__', 'constructor', 'drift'], stageMs: { clarify: 400_000 }, budgets: { clarify: 300_000 } }),
      summary('ccc', [{ id: 'constructor', status: 'missed' }], { itemIds: ['__proto__', 'constructor', 'drift'], kind: 'interview', candidate: 'me' }),
      summary('dddd', [], { overall: null, stageScores: {}, stageMs: { clarify: 100_000, model: 900_000 }, budgets: { clarify: 300_000, model: 600_000 } }),
      summary('peer', [{ id: 'baseline', status: 'missed' }], { kind: 'interview', candidate: 'Sam' }),
    ];
    const totals = emptyTotals();
    for (const s of sessions) addToTotals(totals, s, 1);
    expect(totals).toEqual(totalsOf(sessions));
    expect(statsFromTotals(totals, {})).toEqual(computeStats(sessions, {}));
    expect(statsFromTotals(totals, {}).missed.map((m) => m.id)).toContain('__proto__');
    expect(Object.getPrototypeOf(totals.items)).toBe(Object.prototype);
    for (const s of [sessions[0]!, sessions[3]!]) addToTotals(totals, s, -1);
    const left = [sessions[1]!, sessions[2]!, sessions[4]!];
    expect(totals).toEqual(totalsOf(left));
    expect(statsFromTotals(totals, {})).toEqual(computeStats(left, {}));
  });

  it('are marked not exact when a value is not a whole number, so they are summed again in order', () => {
    const totals = emptyTotals();
    addToTotals(totals, summary('a', [], { overall: 50.5 }), 1);
    expect(totals.exact).toBe(false);
    expect(totalsOf([summary('a', [])]).exact).toBe(true);
  });
});

describe('current item wording picks prompts newest first', () => {
  it('gives the same wording whether or not the sessions come newest first, in any time form', () => {
    const wording = (list: SessionSummary[]) => currentItemInfo(builtinCatalog, list, {});
    const times = ['2026-01-03T00:00:00.000Z', '2026-01-02T23:00:00+02:00', '2026-01-02T00:00:00Z', '2026-01-01T00:00:00.000Z'];
    const prompts = ['ad-click-prediction', 'fraud-detection', 'video-recommendation', 'ad-click-prediction'];
    const list = times.map((t, i) => summary(`s${i}`, [], { createdAt: t, prompt: prompts[i]! }));
    const reference = (sessions: SessionSummary[]) => currentItemInfo(builtinCatalog, [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), {});
    expect(wording(list)).toEqual(reference(list));
    expect(wording([...list].reverse())).toEqual(reference(list));
    const uniform = list.filter((s) => s.createdAt.endsWith('.000Z'));
    expect(wording([...uniform].reverse())).toEqual(reference(uniform));
    // What the index knows (newest first already, which prompts there are) stops the pass early, same wording.
    const known = { inOrder: true, prompts: new Set(uniform.map((s) => s.prompt)) };
    expect(currentItemInfo(builtinCatalog, uniform, {}, known)).toEqual(reference(uniform));
  });
});

describe("history's trend with the index's counts of scored sessions", () => {
  it('stops reading sessions once its lines are full, and draws the same lines', () => {
    const prompts = ['ad-click-prediction', 'fraud-detection', 'news-feed', 'eta-prediction'];
    // Newest first; a rare prompt near the end, sessions without a score here and there.
    const list = Array.from({ length: 300 }, (_, i) => summary(`s${String(i).padStart(3, '0')}`, [], {
      prompt: i === 150 || i === 160 ? 'eta-prediction' : prompts[i % 3]!,
      overall: i % 7 === 0 ? null : (i * 37) % 101,
    }));
    const counts = new Map<string, number>();
    for (const s of list) if (s.overall !== null) counts.set(s.prompt, (counts.get(s.prompt) ?? 0) + 1);
    const style = createStyle(0);
    let read = 0;
    const counted = list.map((s) => new Proxy(s, { get: (t, k) => (k === 'overall' && read++, Reflect.get(t, k)) }));
    expect(renderHistory(counted.slice(0, 20), style, counted, 100, counts)).toEqual(renderHistory(list.slice(0, 20), style, list, 100));
    expect(read).toBeLessThan(200); // stopped after the rare prompt's two scores (sessions 150 and 160), not at the end
    const few = list.slice(0, 50);
    const fewCounts = new Map<string, number>();
    for (const s of few) if (s.overall !== null) fewCounts.set(s.prompt, (fewCounts.get(s.prompt) ?? 0) + 1);
    expect(renderHistory(few, style, few, 100, fewCounts)).toEqual(renderHistory(few, style, few, 100));
    expect(renderHistory([], style, [], 100, new Map())).toEqual(renderHistory([], style, [], 100));
  });
});

