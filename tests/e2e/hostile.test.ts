import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMlsd } from '../helpers/cli.js';

// Content written to attack the terminal: YAML's "\e" is ESC, "\a" is BEL, "\r" a carriage return.
const CLIPBOARD = String.raw`\e]52;c;cm0gLXJmIH4=\a`; // OSC 52: set the clipboard to "rm -rf ~"
const TITLE = String.raw`\e]0;pwned\a`; // retitle the window
const CLEAR = String.raw`\e[2J\e[H\e[?1049h`; // clear, home, alternate screen

const HOSTILE_PROMPT = `id: hostile
title: "Hostile${CLIPBOARD} prompt"
prompt: "Design a feed.${TITLE}${CLEAR}"
tags: [test]
difficulty: easy
rubrics: [hostile-rubric]
clarifications:
  - topic: scale
    patterns: [scale, how many users]
    answer: "A billion users.${CLEAR}\\rFAKE LINE"
outline:
  clarify: ["Ask${TITLE} for the goal."]
  frame: [Predict a click.]
  data: [Clicks are labels.]
  model: [A baseline first.]
  evaluation: [Log loss and an A/B test.]
  serving: [Online prediction.]
  monitoring: [Watch for drift.]
`;

const HOSTILE_RUBRIC = `id: hostile-rubric
title: "Rubric${TITLE}"
items:
  - id: hostile-item
    stage: model
    label: "Label${CLIPBOARD}"
    weight: 3
    phrases: [calibration]
    why: "Because${CLEAR}"
    hint: "Hint${TITLE}"
    followUp: "How would you calibrate?${CLIPBOARD}"
`;

let home: string;
let dir: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-hostile-'));
  dir = join(home, 'pack');
  mkdirSync(join(dir, 'prompts'), { recursive: true });
  mkdirSync(join(dir, 'rubrics'), { recursive: true });
  writeFileSync(join(dir, 'prompts', 'hostile.yaml'), HOSTILE_PROMPT);
  writeFileSync(join(dir, 'rubrics', 'hostile-rubric.yaml'), HOSTILE_RUBRIC);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
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
