import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, writeHostilePack } from '../../helpers/hostile-pack.js';
import { runInProcess as runMlsd } from '../../helpers/in-process.js';

// Run in-process; tests/e2e/hostile.test.ts keeps what only a real process shows (its stderr filter, forced colour).
let home: string;
let dir: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-hostile-'));
  dir = join(home, 'pack');
  writeHostilePack(dir);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const flags = () => ['--prompts-dir', join(dir, 'prompts'), '--rubrics-dir', join(dir, 'rubrics')];

describe('hostile content never reaches the terminal', () => {
  it('prompts list, prompts show --full and rubrics show --full print no control characters', async () => {
    for (const args of [['prompts', 'list'], ['prompts', 'show', 'hostile', '--full'], ['rubrics', 'show', 'hostile-rubric', '--full'], ['rubrics', 'list']]) {
      const r = await runMlsd(home, [...flags(), ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(CONTROL);
      expect(r.stderr, args.join(' ')).not.toMatch(CONTROL);
    }
    const show = await runMlsd(home, [...flags(), 'prompts', 'show', 'hostile', '--full']);
    expect(show.stdout).toContain('Hostile prompt');
    expect(show.stdout).toContain('A billion users.FAKE LINE');
  });

  it("a teammate's session file with escapes in its answers and report reviews clean", async () => {
    const answer = join(home, 'answer.md');
    writeFileSync(answer, '# Model\nWe add calibration so the scores mean probabilities.\n');
    const saved = await runMlsd(home, [...flags(), 'score', answer, '--prompt', 'hostile', '--save', '--json']);
    const id = (JSON.parse(saved.stdout) as { session: string }).session;
    const file = join(home, 'sessions', `${id}.json`);
    const record = JSON.parse(readFileSync(file, 'utf8')) as { answers: { sections: Record<string, string> }; report: { title: string } };
    record.answers.sections.model = `We add calibration.\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J\rFAKE`;
    record.report.title = 'Title\u009b2J\u001b]0;pwned\u0007';
    writeFileSync(file, JSON.stringify(record));
    for (const format of ['text', 'md', 'json']) {
      const r = await runMlsd(home, [...flags(), 'review', id, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).not.toMatch(CONTROL);
      expect(r.stdout, format).toContain('We add calibration.FAKE');
    }
    expect((await runMlsd(home, [...flags(), 'history'])).stdout).not.toMatch(CONTROL);
  });

  it('validate warns about each control sequence with file:line:col', async () => {
    const r = await runMlsd(home, ['prompts', 'validate', dir]);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toMatch(/hostile\.yaml:2:8 title: contains an escape sequence \(OSC\).*\(warning\)/);
    expect(r.stdout).toMatch(/hostile\.yaml:10:13 clarifications\[0\]\.answer: contains an escape sequence \(CSI\)/);
    expect(r.stdout).toMatch(/hostile-rubric\.yaml:\d+:\d+ items\[0\]\.followUp: contains an escape sequence \(OSC\)/);
    expect(r.stdout).toMatch(/0 errors, 9 warnings/);
    const json = JSON.parse((await runMlsd(home, ['prompts', 'validate', dir, '--json'])).stdout) as { warnings: Array<{ path: string }> };
    expect(json.warnings.map((w) => w.path)).toContain('prompt');
  });

});
