import { describe, expect, it } from 'vitest';
import { promptSchema } from '../../src/content/schema.js';
import { interviewJson, interviewMarkdownReport, interviewText } from '../../src/commands/review-interview.js';
import { sheetReport } from '../../src/interview/peer-report.js';
import { createPeerSheet, type PeerSheetState, type SheetEvent } from '../../src/interview/peer-sheet.js';
import type { SessionRecord } from '../../src/store/session-record.js';
import { toSessionFile } from '../../src/store/session-format.js';
import { parseSession } from '../../src/store/session-schema.js';
import { toSheetLog } from '../../src/store/sheet-log.js';
import { summarize } from '../../src/store/summary.js';
import { renderHistory } from '../../src/ui/history.js';
import { createStyle } from '../../src/ui/style.js';
import { score, testScope } from '../helpers/rubric.js';

const prompt = promptSchema.parse({
  id: 'test-prompt',
  title: 'Test prompt',
  prompt: 'Design ad click prediction for our feed.',
  difficulty: 'medium',
  clarifications: [{ topic: 'scale', patterns: ['how many users'], answer: 'About 300 million daily active users.' }],
  outline: { clarify: ['Ask the goal'], frame: ['a'], data: ['a'], model: ['a'], evaluation: ['a'], serving: ['a'], monitoring: ['a'] },
});
const sheet = createPeerSheet(prompt, testScope);
const MIN = 60_000;

function interview(events: SheetEvent[]): PeerSheetState {
  let state = sheet.start({ id: 'p1', level: 'senior', durationMinutes: 45, candidate: 'Sam | <b>', now: 0, createdAt: '2026-01-01T10:00:00.000Z' }).state;
  for (const e of events) state = sheet.reduce(state, e).state;
  return state;
}

function record(state: PeerSheetState, automatic?: SessionRecord['automatic']): SessionRecord {
  const report = sheetReport({ prompt, items: sheet.allItems, flags: sheet.allFlags, state });
  return { id: state.id, kind: 'interview', createdAt: state.createdAt, updatedAt: state.createdAt, prompt: prompt.id, level: state.level, status: state.status, answers: { sections: {} }, sheet: state, candidate: state.candidate!, report, ...(automatic ? { automatic } : {}) };
}

const state = interview([
  { type: 'mark', item: 'business-objective', mark: 'covered', now: MIN },
  { type: 'fact', question: 'how many users', now: MIN },
  { type: 'goto', stage: 'model', now: 2 * MIN },
  { type: 'mark', item: 'baseline', mark: 'prompted', now: 3 * MIN },
  { type: 'mark', item: 'model-choice', mark: 'wrong', note: 'only named a transformer', now: 3 * MIN },
  { type: 'note', stage: 'model', text: 'rushed *this*', now: 4 * MIN },
  { type: 'flag', flag: 'no-baseline', now: 4 * MIN },
  { type: 'finish', now: 5 * MIN },
]);

describe('a peer interview in review and history', () => {
  it('exports Markdown for the candidate: marks, notes, facts, red flags and the outline', () => {
    const rec = record(state);
    const md = interviewMarkdownReport(rec, rec.report!, prompt);
    expect(md).toContain('· Sam | <b> · level senior · peer interview · 5:00 of 45:00');
    expect(md).toContain('- ✅ **business-objective** (covered)');
    expect(md).toContain('- 🟡 **baseline** (after prompting)');
    expect(md).toContain('- ⛔ **model-choice** (wrong: only named a transformer)');
    expect(md).toContain("> Interviewer's note: rushed *this*");
    expect(md).toContain('- **Model development:** rushed \\*this\\*');
    expect(md).toContain('| Model development | 3:00 / 10:00 | 0 covered, 1 after prompting, 1 wrong |');
    expect(md).toContain('“how many users” → About 300 million daily active users.');
    expect(md).toContain('**Deep model with no baseline** (minor, model)');
    expect(md).toContain('## Reference outline');
    // Marked items come first, then the rest heaviest first.
    const model = md.slice(md.indexOf('## Model development'));
    expect(model.indexOf('baseline')).toBeLessThan(model.indexOf('model-choice'));
  });

  // Tryout 8 (F28): the text report showed a wrong mark as a plain miss and a covered mark as "(justified)".
  it('text review says each mark as the interviewer gave it: covered, after prompting, wrong with its note', () => {
    const rec = record(state);
    const text = interviewText(rec, rec.report!, prompt, createStyle(0), 100);
    expect(text).toMatch(/✓ business-objective \(covered\)/);
    expect(text).toMatch(/½ baseline \(after prompting\)/);
    expect(text).toMatch(/✗ model-choice \(wrong: only named a transformer\)\n\s+why it matters/);
    expect(text).not.toMatch(/\(justified\)|\(chosen, no reason given\)|only named, not explained/);
  });

  it('shows the comparison when the candidate’s notes were scored', () => {
    const automatic = score({ sections: { model: 'We start with logistic regression as a baseline, then gradient boosted trees and a two tower network.' } });
    const rec = record(state, automatic);
    const md = interviewMarkdownReport(rec, rec.report!, prompt);
    expect(md).toContain('### Marks against the automatic score');
    expect(md).toContain('**model-choice** (Model development): interviewer ✗ wrong; automatic covered');
    const json = JSON.parse(interviewJson(rec, rec.report!)) as { comparison: { items: Array<{ id: string }> }; session: { candidate: string }; interview: { notes: Record<string, string> } };
    expect(json.session.candidate).toBe('Sam | <b>');
    expect(json.interview.notes.model).toBe('rushed *this*');
    expect(json.comparison.items.map((i) => i.id)).toEqual(['business-objective', 'model-choice']);
    const text = interviewText(rec, rec.report!, prompt, createStyle(0), 80);
    expect(text).toContain('Marks against the automatic score');
    expect(text).toContain("Interviewer's notes");
  });

  it('is saved as a session of its own kind, checked on read, and history shows who was interviewed', () => {
    const file = (changes: Record<string, unknown> = {}) => JSON.parse(JSON.stringify({ ...toSessionFile(record(state)), ...changes })) as Record<string, unknown>;
    const parsed = parseSession(file(), 'p1');
    if ('error' in parsed) throw new Error(parsed.error);
    const rec = parsed.record;
    expect(rec.kind).toBe('interview');
    expect(rec.status).toBe('finished');
    expect(rec.sheet).toEqual(state);
    expect(parseSession(file({ sheet: undefined }), 'p1')).toEqual({ error: expect.stringContaining('sheet: a peer interview needs') });
    expect(parseSession(file({ sheet: { ...toSheetLog(state), leftMs: 'soon' } }), 'p1')).toEqual({ error: expect.stringContaining('sheet.leftMs') });
    const summary = summarize(rec, {});
    expect(summary).toMatchObject({ kind: 'interview', candidate: 'Sam | <b>', usedMs: 5 * MIN, durationMs: 45 * MIN, overall: rec.report!.overall });
    expect(renderHistory([summary], createStyle(0))[1]).toContain('interview (Sam | <b>)');
  });
});
