import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMlsd } from '../helpers/cli.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-faults-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

// The other small faults are tested in-process (tests/unit/commands/small-faults.test.ts); this one needs a
// process started in another working directory.
describe('small faults (issue 13.15)', () => {
  it('prompts validate <file> inside the prompt directory lists each error once', () => {
    mkdirSync(join(home, 'prompts'));
    writeFileSync(join(home, 'prompts', 'broken.yaml'), 'id: broken\ntitle: Broken\ndifficulty: impossible\n');
    const r = runMlsd(home, ['prompts', 'validate', 'prompts/broken.yaml'], { cwd: home });
    expect(r.code).toBe(1);
    const difficulty = r.stdout.split('\n').filter((l) => l.includes('difficulty'));
    expect(difficulty).toHaveLength(1);
    expect(difficulty[0]).toMatch(/^prompts\/broken\.yaml:3:13 difficulty: /);
    const absolute = runMlsd(home, ['prompts', 'validate', join(home, 'prompts', 'broken.yaml')]);
    expect(absolute.stdout.split('\n').filter((l) => l.includes('difficulty'))).toHaveLength(1);
    expect(absolute.stdout).toContain('1 file checked (1 prompt, 0 rubrics): 4 errors');
  });
});
