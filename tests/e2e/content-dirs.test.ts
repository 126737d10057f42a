import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMlsd } from '../helpers/cli.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-dirs-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('content directories that are not directories (issue 13.14)', () => {
  it('--prompts-dir or --rubrics-dir naming a missing path or a file is an error (exit 2)', () => {
    writeFileSync(join(home, 'a-file'), 'x');
    for (const [flag, path, reason] of [
      ['--prompts-dir', join(home, 'missing'), 'no such directory'],
      ['--prompts-dir', join(home, 'a-file'), 'not a directory'],
      ['--rubrics-dir', join(home, 'missing'), 'no such directory'],
    ] as const) {
      const r = runMlsd(home, [flag, path, 'prompts', 'list']);
      expect(r.code, `${flag} ${path}`).toBe(2);
      expect(r.stderr).toContain(`mlsd: ${path}: cannot read ${flag === '--prompts-dir' ? 'prompt' : 'rubric'} directory: ${reason}`);
      expect(r.stdout).toBe('');
    }
  });

  it('a pack in MLSD_PROMPTS_PATH that is missing is an error too', () => {
    const r = runMlsd(home, ['prompts', 'list'], { env: { MLSD_PROMPTS_PATH: join(home, 'gone') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(home, 'gone')} (in MLSD_PROMPTS_PATH): cannot read prompt directory: no such directory`);
  });

  it('a prompts entry in the config directory that is a file is said, not silently ignored', () => {
    writeFileSync(join(home, 'prompts'), 'not a directory');
    mkdirSync(join(home, 'rubrics'));
    const r = runMlsd(home, ['prompts', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: skipped ${join(home, 'prompts')}:1:1 cannot read prompt directory: not a directory`);
    expect(r.stdout).toContain('ad-click-prediction');
  });

  it('an existing empty --prompts-dir is fine', () => {
    mkdirSync(join(home, 'empty'));
    const r = runMlsd(home, ['--prompts-dir', join(home, 'empty'), 'prompts', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
