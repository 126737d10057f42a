import { formatClock } from '../text/clock-format.js';
import type { BoxClock } from './answer-box-types.js';

/**
 * The words of an answer box's clock, for the box (answer-prompt.ts) and the plain input of a dumb
 * terminal (plain-input.ts). An interview has two clocks, the interview's and the stage's; a drill card has
 * one (its own time, as the drill shows "Card 2 of 5"), so it is never called a stage.
 */

/** Whose time the box shows: a practice interview's (and its stage's), or one drill card's. */
export type BoxTimer = 'interview' | 'card';

/** The clock's parts: `left` ("9:59 left", "2:59 left for this card"), and `stage` with whether it is over its budget. */
export function clockWords(clock: BoxClock, timer: BoxTimer = 'interview'): { left: string; stage: { text: string; over: boolean } | null } {
  const left = `${formatClock(Math.max(0, clock.leftMs))} left`;
  if (timer === 'card') return { left: `${left} for this card`, stage: null };
  const over = clock.stageLeftMs < 0;
  return { left, stage: { text: over ? `stage over by ${formatClock(-clock.stageLeftMs)}` : `stage ${formatClock(clock.stageLeftMs)}`, over } };
}
