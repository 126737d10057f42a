import type { Prompt } from '../content/schema.js';
import { stageBudgets } from '../interview/budgets.js';
import type { CandidateLevel } from '../scoring/report.js';
import { STAGES } from '../stages.js';
import { formatClock } from '../text/clock-format.js';
import { headerLines } from './heading.js';
import type { Style } from './style.js';
import { fitWidth, wrap } from './wrap.js';
import { plural } from '../text/plural.js';

/**
 * The text `mlsd practice` prints around the live session: the opening (prompt, stage budgets, how it
 * works), the line of a resumed session, and the time used after the report. `width` in columns.
 */

/** What the opening shows about the session about to start. */
export interface OpeningView {
  prompt: Prompt;
  level: CandidateLevel;
  /** Minutes. */
  duration: number;
  sessionId: string;
  /** Answers are written in $VISUAL / $EDITOR rather than the answer box. */
  editor: boolean;
  /** A dumb terminal (TERM=dumb): answers are typed line by line rather than in the answer box. */
  plain?: boolean;
}

/** The opening of a practice session, before the clock starts. */
export function renderOpening(view: OpeningView, style: Style, width: number): string[] {
  const w = Math.min(width, 100);
  const budgets = stageBudgets(view.duration);
  const bullet = (text: string) => wrap(text, w, '    ', '  • ');
  return fitWidth(
    [
      ...headerLines(`Mock interview · ${view.prompt.title}`, `level ${view.level}  ·  ${plural(view.duration, 'minute')}  ·  session ${view.sessionId}`, w, style),
      '',
      ...wrap(`Interviewer: “${view.prompt.prompt}”`, w, '  ').map(style.cyan),
      '',
      style.bold('Stages and time budgets'),
      ...STAGES.map((s, i) => `  ${i + 1}. ${s.title.padEnd(30)}${formatClock(budgets[s.id])}`),
      '',
      style.bold('How it works'),
      ...bullet('First, clarify: ask one question per line and the interviewer answers what they know (paste several lines to ask several questions). State assumptions the same way. Enter on an empty line moves on.'),
      ...bullet(
        view.editor
          ? 'Then each stage in turn: your $VISUAL / $EDITOR opens on a file with the question at the top; save and close it to submit. A graphical editor needs its wait flag (code --wait).'
          : view.plain
            ? 'Then each stage in turn: type your answer line by line (this terminal, TERM=dumb, edits each line itself); an empty line after it submits. A pasted answer keeps its blank lines: press Enter on an empty line after it.'
            : 'Then each stage in turn: type or paste your answer in the box. Enter starts a new line; Enter on an empty last line (Enter twice) or Ctrl-D submits. Pasting never submits.',
      ),
      ...(view.editor || view.plain
        ? []
        : bullet("Keys: ↑ ↓ ← → move through the lines, Home/End (Ctrl-A/Ctrl-E) go to the line's start and end, PgUp/PgDn scroll, Backspace at a line's start joins it to the line above, Ctrl-W/Ctrl-U/Ctrl-K delete a word, to the start, to the end.")),
      ...bullet('When an important point is missing, the interviewer asks a follow-up (at most two per stage); answering it earns partial credit.'),
      ...bullet(`The clock keeps running while you type; warnings appear ${view.plain ? 'as lines of their own' : 'in the box'} when a stage runs over and at 5 and 1 minutes left. At zero the interview ends, what you typed is kept, and stages not reached score zero.`),
      ...bullet('Ctrl-C asks whether to quit (the clock keeps running while it asks). Your text is saved as you type; a quit session continues with `mlsd resume`.'),
      '',
    ],
    width,
  );
}

/** The first line of a resumed session, followed by a blank line. */
export function renderResuming(sessionId: string, promptTitle: string, style: Style, width: number): string[] {
  return fitWidth([`${style.bold(`Resuming ${sessionId}`)}: ${promptTitle}`, ''], width);
}

/** After the report: the time used of the time given (milliseconds), and the session id when it was saved. */
export function renderTimeUsed(usedMs: number, durationMs: number, savedAs: string | null, style: Style, width: number): string[] {
  return wrap(`Time used ${formatClock(usedMs)} of ${formatClock(durationMs)}.${savedAs ? ` Saved as session ${savedAs}.` : ''}`, Math.min(width, 100)).map(style.dim);
}
