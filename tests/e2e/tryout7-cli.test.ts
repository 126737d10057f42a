import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMlsd } from '../helpers/cli.js';

// CLI faults from new-user tryout 7 (second session), each run on the built CLI.
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout7-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('a Markdown answer scored with --format yaml', () => {
  it('gives a few syntax errors, one line for the rest, and says to leave out --format yaml', () => {
    const file = join(home, 'answer.md');
    const lines = ['# Fraud', '', '## Framing', 'Binary classification: P(fraud | payment): calibrated.'];
    for (let i = 0; i < 30; i++) lines.push(`- Feature ${i}: count: per card [1h`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = runMlsd(home, ['score', file, '--prompt', 'fraud-detection', '--format', 'yaml']);
    expect(r.code).toBe(2);
    const details = r.stderr.trimEnd().split('\n').slice(1);
    expect(details.length).toBeLessThanOrEqual(6);
    expect(r.stderr).toMatch(/and \d+ more YAML syntax errors/);
    expect(r.stderr).toContain('leave out --format yaml');
    expect(r.stderr).not.toMatch(/at line \d+, column \d+/);
  });
});
