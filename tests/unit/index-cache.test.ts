import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeStats, emptyTotals, totalsOf } from '../../src/progress/stats.js';
import { checkFile } from '../../src/store/index-check.js';
import { indexFile, loadSummaries } from '../../src/store/index-cache.js';
import { INDEX_FORMAT, rowChecker } from '../../src/store/index-schema.js';
import { indexedSessionChecker } from '../../src/store/index-session-schema.js';
import { surelyIndexedSession } from '../../src/store/index-session-check.js';
import { stageBudgets } from '../../src/interview/budgets.js';
import type { InterviewState } from '../../src/interview/interview-machine.js';
import type { SessionRecord } from '../../src/store/session-record.js';
import { saveSession } from '../../src/store/session-files.js';
import { summarize, type ItemInfo } from '../../src/store/summary.js';
import { score } from '../helpers/rubric.js';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'mlsd-index-')), 'sessions');
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

const at = (id: string) => `2026-01-01T00:00:0${id.length % 10}.000Z`;
const record = (id: string, text: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  id, kind: 'score', createdAt: at(id), updatedAt: at(id), prompt: 'p', level: 'senior', status: 'finished',
  answers: { sections: { model: text } }, report: score({ sections: { model: text } }), ...extra,
});

const interview = (id: string, stageMs: InterviewState['stageMs']): InterviewState => ({
  schema: 1, id, promptId: 'p', level: 'senior', durationMs: 2_700_000, budgets: stageBudgets(45), createdAt: '2026-01-01T00:00:00.000Z',
  status: 'finished', usedMs: 1_500_000, stage: 'monitoring', phase: 'answer', clarify: [], answers: {}, followUps: [], pending: [],
  stageMs, draft: '', warned: [], clockAt: null,
});

/** Stage times as a finished interview has them: every stage reached, adding up to its 1_500_000 ms used. */
const DDDD_STAGES = { clarify: 250_000, frame: 200_000, data: 512_345, model: 300_000, evaluation: 100_000, serving: 100_000, monitoring: 37_655 };

/** The summaries as plain data (the index's are objects with getters). */
const plain = (list: Awaited<ReturnType<typeof loadSummaries>>['summaries']) =>
  list.map((s) => JSON.parse(JSON.stringify(s)) as unknown);

describe('the session index', () => {
  it('summarizes sessions and notices edits, new files and corrupt ones', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    await saveSession(dir, record('bb', 'We start with a logistic regression baseline.'));
    const first = await loadSummaries(dir);
    expect(first.summaries.map((s) => s.id)).toEqual(['bb', 'a']);
    expect(first.summaries.find((s) => s.id === 'a')!.notCovered.map((n) => n.id)).toContain('baseline');
    expect(first.items.baseline).toEqual({ label: 'baseline', hint: 'hint baseline' });

    await saveSession(dir, record('a', 'A logistic regression baseline first.'));
    writeFileSync(join(dir, 'zz.json'), '{ broken');
    const second = await loadSummaries(dir);
    expect(second.summaries.find((s) => s.id === 'a')!.notCovered.map((n) => n.id)).not.toContain('baseline');
    expect(second.problems).toEqual([{ file: join(dir, 'zz.json'), reason: 'corrupt JSON' }]);
    // A broken file is remembered, and still reported, without being read again.
    expect((await loadSummaries(dir)).problems).toEqual(second.problems);

    rmSync(indexFile(dir));
    rmSync(join(dir, 'zz.json'));
    const rebuilt = await loadSummaries(dir);
    expect(plain(rebuilt.summaries)).toEqual(plain(second.summaries));
    expect(rebuilt.problems).toEqual([]);
  });

  it('gives the same summaries as reading every session file', async () => {
    const records = [
      record('a', 'We use a neural network.'),
      record('bb', 'A logistic regression baseline, then gradient boosted trees.', { status: 'interrupted' }),
      record('ccc', 'Nothing relevant.', { report: undefined, status: 'active' }),
      record('dddd', 'A logistic regression baseline; we monitor drift.', { kind: 'practice', interview: interview('dddd', DDDD_STAGES) }),
      record('eeeee', 'We retrain weekly.', { kind: 'practice', interview: interview('eeeee', { clarify: 0, frame: 0, data: 0, model: 700_000, evaluation: 0, serving: 0, monitoring: 800_000 }) }),
    ];
    for (const r of records) await saveSession(dir, r);
    const info: ItemInfo = {};
    const direct = records.map((r) => summarize(r, info)).sort((x, y) => y.createdAt.localeCompare(x.createdAt));
    const loaded = await loadSummaries(dir);
    expect(plain(loaded.summaries)).toEqual(plain(direct));
    expect(loaded.items).toEqual(info);
    // Sessions of one rubric set share the list of its items.
    const byId = (id: string) => loaded.summaries.find((x) => x.id === id)!;
    expect(byId('a').itemIds).toBe(byId('bb').itemIds);
    expect(byId('a').itemIds).toBe(byId('dddd').itemIds);
    expect(byId('dddd').stageMs).toEqual(DDDD_STAGES);
    expect(byId('eeeee').budgets).toEqual(stageBudgets(45));
    expect(computeStats(loaded.summaries, loaded.items)).toEqual(computeStats(direct, info));
  });

  it('notices a session file truncated in place, though the directory did not change', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    await saveSession(dir, record('bb', 'A logistic regression baseline.'));
    expect((await loadSummaries(dir)).summaries).toHaveLength(2);
    const file = join(dir, 'a.json');
    const dirTime = statSync(dir).mtime;
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
    utimesSync(dir, dirTime, dirTime);
    const after = await loadSummaries(dir);
    expect(after.summaries.map((s) => s.id)).toEqual(['bb']);
    expect(after.problems).toEqual([{ file, reason: 'corrupt JSON' }]);
  });

  it('appends what changed instead of rewriting the index', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    await loadSummaries(dir);
    const before = readFileSync(indexFile(dir), 'utf8');
    await saveSession(dir, record('bb', 'A logistic regression baseline.'));
    await loadSummaries(dir);
    const after = readFileSync(indexFile(dir), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    // The new row, and a new seal (the SHA-256 of everything before it, and the stats totals).
    expect(after.split('\n').length - before.split('\n').length).toBe(2);
    rmSync(join(dir, 'a.json'));
    expect((await loadSummaries(dir)).summaries.map((s) => s.id)).toEqual(['bb']);
    expect(readFileSync(indexFile(dir), 'utf8')).toContain('{"gone":"a.json"}');
    expect((await loadSummaries(dir)).summaries.map((s) => s.id)).toEqual(['bb']);
  });

  it('rebuilds an index that is corrupt, cut short or of another format, never trusting it', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    await saveSession(dir, record('bb', 'A logistic regression baseline.'));
    const good = plain((await loadSummaries(dir)).summaries);
    const text = readFileSync(indexFile(dir), 'utf8');
    const lines = text.trimEnd().split('\n');
    const damaged = [
      // a row whose score is not a number
      [lines[0], ...lines.slice(1).map((l) => l.replace(/"finished",(\d+)/, '"finished","x"'))].join('\n') + '\n',
      // a line cut in half in the middle of the file
      [lines[0], lines[1]!.slice(0, 20), ...lines.slice(2)].join('\n') + '\n',
      // another format
      text.replace(`"format":${INDEX_FORMAT}`, `"format":${INDEX_FORMAT + 1}`),
      // a row pointing at an item set that does not exist
      text.replace(/"finished",(.*?),(\d+),"/, (m) => m.replace(/,(\d+),"$/, ',99,"')),
      'not json at all\n',
    ];
    for (const bad of damaged) {
      expect(bad).not.toBe(text);
      writeFileSync(indexFile(dir), bad);
      expect(plain((await loadSummaries(dir)).summaries)).toEqual(good);
      expect(readFileSync(indexFile(dir), 'utf8').split('\n')[0]).toBe(lines[0]);
    }
    // Half a line at the end (a crash while appending) loses only that line: its file is read again.
    writeFileSync(indexFile(dir), `${text}["bb.json",1,`);
    expect(plain((await loadSummaries(dir)).summaries)).toEqual(good);
  });

  it.skipIf(process.platform === 'win32')('skips a FIFO among the sessions with a warning instead of blocking on it', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.json')]).status).toBe(0);
    const loaded = await loadSummaries(dir);
    expect(loaded.summaries.map((s) => s.id)).toEqual(['a']);
    expect(loaded.problems).toEqual([{ file: join(dir, 'pipe.json'), reason: expect.stringContaining('not a regular file') }]);
  });

  it('is empty, not an error, when nothing was saved yet', async () => {
    expect(await loadSummaries(dir)).toEqual({ summaries: [], items: {}, problems: [], totals: emptyTotals(), scoredByPrompt: new Map(), prompts: new Set(), isoTimes: true });
  });

  it('keeps labels, hints and candidates in any script, stripped of terminal control', async () => {
    const base = record('a', 'We use a neural network.');
    const report = base.report!;
    const stages = report.stages.map((st, k) => k > 0 ? st : { ...st, items: st.items.map((item, j) => j > 0 ? item : { ...item, label: 'Café — naïve 基线 ✓', hint: 'tôt\u001b]0;pwned\u0007 ou tard \u202e' }) });
    const first = stages[0]!.items[0]!;
    await saveSession(dir, { ...base, report: { ...report, stages }, kind: 'interview', candidate: 'Zoë \u001b[2JØrsted', sheet: undefined });
    // A peer interview needs its sheet: without one the file is skipped, as the full schema skips it.
    expect((await loadSummaries(dir)).problems).toEqual([{ file: join(dir, 'a.json'), reason: expect.stringContaining("sheet: a peer interview needs the interviewer's sheet") }]);
    await saveSession(dir, { ...base, report: { ...report, stages }, candidate: 'Zoë \u001b[2JØrsted' });
    for (const loaded of [await loadSummaries(dir), await loadSummaries(dir)]) {
      expect(loaded.problems).toEqual([]);
      expect(loaded.summaries[0]!.candidate).toBe('Zoë Ørsted');
      expect(loaded.items[first.id]).toEqual({ label: 'Café — naïve 基线 ✓', hint: 'tôt ou tard ' });
    }
  });

  it('skips, with the reason, what the full session schema refuses in the fields it keeps', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    // The file as saved (format 2), changed one field at a time.
    const good = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as { report?: { stages: Array<Record<string, unknown>> } } & Record<string, unknown>;
    const cases: Array<[string, unknown, RegExp]> = [
      ['newer', { ...good, id: 'newer', schema: 99 }, /newer mlsd/],
      ['noanswers', { ...good, id: 'noanswers', answers: null }, /not a valid mlsd session \(answers: expected object/],
      ['badlevel', { ...good, id: 'badlevel', level: 'principal' }, /not a valid mlsd session \(level: expected "mid" or "senior" or "staff"/],
      ['badtime', { ...good, id: 'badtime', createdAt: 'yesterday' }, /createdAt: expected an ISO 8601 date/],
      ['baditem', { ...good, id: 'baditem', report: { ...good.report, stages: [{ ...good.report!.stages[0], items: [{ id: 'x' }] }] } }, /report\.stages\.0\.items\.0\.label/],
      ['other', { ...good, id: 'someone' }, /its id "someone" does not match its file name/],
      ['nointerview', { ...good, id: 'nointerview', kind: 'practice' }, /a practice session needs its log/],
      ['v1nointerview', { ...good, id: 'v1nointerview', schema: 1, kind: 'practice' }, /a practice session needs its interview/],
      ['badspans', { ...good, id: 'badspans', kind: 'practice', practice: { durationMs: 60_000, leftMs: 0, budgets: stageBudgets(1), stages: [{ stage: 'frame', startedAtMs: 0, endedAtMs: null }] } }, /practice\.stages\.0\.stage: expected "clarify"/],
    ];
    for (const [name, value] of cases) writeFileSync(join(dir, `${name}.json`), JSON.stringify(value));
    const loaded = await loadSummaries(dir);
    expect(loaded.summaries.map((s) => s.id)).toEqual(['a']);
    for (const [name, , reason] of cases) {
      expect(loaded.problems.find((p) => p.file === join(dir, `${name}.json`))?.reason, name).toMatch(reason);
    }
    // The schema compiled for many files (a first run) decides as the schema does for a few.
    const outcome = (count: number, value: unknown) => {
      const r = indexedSessionChecker(count).safeParse(value);
      return r.success ? r.data : r.error.issues.map((i) => [i.path, i.code]);
    };
    for (const [name, value] of [...cases, ['good', JSON.parse(JSON.stringify(good))] as const]) expect(outcome(1000, value), name).toEqual(outcome(1, value));
  });

  it('reads an index of several megabytes, with lines longer than a read and characters split between reads', async () => {
    // Rows of about 0.4, 1.2 and 0.8 MB (two bytes a character), so reads of 1 MB end inside lines and characters.
    const names = { a: 'ë'.repeat(200_001), bb: 'ø'.repeat(600_003), ccc: 'é'.repeat(400_002) };
    for (const [id, candidate] of Object.entries(names)) await saveSession(dir, record(id, 'We use a neural network.', { candidate }));
    const first = await loadSummaries(dir);
    expect(readFileSync(indexFile(dir)).length).toBeGreaterThan(2 * 1024 * 1024);
    const written = { text: readFileSync(indexFile(dir), 'utf8'), inode: statSync(indexFile(dir)).ino };
    const again = await loadSummaries(dir);
    expect(again.problems).toEqual([]);
    expect(Object.fromEntries(again.summaries.map((x) => [x.id, x.candidate]))).toEqual(names);
    expect(plain(again.summaries)).toEqual(plain(first.summaries));
    // The index was trusted as it was: not rebuilt (a new file), not appended to.
    expect({ text: readFileSync(indexFile(dir), 'utf8'), inode: statSync(indexFile(dir)).ino }).toEqual(written);
  });

  it('reads rows lazily from a sealed index, giving the same summaries and stats as reading every session file', async () => {
    const records = [
      record('a', 'We use a neural network.'),
      record('bb', 'A logistic regression baseline, then gradient boosted trees.', { status: 'interrupted' }),
      record('ccc', 'Nothing relevant.', { report: undefined, status: 'active' }),
      record('dddd', 'A logistic regression baseline; we monitor drift.', { kind: 'practice', interview: interview('dddd', DDDD_STAGES) }),
      record('eeeee', 'We retrain weekly.', { candidate: 'Sam' }),
    ];
    for (const r of records) await saveSession(dir, r);
    const info: ItemInfo = {};
    const direct = records.map((r) => summarize(r, info)).sort((x, y) => y.createdAt.localeCompare(x.createdAt));
    await loadSummaries(dir); // builds the index from the files
    const lazy = await loadSummaries(dir); // reads it back, sealed
    expect(plain(lazy.summaries)).toEqual(plain(direct));
    expect(lazy.items).toEqual(info);
    expect(lazy.totals).toEqual(totalsOf(direct));
    expect([...lazy.prompts]).toEqual(['p']);
    expect(lazy.isoTimes).toBe(true);
    expect(lazy.scoredByPrompt).toEqual(new Map([['p', direct.filter((d) => d.overall !== null).length]]));
    expect(computeStats(lazy.summaries, lazy.items)).toEqual(computeStats(direct, info));
  });

  it('keeps the stats totals in step as sessions are added, changed and deleted', async () => {
    for (const id of ['a', 'bb', 'ccc', 'dddd']) await saveSession(dir, record(id, id === 'bb' ? 'A logistic regression baseline.' : 'We use a neural network.'));
    await loadSummaries(dir);
    await saveSession(dir, record('a', 'A logistic regression baseline; we monitor drift and retrain.'));
    await saveSession(dir, record('eeeee', 'We retrain weekly.', { kind: 'practice', interview: interview('eeeee', { clarify: 0, frame: 0, data: 0, model: 700_000, evaluation: 0, serving: 0, monitoring: 800_000 }) }));
    rmSync(join(dir, 'ccc.json'));
    writeFileSync(join(dir, 'dddd.json'), '{ broken');
    for (const loaded of [await loadSummaries(dir), await loadSummaries(dir)]) {
      expect(loaded.summaries.map((x) => x.id)).toEqual(['eeeee', 'bb', 'a']);
      expect(loaded.totals).toEqual(totalsOf(loaded.summaries));
      expect(loaded.totals.exact).toBe(true);
    }
  });

  it('trusts only the part of the index its seal covers: a hand edit is rebuilt from the files, a torn append loses only what follows the seal', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    await saveSession(dir, record('bb', 'A logistic regression baseline.'));
    const good = plain((await loadSummaries(dir)).summaries);
    const text = readFileSync(indexFile(dir), 'utf8');
    // A row still valid by its schema, with another score: not what mlsd wrote, so not believed.
    const edited = text.replace(/"finished",(\d+),/, '"finished",99,');
    expect(edited).not.toBe(text);
    writeFileSync(indexFile(dir), edited);
    expect(plain((await loadSummaries(dir)).summaries)).toEqual(good);
    expect(readFileSync(indexFile(dir), 'utf8')).toBe(text);
    // Lines appended after the seal by a run that crashed, or by a second run at the same time.
    appendFileSync(indexFile(dir), '["zz.json",1,2,"zz","2026-01-01T00:00:00.000Z","p","senior","score","finished",100,');
    expect(plain((await loadSummaries(dir)).summaries)).toEqual(good);
    expect(readFileSync(indexFile(dir), 'utf8')).toBe(text);
    // A damaged check file is no check at all.
    writeFileSync(checkFile(dir), '{"seal":');
    expect(plain((await loadSummaries(dir)).summaries)).toEqual(good);
  });

  it('migrates an index of format 4 by checking its lines (as that format always was), without reading the session files again', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    await saveSession(dir, record('bb', 'A logistic regression baseline.'));
    const good = plain((await loadSummaries(dir)).summaries);
    const lines = readFileSync(indexFile(dir), 'utf8').trimEnd().split('\n');
    // Format 4: the same lines without a seal. One row's score differs from its file, so the test can
    // tell the rows were taken from the index, not read again from the files.
    const old = [lines[0]!.replace(`"format":${INDEX_FORMAT}`, '"format":4'), ...lines.slice(1, -1).map((l) => l.replace(/^(\["a\.json",.*?"finished",)\d+,/, '$199,'))];
    writeFileSync(indexFile(dir), `${old.join('\n')}\n`);
    const migrated = await loadSummaries(dir);
    expect(migrated.problems).toEqual([]);
    expect(plain(migrated.summaries)).toEqual(good.map((x) => ((x as { id: string }).id === 'a' ? { ...(x as object), overall: 99 } : x)));
    const written = readFileSync(indexFile(dir), 'utf8').split('\n');
    expect(written[0]).toBe(lines[0]);
    expect(written.at(-2)).toMatch(/^\{"seal":"[0-9a-f]{64}"/);
  });

  it('lists the directory whenever it changed: new and deleted files are noticed at once, whatever the size of the index', async () => {
    const options = { checkAll: 1, sweepRuns: 1000, recent: 0, now: () => Date.now() + 60_000 };
    for (const id of ['a', 'bb', 'ccc']) await saveSession(dir, record(id, 'We use a neural network.'));
    await loadSummaries(dir, options);
    expect((await loadSummaries(dir, options)).summaries).toHaveLength(3);
    // Listed long after the directory last changed: trusted next time, so the directory is not listed again.
    expect(JSON.parse(readFileSync(checkFile(dir), 'utf8'))).toMatchObject({ trusted: true });
    await saveSession(dir, record('dddd', 'A logistic regression baseline.'));
    rmSync(join(dir, 'a.json'));
    expect((await loadSummaries(dir, options)).summaries.map((x) => x.id)).toEqual(['dddd', 'ccc', 'bb']);
  });

  it('checks every file within sweepRuns runs: a file cut short in place is noticed though the directory did not change', async () => {
    const ids = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff'];
    for (const id of ids) await saveSession(dir, record(id, 'We use a neural network.'));
    const options = { checkAll: 2, sweepRuns: 3, recent: 0, now: () => Date.now() + 60_000 };
    await loadSummaries(dir, options);
    await loadSummaries(dir, options); // a check of its own from now on: two files a run
    const dirTime = statSync(dir).mtime;
    for (const id of ids) truncateSync(join(dir, `${id}.json`), 10);
    utimesSync(dir, dirTime, dirTime);
    const left: number[] = [];
    for (let run = 0; run < 3; run++) left.push((await loadSummaries(dir, options)).summaries.length);
    expect(left).toEqual([4, 2, 0]);
    // Every file cut short is reported, each run, from then on.
    expect((await loadSummaries(dir, options)).problems.map((p) => p.reason)).toEqual(ids.map(() => 'corrupt JSON'));
  });

  it('goes on checking from the file it stopped at when files before it were deleted, and still checks every file within sweepRuns runs', async () => {
    const ids = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg', 'hhhhhhhh'];
    for (const id of ids) await saveSession(dir, record(id, 'We use a neural network.'));
    const options = { checkAll: 2, sweepRuns: 3, recent: 1, now: () => Date.now() + 60_000 };
    await loadSummaries(dir, options);
    await loadSummaries(dir, options); // a check of its own from now on: three files a run, and the last row
    const stopped = (JSON.parse(readFileSync(checkFile(dir), 'utf8')) as { next: string }).next;
    expect(stopped).toBe('dddd.json'); // three files from the first, then this one next
    rmSync(join(dir, 'a.json'));
    rmSync(join(dir, 'bb.json'));
    expect((await loadSummaries(dir, options)).summaries).toHaveLength(6);
    // That run still counted the two rows deleted (their rows go after the check): ggggggg, the seventh, is next.
    expect(JSON.parse(readFileSync(checkFile(dir), 'utf8'))).toMatchObject({ next: 'ggggggg.json', at: 6 });
    const dirTime = statSync(dir).mtime;
    const left = ids.slice(2);
    for (const id of left) truncateSync(join(dir, `${id}.json`), 10);
    utimesSync(dir, dirTime, dirTime);
    const counts: number[] = [];
    const reported: string[][] = [];
    for (let run = 0; run < 3; run++) {
      const loaded = await loadSummaries(dir, options);
      counts.push(loaded.summaries.length);
      reported.push(loaded.problems.map((p) => p.file.slice(dir.length + 1)));
      // The first of these runs found ggggggg by name (now the fifth row, not the seventh) and checked two files from it.
      if (run === 0) expect(JSON.parse(readFileSync(checkFile(dir), 'utf8'))).toMatchObject({ next: 'ccc.json', at: 0 });
    }
    expect(counts.at(-1)).toBe(0);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    // Cut short files found are reported on every run from then on; by the last run, all of them.
    for (let run = 1; run < reported.length; run++) expect(reported[run]).toEqual(expect.arrayContaining(reported[run - 1]!));
    expect([...reported.at(-1)!].sort()).toEqual(left.map((id) => `${id}.json`));
  });

  it('checks the files of sessions in progress on every run, since mlsd rewrites them', async () => {
    const ids = ['a', 'bb', 'ccc', 'dddd'];
    for (const id of ids) await saveSession(dir, record(id, 'We use a neural network.', id === 'bb' ? { status: 'interrupted' } : {}));
    const options = { checkAll: 1, sweepRuns: 1000, recent: 0, now: () => Date.now() + 60_000 };
    await loadSummaries(dir, options);
    await loadSummaries(dir, options);
    await saveSession(dir, record('bb', 'A logistic regression baseline; we monitor drift.'));
    const bb = (await loadSummaries(dir, options)).summaries.find((x) => x.id === 'bb')!;
    expect(bb.status).toBe('finished');
    expect(bb.notCovered.map((n) => n.id)).not.toContain('baseline');
  });

  it('reads a new file without the schema only when the schema would accept it as it is', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    await saveSession(dir, record('bb', 'A baseline.', { kind: 'practice', interview: interview('bb', DDDD_STAGES) }));
    const files = ['a', 'bb'].map((id) => JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as unknown);
    const v1 = { ...(files[1] as object), schema: 1, interview: interview('bb', DDDD_STAGES), answers: { sections: {} } };
    const schema = indexedSessionChecker(1);
    const odd: unknown[] = [null, -1, 1.5, 'x', '', [], {}, true, '2026-02-30T00:00:00.000Z', '2026-01-01T00:00:00Z', 'constructor'];
    let accepted = 0;
    // Every field (to four levels down, the first element of arrays) replaced by each odd value, and removed.
    const variants = function* (value: unknown, depth: number): Generator<unknown> {
      if (depth === 0 || typeof value !== 'object' || value === null) return;
      const keys = Array.isArray(value) ? (value.length > 0 ? [0] : []) : Object.keys(value);
      for (const key of keys) {
        const child = (value as Record<string | number, unknown>)[key];
        const put = (v: unknown) => (Array.isArray(value) ? value.map((x, i) => (i === key ? v : x)) : { ...value, [key]: v });
        for (const v of odd) yield put(v);
        if (!Array.isArray(value)) {
          const { [key as string]: _, ...rest } = value as Record<string, unknown>;
          yield rest;
        }
        for (const v of variants(child, depth - 1)) yield put(v);
      }
    };
    for (const file of [...files, v1]) {
      expect(surelyIndexedSession(file)).toBe(true);
      for (const variant of variants(file, 5)) {
        if (!surelyIndexedSession(variant)) continue;
        accepted++;
        const r = schema.safeParse(variant);
        expect(r.success, JSON.stringify(variant).slice(0, 300)).toBe(true);
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('lists newest first when sessions reach the index out of time order', async () => {
    await saveSession(dir, record('ccc', 'We use a neural network.'));
    await loadSummaries(dir);
    await saveSession(dir, record('a', 'We use a neural network.')); // older than ccc, indexed after it
    await loadSummaries(dir);
    await saveSession(dir, record('dddd', 'We use a neural network.'));
    for (let run = 0; run < 2; run++) expect((await loadSummaries(dir)).summaries.map((x) => x.id)).toEqual(['dddd', 'ccc', 'a']);
    expect(readFileSync(indexFile(dir), 'utf8').trimEnd().split('\n').at(-1)).toContain('"sorted":false');
  });
});

