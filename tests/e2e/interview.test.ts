import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { bin, closeAll, fixtures, runInTerminal, words, type Terminal } from './pty.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-interview-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });

interface Saved {
  kind: string;
  status: string;
  candidate?: string;
  sheet: { marks: Record<string, { mark: string; stage: string; note?: string }>; flags: Record<string, { note?: string }>; facts: Array<{ topic: string | null }>; notes: Record<string, string>; stageMs: Record<string, number>; usedMs: number };
  report?: { overall: number; redFlags: Array<{ id: string }> };
}

function saved(): Saved {
  // Session files only: a live interview also holds its lock (<id>.lock) beside its file.
  const files = readdirSync(join(home, 'sessions')).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(home, 'sessions', files[0]!), 'utf8')) as Saved;
}

/** Presses a key and waits until the screen shows what it should have changed. */
async function key(t: Terminal, data: string, expected: RegExp, from: number): Promise<number> {
  t.write(data);
  return t.waitFor(expected, { from });
}

describe('mlsd interview in a terminal', () => {
  it('briefs, marks three stages, gives a fact, flags a mistake, warns of overtime, pauses, resumes and reports', async () => {
    const answers = join(home, 'notes.md');
    writeFileSync(answers, '## Clarify\nWhat is the business goal?\n\n## Data\nClicks are positive labels and impressions without a click are negatives.\n');
    const t = runInTerminal(['interview', 'mini-ads', '--duration', '3', '--candidate', 'Sam', '--answers', answers, ...pack], env());
    let at = await t.waitFor(/Read this out, word for word/, { timeout: 30_000 });
    at = await t.waitFor(words('Design click prediction for the ads in our feed.'), { from: at });
    at = await t.waitFor(/Facts to give only when asked/, { from: at });
    at = await key(t, '\r', /1\/7 Clarify requirements/, at);

    // Clarify: the heaviest item is the business objective.
    at = await key(t, 'c', /✓ Business objective\s+covered/, at);
    at = await key(t, 'f', /They ask:/, at);
    t.write('how many daily active users');
    at = await key(t, '\r', words('Read out: About 300 million daily active users.'), at);
    // The clarify budget at 3 minutes is 20 seconds: the sheet says when it is over.
    at = await t.waitFor(words('Clarify requirements is past its 0:20 budget'), { from: at, timeout: 60_000 });

    // Data: a mark, a prompted mark and a red flag with a note.
    at = await key(t, '3', /3\/7 Data and features/, at);
    at = await key(t, 'c', /✓ Label definition\s+covered/, at);
    t.write('j');
    at = await key(t, 'p', /½ Feature engineering\s+after prompting/, at);
    t.write('\u001b[F'); // End: the last row, a red flag
    at = await key(t, 'w', /What they said \(optional\):/, at);
    t.write('rebalanced to 50/50');
    at = await key(t, '\r', /heard: rebalanced to 50\/50/, at);

    // Ctrl-C pauses and saves; q quits, resumable.
    at = await key(t, '\u0003', /Paused; everything is saved/, at);
    t.write('q');
    expect(await t.exited).toBe(130);
    expect(t.output()).toMatch(/Continue with: mlsd resume \w+/);
    const paused = saved();
    expect(paused).toMatchObject({ kind: 'interview', status: 'interrupted', candidate: 'Sam' });
    expect(paused.sheet.marks['business-objective']!.mark).toBe('covered');
    expect(paused.sheet.marks.features!.mark).toBe('prompted');

    const r = runInTerminal(['resume', ...pack], env());
    let at2 = await r.waitFor(/Any key starts the clock/, { timeout: 30_000 });
    at2 = await key(r, ' ', /↑↓ move/, at2);
    // Model: the heaviest item, marked, then one undone by pressing its mark again.
    at2 = await key(r, '4', /4\/7 Model development/, at2);
    at2 = await key(r, 'c', /✓ Concrete model choice\s+covered/, at2);
    r.write('j');
    at2 = await key(r, 'c', /✓ Simple baseline first\s+covered/, at2);
    at2 = await key(r, 'c', /· Simple baseline first/, at2);
    at2 = await key(r, 'n', /Note on Model development:/, at2);
    r.write('named trees first');
    at2 = await key(r, '\r', /Note: named trees first/, at2);
    at2 = await key(r, 'e', /End the interview now/, at2);
    r.write('y');
    await r.waitFor(/Peer interview: Sam, level senior/, { from: at2 });
    await r.waitFor(/Marks against the automatic score/, { from: at2 });
    expect(await r.exited).toBe(0);
    const out = r.output().slice(at2);
    expect(out).toMatch(/Overall\s+\d+\/100/);
    expect(out).toContain("Interviewer's notes");
    // End went to the data stage's last red flag: whichever it is, the report names it with the note as evidence.
    expect(out).toMatch(/Aggregate features computed over the whole log/);

    const done = saved();
    expect(done.status).toBe('finished');
    expect(Object.fromEntries(Object.entries(done.sheet.marks).map(([id, m]) => [id, m.mark]))).toEqual({
      'business-objective': 'covered',
      labels: 'covered',
      features: 'prompted',
      'model-choice': 'covered',
    });
    expect(done.sheet.flags['full-log-aggregates']!.note).toBe('rebalanced to 50/50');
    expect(done.sheet.facts.map((f) => f.topic)).toEqual(['scale']);
    expect(done.sheet.notes.model).toBe('named trees first');
    expect(done.sheet.stageMs.clarify).toBeGreaterThan(20_000);
    expect(done.report!.overall).toBeGreaterThan(0);
    expect(done.report!.redFlags.map((f) => f.id)).toContain('full-log-aggregates');

    // An interview run for someone else is theirs: `review` with no id passes over it (tryout 11); by its id it is there.
    const id = readdirSync(join(home, 'sessions')).find((f) => f.endsWith('.json'))!.replace(/\.json$/, '');
    const md = await runInProcess(home, ['review', id, '--format', 'md', ...pack], { env: { FORCE_COLOR: '0' } });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('· Sam · level senior · peer interview');
    expect(md.stdout).toContain('✅ **Business objective** (covered)');
    expect(md.stdout).toContain('🟡 **Feature engineering** (after prompting)');
    expect(md.stdout).toContain('**Model development:** named trees first');
    expect(md.stdout).toContain('“how many daily active users” → About 300 million daily active users.');
    expect(md.stdout).toContain('### Marks against the automatic score');

    const history = await runInProcess(home, ['history']);
    expect(history.stdout).toContain('interview (Sam)');
  }, 240_000);

  it('keeps every mark when the terminal is closed, and resumes it', async () => {
    const t = runInTerminal(['interview', 'mini-ads', ...pack], env());
    let at = await t.waitFor(/Enter start the clock/, { timeout: 30_000 });
    at = await key(t, '\r', /1\/7 Clarify requirements/, at);
    at = await key(t, 'c', /✓ Business objective\s+covered/, at);
    t.write('j');
    await key(t, 'w', /What was wrong/, at);
    t.write('assumed a billion users\r');
    // The mark is on disk before the terminal goes.
    await expect.poll(() => saved().sheet.marks.scale?.note, { timeout: 15_000 }).toBe('assumed a billion users');
    closeAll(); // the terminal closes: SIGHUP
    await expect.poll(() => saved().status, { timeout: 15_000 }).toBe('interrupted');
    expect(Object.keys(saved().sheet.marks)).toEqual(['business-objective', 'scale']);

    const r = runInTerminal(['resume', ...pack], env());
    await r.waitFor(/Any key starts the clock/, { timeout: 30_000 });
    await r.waitFor(/✗ Scale of users, items and traffic\s+wrong: assumed a billion users/);
    r.write('q');
    expect(await r.exited).toBe(130);
  }, 120_000);

  it('needs a terminal, and says what to use instead', () => {
    const result = spawnSync(process.execPath, [bin, 'interview', 'mini-ads', ...pack], { env: { ...process.env, ...env() }, encoding: 'utf8', input: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('mlsd interview is interactive and needs a terminal');
  });
});
