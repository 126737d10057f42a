import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A content pack written to attack the terminal, shared by the in-process and the spawned hostile-content
 * tests: YAML's "\e" is ESC, "\a" is BEL, "\r" a carriage return.
 */
export const CLIPBOARD = String.raw`\e]52;c;cm0gLXJmIH4=\a`; // OSC 52: set the clipboard to "rm -rf ~"
export const TITLE = String.raw`\e]0;pwned\a`; // retitle the window
export const CLEAR = String.raw`\e[2J\e[H\e[?1049h`; // clear, home, alternate screen

export const HOSTILE_PROMPT = `id: hostile
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

export const HOSTILE_RUBRIC = `id: hostile-rubric
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

/** Writes the hostile prompt and rubric under `dir` (prompts/ and rubrics/); returns the flags that load them. */
export function writeHostilePack(dir: string): string[] {
  mkdirSync(join(dir, 'prompts'), { recursive: true });
  mkdirSync(join(dir, 'rubrics'), { recursive: true });
  writeFileSync(join(dir, 'prompts', 'hostile.yaml'), HOSTILE_PROMPT);
  writeFileSync(join(dir, 'rubrics', 'hostile-rubric.yaml'), HOSTILE_RUBRIC);
  return ['--prompts-dir', join(dir, 'prompts'), '--rubrics-dir', join(dir, 'rubrics')];
}

/** A control character other than tab and newline (C0, DEL, C1). */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
