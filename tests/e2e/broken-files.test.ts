import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, root, runMlsd } from '../helpers/cli.js';

const answer = join(root, 'tests', 'fixtures', 'e2e', 'answer.md');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-broken-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const mlsd = (args: string[], env?: Record<string, string | undefined>) => runMlsd(home, args, { env });

describe('FIFOs and devices among content and sessions (issue 13.3)', () => {

  it('score reads an answer from a pipe the user names (<(...)), and refuses a device', () => {
    const zero = mlsd(['score', '/dev/zero', '--prompt', 'ad-click-prediction']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('cannot read answers file /dev/zero: not a regular file (a character device)');
    const env = { ...process.env, MLSD_HOME: home, NO_COLOR: '1', ANSWER: answer, BIN: bin };
    const piped = execFileSync('bash', ['-c', 'node "$BIN" score <(cat "$ANSWER") --prompt ad-click-prediction'], { env, encoding: 'utf8' });
    expect(piped).toContain('Overall');
    const huge = runMlsd(home, ['score', '-', '--prompt', 'ad-click-prediction'], { input: 'word '.repeat(2_100_000) });
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('the answer on standard input is larger than 10 MB');
  });
});

describe('write errors are messages, not stack traces (issue 13.7)', () => {
  it('score --save where the data directory cannot be created prints the report, then the error, exit 1', () => {
    writeFileSync(join(home, 'file'), 'a regular file');
    const r = runMlsd(join(home, 'file', 'mlsd'), ['score', answer, '--prompt', 'ad-click-prediction', '--save']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Overall');
    // The part of the path in the way is named (it used to be "a part of the path is not a directory").
    expect(r.stderr).toMatch(/the report above was not saved: cannot write .*: .*\/file is a file, not a directory/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

});

describe('a home where mkdir answers ENOENT under a parent that exists (tryout 4)', () => {
  // Node's recursive mkdir loops forever there (a path under /proc): every command hung on its caches.
  it.skipIf(!existsSync('/proc/self'))('every command ends: --help, prompts list and history exit 0, score --save says it was not saved', () => {
    for (const args of [['--help'], ['prompts', 'list'], ['prompts', 'list'], ['history']]) {
      const r = runMlsd('/proc', args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const r = runMlsd('/proc', ['score', answer, '--prompt', 'ad-click-prediction', '--save'], { env: { MLSD_NO_CACHE: '1' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Overall');
    expect(r.stderr).toMatch(/the report above was not saved: cannot write \/proc\/sessions\/.*: no such file or directory/);
  });
});

