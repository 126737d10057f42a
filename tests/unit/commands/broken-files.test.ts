import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root } from '../../helpers/cli.js';
import { runInProcess } from '../../helpers/in-process.js';

const answer = join(root, 'tests', 'fixtures', 'e2e', 'answer.md');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-broken-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const mlsd = (args: string[], env?: Record<string, string | undefined>) => runInProcess(home, args, { env });

async function savedSession(): Promise<{ id: string; record: Record<string, unknown> }> {
  const r = await mlsd(['score', answer, '--prompt', 'ad-click-prediction', '--save', '--json']);
  expect(r.code, r.stderr).toBe(0);
  const id = (JSON.parse(r.stdout) as { session: string }).session;
  return { id, record: JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8')) as Record<string, unknown> };
}

describe('broken session files of the right shape (issue 13.8)', () => {
  it('history, stats and review skip each with a warning naming it, and never crash', async () => {
    const { id, record } = await savedSession();
    const plant = (name: string, change: Record<string, unknown>) => writeFileSync(join(home, 'sessions', `${name}.json`), JSON.stringify({ ...record, id: name, ...change }));
    plant('emptyreport', { report: {} });
    plant('nullanswers', { answers: null });
    plant('nointerview', { kind: 'practice' });
    plant('badtime', { createdAt: 'not a date' });
    plant('hostile', { prompt: 'x\u001b]0;pwned\u0007' });
    for (const args of [['history'], ['stats'], ['review'], ['review', '--format', 'md']]) {
      const r = await mlsd(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr, args.join(' ')).not.toMatch(/TypeError|at .*\.js:\d+/);
      for (const name of ['emptyreport', 'nullanswers', 'nointerview', 'badtime', 'hostile']) {
        expect(r.stderr, `${args.join(' ')} ${name}`).toMatch(new RegExp(`warning: skipped .*${name}\\.json: not a valid mlsd session`));
      }
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect((await mlsd(['history'])).stdout).toContain(id);
    expect((await mlsd(['history'])).stdout).not.toContain('NaN');
    const review = await mlsd(['review', 'badtime']);
    expect(review.code).toBe(2);
    // Its file is there but damaged: said so, not "no session" (tryout 3).
    expect(review.stderr).toMatch(/session "badtime" cannot be read: its file .*badtime\.json is damaged \(not a valid mlsd session/);
  });

  it('a session whose id is a path is skipped, and nothing outside the sessions directory is written', async () => {
    const { record } = await savedSession();
    writeFileSync(join(home, 'sessions', 'planted.json'), JSON.stringify({ ...record, id: '../../victim' }));
    const r = await mlsd(['history']);
    expect(r.stderr).toMatch(/skipped .*planted\.json: not a valid mlsd session \(id: expected a session id/);
    expect(readdirSync(home).sort()).toEqual(['cache', 'sessions', 'sessions.index.check', 'sessions.index.jsonl'].sort());
  });

  it('an unreadable sessions directory is an error (exit 2), not "No sessions yet"', async () => {
    writeFileSync(join(home, 'sessions'), 'not a directory');
    for (const args of [['history'], ['stats'], ['review']]) {
      const r = await mlsd(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/mlsd: .*sessions: cannot read the sessions directory: it is not a directory/);
      expect(r.stdout).not.toContain('No sessions yet');
    }
  });
});

describe('FIFOs and devices among content and sessions (issue 13.3)', () => {
  it('every command finishes and names the file it skipped', async () => {
    const prompts = join(home, 'prompts');
    mkdirSync(prompts, { recursive: true });
    execFileSync('mkfifo', [join(prompts, 'fifo.yaml')]);
    symlinkSync('/dev/zero', join(prompts, 'zero.yaml'));
    await savedSession();
    execFileSync('mkfifo', [join(home, 'sessions', 'fifo.json')]);
    const list = await mlsd(['prompts', 'list']);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/skipped .*fifo\.yaml:1:1 cannot read: not a regular file \(a FIFO\)/);
    expect(list.stderr).toMatch(/skipped .*zero\.yaml:1:1 cannot read: not a regular file \(a character device\)/);
    const history = await mlsd(['history']);
    expect(history.code).toBe(0);
    expect(history.stderr).toMatch(/skipped .*fifo\.json: not a regular file \(a FIFO\)/);
  });

  it('a FIFO in place of any file mlsd keeps for itself (index, its check, caches, deck) is never waited on (tryout 3)', async () => {
    const { id } = await savedSession();
    for (const kept of ['sessions.index.jsonl', 'sessions.index.check', 'drill.json', join('cache', 'content.json'), join('cache', 'compiled', 'ad-click-prediction.json')]) {
      rmSync(join(home, kept), { force: true });
      mkdirSync(dirname(join(home, kept)), { recursive: true });
      execFileSync('mkfifo', [join(home, kept)]);
    }
    for (const args of [['history'], ['stats'], ['review', id], ['score', answer, '--prompt', 'ad-click-prediction'], ['history', '--json']]) {
      const r = await mlsd(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect((await mlsd(['history', '--json'])).stdout).toContain(id);
  });

});

describe('the session index in odd places (tryout 4)', () => {
  it('a symbolic link in the index place is replaced, never appended through', async () => {
    await savedSession();
    expect((await mlsd(['history'])).code).toBe(0);
    const index = join(home, 'sessions.index.jsonl');
    const elsewhere = join(home, 'elsewhere.jsonl');
    renameSync(index, elsewhere);
    symlinkSync(elsewhere, index);
    const before = readFileSync(elsewhere, 'utf8');
    const { id } = await savedSession();
    const history = await mlsd(['history', '--json']);
    expect(history.code).toBe(0);
    expect(history.stdout).toContain(id);
    expect(readFileSync(elsewhere, 'utf8')).toBe(before);
    expect(lstatSync(index).isFile()).toBe(true);
  });

  it('a directory in the index place is named on every run instead of a silent rebuild each time', async () => {
    const { id } = await savedSession();
    mkdirSync(join(home, 'sessions.index.jsonl'));
    for (let run = 0; run < 2; run++) {
      const r = await mlsd(['history']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(id.slice(0, 8));
      expect(r.stderr).toMatch(/sessions\.index\.jsonl: not a regular file, so the session index cannot be kept/);
    }
  });
});

describe('write errors are messages, not stack traces (issue 13.7)', () => {

  it('review --out pointing at a directory says so', async () => {
    await savedSession();
    mkdirSync(join(home, 'notes'));
    const r = await mlsd(['review', '--out', join(home, 'notes')]);
    // Checked before anything runs (new-user tryout): a usage error, exit 2, that says what to do.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mlsd: --out .*notes is a directory; name a file in it/);
    expect(readdirSync(join(home, 'notes'))).toEqual([]);
  });
});
