import { createPrompt, isBackspaceKey, isEnterKey, useEffect, useRef, useState, useKeypress } from '@inquirer/core';
import { formatClock } from '../interview/budgets.js';
import type { Style } from './style.js';

/**
 * The answer box: typed lines with a live clock that keeps ticking while the user types. In
 * `line` mode Enter submits one line (clarifying questions); in `multi` mode Enter on an empty line
 * submits (press Enter twice), and Backspace at the start of a line joins it to the previous one.
 * The prompt ends on its own when the session's time runs out, keeping what was typed.
 */

export interface AnswerConfig {
  label: string;
  mode: 'line' | 'multi';
  style: Style;
  now: () => number;
  /** When the session ends (ms since epoch, on the `now` clock). */
  deadline: number;
  /** When the stage's budget ends; past it the stage clock shows overtime. */
  stageDeadline: number;
  /** Text already typed before (a resumed draft). */
  initial?: string;
  /** Called with the whole text after every keypress, for autosave. */
  onDraft?: (text: string) => void;
  hint: string;
}

export interface AnswerResult {
  text: string;
  timedOut: boolean;
}

export const answerPrompt = createPrompt<AnswerResult, AnswerConfig>((config, done) => {
  const { style } = config;
  const initialLines = (config.initial ?? '').split('\n');
  const [lines, setLines] = useState<string[]>(initialLines.slice(0, -1));
  const [current, setCurrent] = useState<string>(initialLines.at(-1) ?? '');
  const [finished, setFinished] = useState(false);
  const [, setTick] = useState(0);
  const text = useRef('');
  text.current = [...lines, current].join('\n');

  useEffect((rl) => {
    if (current) rl.write(current);
    const timer = setInterval(() => {
      if (config.now() >= config.deadline) {
        clearInterval(timer);
        setFinished(true);
        done({ text: text.current, timedOut: true });
        return;
      }
      setTick((t) => t + 1);
    }, 1000);
    return () => clearInterval(timer);
  }, []);

  useKeypress((key, rl) => {
    if (finished) return;
    if (isEnterKey(key)) {
      if (config.mode === 'line') {
        setFinished(true);
        done({ text: current, timedOut: false });
        return;
      }
      if (current.trim() === '') {
        const typed = lines.some((l) => l.trim() !== '');
        // Enter on an empty line submits what was typed; with nothing typed, a second one skips.
        if (typed || lines.length > 0) {
          const all = [...lines];
          while (all.length > 0 && all.at(-1)!.trim() === '') all.pop();
          setFinished(true);
          done({ text: all.join('\n'), timedOut: false });
        } else {
          setLines(['']);
        }
        return;
      }
      setLines([...lines, current]);
      setCurrent('');
      config.onDraft?.([...lines, current, ''].join('\n'));
      return;
    }
    if (isBackspaceKey(key) && current === '' && rl.line === '' && lines.length > 0) {
      const previous = lines.at(-1)!;
      setLines(lines.slice(0, -1));
      setCurrent(previous);
      rl.write(previous);
      return;
    }
    setCurrent(rl.line);
    config.onDraft?.([...lines, rl.line].join('\n'));
  });

  const now = config.now();
  const left = config.deadline - now;
  const stageLeft = config.stageDeadline - now;
  const clock = `⏱ ${formatClock(Math.max(0, left))} left`;
  const stageClock = stageLeft >= 0 ? `stage ${formatClock(stageLeft)}` : style.yellow(`stage over by ${formatClock(-stageLeft)}`);
  const clockColor = left <= 60_000 ? style.red : left <= 5 * 60_000 ? style.yellow : style.dim;
  const header = `${style.bold(config.label)}  ${clockColor(clock)} ${style.dim('·')} ${stageClock}`;
  if (finished) {
    // Leave what was said on screen, shortened, so the transcript reads like a conversation.
    const said = [...lines, current].filter((l) => l.trim());
    const shown = said.slice(0, 3).map((l) => `${style.dim('│')} ${l}`);
    if (said.length > 3) shown.push(style.dim(`│ … ${said.length - 3} more line(s)`));
    return `${header}\n${shown.length > 0 ? shown.join('\n') : style.dim('│ (nothing)')}`;
  }
  const body = [...lines.map((l) => `${style.dim('│')} ${l}`), `${style.dim('│')} ${current}`];
  return [`${header}\n${body.join('\n')}`, style.dim(config.hint)];
});
