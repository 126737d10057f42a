import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../src/store/summary.js';
import { createStyle } from '../../src/ui/style.js';
import { renderHistory } from '../../src/ui/history.js';

// Tryout in a 40- and a 30-column pty: the history table (49 columns with four columns hidden) and the
// trend lines (66 columns) wrapped. Every line now fits, down to 30 columns, and the session ids stay whole.
const verdicts = ['lean-no-hire', 'strong-hire', 'hire', null] as const;
const sessions: SessionSummary[] = Array.from({ length: 12 }, (_, i) => ({
  id: `0k1q2w3e${String(i).padStart(4, 'x')}`,
  createdAt: new Date(Date.UTC(2026, 2, 1 + i, 9, 30)).toISOString(),
  prompt: i % 2 ? 'video-recommendation-at-very-large-scale' : 'ad-click-prediction',
  level: 'staff',
  kind: i % 3 ? 'practice' : 'interview',
  status: verdicts[i % 4] ? 'finished' : 'interrupted',
  candidate: i % 3 ? null : 'Samantha Q. Longname',
  overall: verdicts[i % 4] ? 40 + i * 5 : null,
  verdict: verdicts[i % 4] ?? null,
  usedMs: 40 * 60_000,
  durationMs: 45 * 60_000,
  stageScores: {},
  notCovered: [],
  itemIds: [],
  stageMs: null,
  budgets: null,
}));
const style = createStyle(0);

describe.each([30, 40, 80])('history at %i columns', (width) => {
  const lines = renderHistory(sessions.slice(0, 8), style, sessions, width);
  it('no line is wider than the terminal', () => {
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
  });
  it('every row starts with its whole session id, and keeps its score', () => {
    for (const [i, s] of sessions.slice(0, 8).entries()) {
      const row = lines[i + 1]!;
      expect(row.startsWith(`${s.id}  `), row).toBe(true);
      expect(row).toMatch(s.overall === null ? / -( |$)/ : new RegExp(` ${s.overall}( |$)`));
    }
    expect(lines[0]).toMatch(/^id +.*score/);
  });
  it('long prompt ids are cut with "…" or shown whole, and the trend is drawn', () => {
    const table = lines.slice(1, 9).join('\n');
    if (width === 80) expect(table).toContain('video-recommendation-at-very-large-scale');
    else expect(table).toMatch(/ video-\S*…/);
    expect(lines.some((l) => l.startsWith('Trend ('))).toBe(true);
    expect(lines.some((l) => /^ {2}all prompts +[▁▂▃▄▅▆▇█]{5,} +\d+$/u.test(l))).toBe(true);
  });
});

describe('history at full width', () => {
  it('is laid out as before when nothing needs to go', () => {
    // Sessions 1 and 2 are the user's own scores (session 0 is Samantha's interview, left out of the trend).
    const lines = renderHistory(sessions.slice(0, 2), style, sessions.slice(0, 3), Number.POSITIVE_INFINITY);
    expect(lines[0]).toBe('id            date              prompt                                    level  kind                              time         score  verdict');
    expect(lines.find((l) => l.startsWith('Trend'))).toBe('Trend (oldest → newest, last 40)');
  });
  it('says which columns it hid', () => {
    expect(renderHistory(sessions, style, sessions, 30).join(' ')).toMatch(/\(level, time, kind, date, verdict hidden to fit 30 columns;/);
  });
});

describe("the trend is the user's own scores, as stats counts them (tryout 7)", () => {
  const mine = (i: number, kind: SessionSummary['kind'], candidate: string | null, overall: number): SessionSummary => ({
    ...sessions[0]!, id: `0k1q2w3e${String(i).padStart(4, 'y')}`, prompt: 'ad-click-prediction', kind, candidate, overall, status: 'finished', verdict: 'hire',
  });
  const list = [mine(1, 'practice', null, 71), mine(2, 'interview', 'Sam', 15), mine(3, 'interview', 'me', 64), mine(4, 'score', null, 58)];

  it("leaves out interviews the user ran for someone else, and says so", () => {
    const text = renderHistory(list, style, list, 100).join('\n');
    const trend = text.split('\n').find((l) => l.startsWith('  all prompts'))!;
    // Newest first in the list: 71, (15 left out), 64, 58 -> drawn oldest first, ending with the newest own score.
    expect(trend).toMatch(/ 71$/);
    expect(text).toMatch(/interviews you ran for other candidates are left out of the trend/);
    const own = list.filter((s) => s.candidate !== 'Sam');
    expect(renderHistory(own, style, own, 100).join('\n')).not.toMatch(/left out of the trend/);
  });

  it('draws the same trend with or without the index counts', () => {
    const counts = new Map([['ad-click-prediction', 4]]);
    expect(renderHistory(list, style, list, 100, counts)).toEqual(renderHistory(list, style, list, 100));
  });
});
