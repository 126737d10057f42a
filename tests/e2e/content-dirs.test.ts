import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

});
