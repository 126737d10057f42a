import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess as runMlsd } from '../../helpers/in-process.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-dirs-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('content directories that are not directories (issue 13.14)', () => {

  it('a pack in MLSD_PROMPTS_PATH that is missing is an error too', async () => {
    const r = await runMlsd(home, ['prompts', 'list'], { env: { MLSD_PROMPTS_PATH: join(home, 'gone') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(home, 'gone')} (in MLSD_PROMPTS_PATH): cannot read prompt directory: no such directory`);
  });

  it('a prompts entry in the config directory that is a file is said, not silently ignored', async () => {
    writeFileSync(join(home, 'prompts'), 'not a directory');
    mkdirSync(join(home, 'rubrics'));
    const r = await runMlsd(home, ['prompts', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: skipped ${join(home, 'prompts')}:1:1 cannot read prompt directory: not a directory`);
    expect(r.stdout).toContain('ad-click-prediction');
  });

  it('an existing empty --prompts-dir is fine', async () => {
    mkdirSync(join(home, 'empty'));
    const r = await runMlsd(home, ['--prompts-dir', join(home, 'empty'), 'prompts', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
