import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMlsd } from '../helpers/cli.js';
import { closeAll } from './pty.js';

// CLI faults the last session's tryouts left (issues stops, "Left"), each run on the built CLI (in a
// pseudo-terminal where the fault needs one).
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout6-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const mlsd = (args: string[], env: Record<string, string | undefined> = {}) => runMlsd(home, args, { env });

describe('odd help forms', () => {
  it('"prompts list help" is the help of prompts list, as "prompts list --help" is (it was "too many arguments")', () => {
    const flag = mlsd(['prompts', 'list', '--help']);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/^Usage: mlsd prompts list /);
    expect(mlsd(['prompts', 'list', 'help'])).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
  });

  it('"help --nosuch" is a usage error naming the option, exit 2 (it was the main help, exit 0)', () => {
    const r = mlsd(['help', '--nosuch']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown option '--nosuch'/);
  });

  it('"prompts --help nosuch" is an unknown command of prompts, exit 2 (it was the prompts help, exit 0)', () => {
    const r = mlsd(['prompts', '--help', 'nosuch']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command 'nosuch' for 'mlsd prompts' \(its commands: list, show, new, validate, help\)/);
  });
});
