import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rubricsFor } from '../../../src/content/catalog.js';
import { sheetReport } from '../../../src/interview/peer-report.js';
import { createPeerSheet } from '../../../src/interview/peer-sheet.js';
import { compileRubrics } from '../../../src/scoring/compile.js';
import type { ItemResult } from '../../../src/scoring/report.js';
import { answersAsText } from '../../../src/store/recovery.js';
import { saveSession } from '../../../src/store/session-files.js';
import type { SessionRecord } from '../../../src/store/session-record.js';
import { renderCardResult } from '../../../src/ui/drill-view.js';
import { coveredCount } from '../../../src/ui/report.js';
import { PLAIN_STYLE } from '../../../src/ui/style.js';
import { builtinCatalog } from '../../helpers/builtin.js';
import { runInProcess } from '../../helpers/in-process.js';
import { interruptedPractice } from '../../helpers/practice-session.js';

// CLI faults from new-user tryout 11 (findings 8 and 9) that need no terminal, run in-process through the Io seam.
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout11-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));
const mlsd = (args: string[], now?: () => Date) => runInProcess(home, args, now ? { now } : {});

/** A finished peer interview of fraud-detection, one item covered and one after prompting, for `candidate`. */
function peerInterview(id: string, candidate: string, createdAt: string): SessionRecord {
  const prompt = builtinCatalog.prompts.get('fraud-detection')!.value;
  const sheet = createPeerSheet(prompt, compileRubrics(rubricsFor(builtinCatalog, prompt)));
  let state = sheet.start({ id, level: 'senior', durationMinutes: 45, candidate, now: 0, createdAt }).state;
  state = sheet.reduce(state, { type: 'mark', item: 'business-objective', mark: 'covered', now: 60_000 }).state;
  state = sheet.reduce(state, { type: 'mark', item: 'scale', mark: 'prompted', now: 120_000 }).state;
  state = sheet.reduce(state, { type: 'finish', now: 180_000 }).state;
  const report = sheetReport({ prompt, items: sheet.allItems, flags: sheet.allFlags, state });
  return { id, kind: 'interview', createdAt, updatedAt: createdAt, prompt: prompt.id, level: 'senior', status: state.status, answers: { sections: {} }, sheet: state, candidate, report };
}

describe('review last is your own last session (finding 9)', () => {
  it('passes over a newer peer interview you ran for someone else, and says so', async () => {
    writeFileSync(join(home, 'a.md'), '## Data\nLabels come from chargebacks.\n');
    const saved = await mlsd(['score', join(home, 'a.md'), '--prompt', 'fraud-detection', '--save'], () => new Date('2026-03-01T10:00:00Z'));
    expect(saved.code, saved.stderr).toBe(0);
    const own = /saved session (\w+)/.exec(saved.stderr)![1]!;
    await saveSession(join(home, 'sessions'), peerInterview('zzzzzzzzzzzz', 'Sam', '2026-03-02T10:00:00.000Z'));
    for (const args of [['review'], ['review', 'last']]) {
      const r = await mlsd(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Session ${own}`);
      expect(r.stderr).toContain('the latest, zzzzzzzzzzzz, is a peer interview you ran for Sam');
    }
    // By its id the interview is still there to review.
    expect((await mlsd(['review', 'zzzzzzzzzzzz'])).stdout).toContain('Peer interview');
  });

  it('counts a peer interview in which you were the candidate (--candidate me)', async () => {
    await saveSession(join(home, 'sessions'), peerInterview('zzzzzzzzzzzz', 'me', '2026-03-02T10:00:00.000Z'));
    const r = await mlsd(['review', 'last']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('peer interview you ran');
  });

  it('with only interviews you ran, says there is no session of yours and how to see theirs', async () => {
    await saveSession(join(home, 'sessions'), peerInterview('zzzzzzzzzzzz', 'Sam', '2026-03-02T10:00:00.000Z'));
    const r = await mlsd(['review']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no scored session of yours yet \(peer interviews you ran for others are theirs: review one by its id/);
  });

  it('--help and the README say so', async () => {
    expect((await mlsd(['review', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('A peer interview you ran for someone else is theirs');
  });
});

describe('the verdict line counts items covered after prompting (finding 9)', () => {
  const items = (covered: number, prompted: number, missed: number) =>
    [...Array<ItemResult['status']>(covered).fill('covered'), ...Array<ItemResult['status']>(prompted).fill('prompted'), ...Array<ItemResult['status']>(missed).fill('missed')].map((status) => ({ status }));
  it('names both counts when some needed prompting, one when none did', () => {
    expect(coveredCount(items(25, 10, 22))).toBe('25 covered and 10 after prompting, of 57 checklist items');
    expect(coveredCount(items(25, 0, 32))).toBe('25 of 57 checklist items covered');
    expect(coveredCount(items(1, 0, 0))).toBe('1 of 1 checklist item covered');
  });

  it('in a peer interview report with one covered and one after prompting', async () => {
    await saveSession(join(home, 'sessions'), peerInterview('zzzzzzzzzzzz', 'Sam', '2026-03-02T10:00:00.000Z'));
    const r = await mlsd(['review', 'zzzzzzzzzzzz']);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/· 1 covered and 1 after prompting, of \d+ checklist items/);
  });
});

describe('review and score say the same of a title above the stage sections (finding 9)', () => {
  it('no stage, scored as general text; stages without a section are not pointed at it', async () => {
    writeFileSync(join(home, 'a.md'), '# Card fraud detection\n\n## Data\nThe data is imbalanced, 0.1% fraud.\n\n## Evaluation\nWe use PR AUC.\n');
    const score = await mlsd(['score', join(home, 'a.md'), '--prompt', 'fraud-detection', '--save']);
    expect(score.stdout.replace(/\s+/g, ' ')).toContain('"Card fraud detection" → no stage (scored as general text)');
    const text = (await mlsd(['review', 'last'])).stdout;
    expect(text).toContain('Outside the stage sections');
    expect(text.replace(/\s+/g, ' ')).toContain('no stage (scored as general text): the answer was scored by its sections');
    expect(text).not.toMatch(/scored as a whole|see the answer above/);
    const md = (await mlsd(['review', 'last', '--format', 'md'])).stdout;
    expect(md).toContain('_No stage (scored as general text): the answer was scored by its sections');
    expect(md).not.toMatch(/scored as a whole|see the answer above/i);
  });

  it('an answer with no stage sections is still scored as a whole', async () => {
    writeFileSync(join(home, 'b.md'), 'Labels come from chargebacks. We use PR AUC.\n');
    await mlsd(['score', join(home, 'b.md'), '--prompt', 'fraud-detection', '--save']);
    const text = (await mlsd(['review', 'last'])).stdout;
    expect(text).toContain('scored as a whole: every stage looks for its points here');
    expect(text).toContain('(no section of its own; see the answer above)');
  });
});

describe('the recovery dump names the stage of the text being typed (finding 9)', () => {
  it('a stage answer and a follow-up answer being typed', () => {
    const record = interruptedPractice('m8p41aaaaaaa');
    const frame = { ...record, interview: { ...record.interview!, stage: 'frame' as const, phase: 'answer' as const, draft: 'A ranking problem.' } };
    expect(answersAsText(frame)).toContain('## frame (being typed)\nA ranking problem.');
    const followUp = { ...record, interview: { ...record.interview!, stage: 'data' as const, phase: 'follow-up' as const, draft: 'Clicks as labels.' } };
    expect(answersAsText(followUp)).toContain('## data (follow-up, being typed)\nClicks as labels.');
    expect(answersAsText(followUp)).not.toContain('## (being typed)');
  });
});

describe('a drill rating that could not be saved (finding 9)', () => {
  it('says so instead of naming a next review', () => {
    const lines = renderCardResult({ status: 'covered', depth: 'statement', matched: ['a/b test'] }, 'hint', 'easy', null, PLAIN_STYLE, 80).join('\n');
    expect(lines).toContain('rated easy; not saved');
    expect(lines).not.toContain('next review');
  });
});
