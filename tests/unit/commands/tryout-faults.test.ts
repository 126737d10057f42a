import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root } from '../../helpers/cli.js';
import { runInProcess } from '../../helpers/in-process.js';

// Faults a new-user tryout found (the cli helper's list), each run in-process through the Io seam.
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));
const mlsd = (args: string[], input?: string) => runInProcess(home, args, { input });

const PLAIN = 'We optimise click-through while keeping advertisers happy.\nLabels come from impression logs joined with clicks.\n';

describe('review shows an answer that is not split into stages (tryout 1)', () => {
  it('a plain-text answer from stdin appears in the text review, and no stage claims "(not answered)"', async () => {
    expect((await mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--save'], PLAIN)).code).toBe(0);
    const review = await mlsd(['review', 'last']);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toContain('Answer not split into stages');
    expect(review.stdout).toContain('impression logs joined with clicks');
    expect(review.stdout).not.toContain('(not answered)');
  });

  it('the Markdown review quotes the intro under a document title', async () => {
    writeFileSync(join(home, 'a.md'), '# My design\n\nAn intro paragraph about serving latency budgets.\n\n## Evaluation\n\nAUC and log loss offline.\n');
    expect((await mlsd(['score', join(home, 'a.md'), '--prompt', 'ad-click-prediction', '--save'])).code).toBe(0);
    const review = await mlsd(['review', 'last', '--format', 'md']);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toContain('## Answer not split into stages');
    expect(review.stdout).toMatch(/^> An intro paragraph about serving latency budgets\.$/m);
    expect(review.stdout).toMatch(/^> AUC and log loss offline\.$/m);
  });
});

describe('a prompt naming an unknown rubric is really skipped (tryout 2)', () => {
  const badPrompt = () => {
    const dir = join(home, 'prompts');
    mkdirSync(dir);
    const text = readFileSync(join(root, 'prompts', 'ad-click-prediction.yaml'), 'utf8').replace(/^id: .*$/m, 'id: norubric').replace(/^rubrics: .*$/m, 'rubrics: [nope-rubric]');
    writeFileSync(join(dir, 'norubric.yaml'), text);
    return dir;
  };

  it('prompts list warns and leaves it out; score refuses it with exit 2; validate still reports it', async () => {
    const dir = badPrompt();
    const list = await mlsd(['--prompts-dir', dir, 'prompts', 'list']);
    expect(list.code).toBe(0);
    expect(list.stderr).toContain('skipped');
    expect(list.stderr).toContain('unknown rubric "nope-rubric"');
    expect(list.stdout).not.toMatch(/^norubric\b/m);
    const score = await mlsd(['--prompts-dir', dir, 'score', '-', '--prompt', 'norubric'], PLAIN);
    expect(score.code).toBe(2);
    expect(score.stdout).toBe('');
    const validate = await mlsd(['--prompts-dir', dir, 'prompts', 'validate', join(dir, 'norubric.yaml')]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('unknown rubric "nope-rubric"');
  });
});
