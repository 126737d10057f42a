import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_PROMPT, CONTROL, writeHostilePack } from '../helpers/hostile-pack.js';
import { runMlsd } from '../helpers/cli.js';

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

  it('even with colours forced on, only colour sequences remain', () => {
    const r = runMlsd(home, [...flags(), 'prompts', 'show', 'hostile', '--full'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\u001b\[1m/);
    expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(CONTROL);
  });

  it('the score report and a saved review carry none of it either', () => {
    const answer = join(home, 'answer.md');
    writeFileSync(answer, `# Model\nWe add calibration so the scores mean probabilities.\u001b]0;evil\u0007 Done.\r\n`);
    const r = runMlsd(home, [...flags(), 'score', answer, '--prompt', 'hostile', '--save']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    const review = runMlsd(home, [...flags(), 'review', '--format', 'md']);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).not.toMatch(CONTROL);
    expect(review.stdout).toContain('calibration');
  });

  it('file names and unknown field names in warnings are stripped too', () => {
    writeFileSync(join(dir, 'prompts', 'evil\u001b]0;x\u0007.yaml'), 'id: evil\n');
    writeFileSync(join(dir, 'prompts', 'keys.yaml'), HOSTILE_PROMPT.replace('id: hostile', 'id: keys').replace('tags:', `"bad\\e]52;c;eA==\\a": 1\ntags:`));
    const list = runMlsd(home, [...flags(), 'prompts', 'list']);
    expect(list.stderr).toContain('warning: skipped');
    expect(list.stderr).not.toMatch(CONTROL);
    const validate = runMlsd(home, ['prompts', 'validate', dir]);
    expect(validate.stdout).toContain('unknown field "bad');
    expect(validate.stdout).not.toMatch(CONTROL);
  });
});
