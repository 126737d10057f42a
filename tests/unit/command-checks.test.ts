import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/commands/command-io.js';
import { reviewArgumentProblem } from '../../src/option-parsers.js';

// Commands run in-process through the Io seam (issue 14.4 and the new-user tryout): every check of an
// option, an argument or an output file comes before anything runs, exits 2 and says what to do.
const root = new URL('../..', import.meta.url).pathname;
const answer = join(root, 'tests', 'fixtures', 'e2e', 'answer.md');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-checks-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function run(argv: string[], env: Record<string, string> = {}, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: { write: (s: string) => (out.stdout += s), isTTY: false },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
    env: { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', ...env },
    now: () => new Date('2026-03-01T12:00:00Z'),
    random: Math.random,
  };
  const code = await main(argv, io, async () => stdin);
  return { code, ...out };
}

async function saved(): Promise<string> {
  const r = await run(['score', answer, '--prompt', 'ad-click-prediction', '--save', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { session: string }).session;
}

describe('option and argument checks come before "needs a terminal"', () => {
  it.each([
    [['practice', '--tag', 'zzz'], /no prompt has the tag "zzz"\. Tags: .*recsys/],
    [['practice', 'ad-clik-prediction'], /unknown prompt "ad-clik-prediction"\. Did you mean "ad-click-prediction"\?/],
    [['practice', 'ad-click-prediction', '--tag', 'recsys'], /give a prompt id or --tag, not both/],
    [['interview', '--tag', 'zzz'], /no prompt has the tag "zzz"/],
    [['interview', 'nope'], /unknown prompt "nope"/],
    [['history', '--limit', 'abc'], /option '-n, --limit <n>' argument 'abc' is invalid\. Expected a whole number from 1/],
    [['history', '-n', '-3'], /option '-n, --limit <n>' argument '-3' is invalid/],
    [['history', '-n', '0'], /argument '0' is invalid/],
    [['interview', '--duration', 'abc'], /option '-d, --duration <minutes>' argument 'abc' is invalid/],
    [['interview', '--level', 'x'], /argument 'x' is invalid\. Allowed choices are mid, senior, staff/],
    [['review', '--format', 'pdf'], /option '-f, --format <format>' argument 'pdf' is invalid/],
    [['score', answer, '--prompt', 'ad-click-prediction', '--format', 'docx'], /argument 'docx' is invalid/],
    [['practice', '--duration', '1e3'], /option '-d, --duration <minutes>' argument '1e3' is invalid/],
    [['drill', '--limit', '0'], /option '-n, --limit <n>' argument '0' is invalid/],
    [['review', '--compare', 'only-one'], /--compare takes two session ids \(got 1\)/],
    [['review', '--force'], /--force only applies with --out <file>/],
    [['schema', 'frob'], /value 'frob' is invalid for argument 'kind'\. Allowed choices are prompt, rubric/],
    [['stats', '--limit', '3'], /unknown option '--limit'/],
    [['interview', 'ad-click-prediction', '--answers', '/'], /--answers \/ is not a file/],
    [['prompts', 'new', '--out', '/no/such/dir/p.yaml'], /--out \/no\/such\/dir\/p\.yaml: the directory \/no\/such\/dir does not exist; create it first/],
    [['rubrics', 'new', '--out', '/tmp'], /--out \/tmp is a directory; name a file in it, e\.g\. --out \/tmp\/rubric\.yaml/],
  ])('%j exits 2 with the reason', async (argv, message) => {
    const r = await run(argv);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/needs a terminal/);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a valid practice still asks for a terminal (in a pipe)', async () => {
    const r = await run(['practice', '--tag', 'recsys']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
  });
});

describe('review --compare', () => {
  it('refuses a session compared with itself, by the same id or two prefixes of it', async () => {
    const id = await saved();
    const same = await run(['review', '--compare', id, id]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain(`--compare needs two different sessions; both are "${id}"`);
    const prefixes = await run(['review', '--compare', id.slice(0, 6), id]);
    expect(prefixes.code).toBe(2);
    expect(prefixes.stderr).toContain(`are both ${id}`);
  });

  it('refuses a positional id it would ignore, and a wrong number of ids', async () => {
    const extra = await run(['review', 'abc', '--compare', 'one', 'two']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('--compare takes both session ids itself; "abc" would be ignored');
    const three = await run(['review', '--compare', 'a', 'b', 'c']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('--compare takes two session ids (got 3)');
  });

  it('reviewArgumentProblem accepts what is fine', () => {
    expect(reviewArgumentProblem(undefined, { compare: ['a', 'b'] })).toBeNull();
    expect(reviewArgumentProblem('a', {})).toBeNull();
    expect(reviewArgumentProblem(undefined, { out: 'f.md', force: true })).toBeNull();
    expect(reviewArgumentProblem(undefined, { force: true })).toMatch(/--force only applies with --out/);
  });
});

describe('review --out FILE', () => {
  it('refuses to replace an existing file unless --force, and leaves it as it was', async () => {
    await saved();
    const file = join(home, 'notes.md');
    writeFileSync(file, 'my own notes\n');
    const r = await run(['review', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out ${file} already exists; add --force to replace it`);
    expect(readFileSync(file, 'utf8')).toBe('my own notes\n');
    const forced = await run(['review', '--out', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Ad click prediction/);
  });

  it('says a missing directory is missing instead of creating it', async () => {
    await saved();
    const file = join(home, 'no', 'such', 'notes.md');
    const r = await run(['review', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the directory ${join(home, 'no', 'such')} does not exist; create it first`);
    expect(existsSync(join(home, 'no'))).toBe(false);
  });

  it('says a directory is a directory (exit 2)', async () => {
    await saved();
    mkdirSync(join(home, 'out'));
    const r = await run(['review', 'last', '--out', join(home, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out ${join(home, 'out')} is a directory; name a file in it`);
  });

  it.each(['text.txt', 'notes.md'])('with FORCE_COLOR=1 writes %s without escape codes, and --compare too', async (name) => {
    const id = await saved();
    const second = await saved();
    const file = join(home, name);
    const r = await run(['review', id, '--out', file], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain('\u001b');
    const compared = join(home, `compare-${name}`);
    expect((await run(['review', '--compare', id, second, '--out', compared], { NO_COLOR: '', FORCE_COLOR: '1' })).code).toBe(0);
    expect(readFileSync(compared, 'utf8')).not.toContain('\u001b');
    // The terminal does get colour when forced: the files are plain by choice, not by accident.
    expect((await run(['review', id], { NO_COLOR: '', FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
  });
});

describe('review without an id is the last scored session', () => {
  it('says when a newer unfinished session was passed over, and how to see it', async () => {
    const id = await saved();
    const sessions = join(home, 'sessions');
    const record = JSON.parse(readFileSync(join(sessions, `${id}.json`), 'utf8')) as Record<string, unknown>;
    const newer = 'zzzzzzzzzzzz';
    writeFileSync(join(sessions, `${newer}.json`), JSON.stringify({ ...record, id: newer, createdAt: '2026-03-02T12:00:00.000Z', updatedAt: '2026-03-02T12:00:00.000Z', status: 'interrupted', report: undefined }));
    const r = await run(['review']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Session ${id}`);
    expect(r.stderr).toContain(`note: showing the last scored session; the latest, ${newer}, is interrupted: \`mlsd review ${newer}\` shows it`);
  });

  it('--help states the rule', async () => {
    const r = await run(['review', '--help']);
    expect(r.stdout).toMatch(/Without a session id, or with "last", review shows your last scored session/);
  });
});

describe('score refuses a file that is not text', () => {
  it('NUL bytes (a binary file): exit 2, says so', async () => {
    const file = join(home, 'image.md');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const r = await run(['score', file, '--prompt', 'ad-click-prediction']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read answers file ${file}: it is not text: it holds NUL bytes`);
    expect(r.stdout).toBe('');
  });

  it('bytes that are not UTF-8 (Latin-1): exit 2, says so', async () => {
    const file = join(home, 'latin1.txt');
    writeFileSync(file, Buffer.from('A caf\xe9 baseline with logistic regression', 'latin1'));
    const r = await run(['score', file, '--prompt', 'ad-click-prediction']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is not UTF-8 text');
  });

  it('UTF-8 text with accents is fine', async () => {
    const file = join(home, 'fine.md');
    writeFileSync(file, '# Model\nA café-sized baseline: logistic regression first, then gradient-boosted trees.\n');
    const r = await run(['score', file, '--prompt', 'ad-click-prediction', '--json']);
    expect(r.code, r.stderr).toBe(0);
  });
});
