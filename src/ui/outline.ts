import type { Prompt } from '../content/schema.js';
import { formatClock } from '../text/clock-format.js';
import type { InterviewState } from '../interview/interview-machine.js';
import { STAGES } from '../stages.js';
import type { Style } from './style.js';
import { wrap } from './wrap.js';

/** The reference outline, stage by stage, beside the time the candidate spent on each. */
export function renderOutline(prompt: Prompt, state: Pick<InterviewState, 'budgets' | 'stageMs'> | null, style: Style, width: number): string[] {
  const w = Math.min(width, 100);
  const out = [style.bold(`Reference outline: ${prompt.title}`)];
  for (const stage of STAGES) {
    let timing = '';
    if (state) {
      const used = state.stageMs[stage.id] ?? 0;
      const budget = state.budgets[stage.id];
      const text = `${formatClock(used)} of ${formatClock(budget)}`;
      timing = used > budget ? style.yellow(`  ${text} (over)`) : style.dim(`  ${text}`);
    }
    out.push('', `${style.bold(stage.title)}${timing}`);
    for (const point of prompt.outline[stage.id]) out.push(...wrap(point, w, '    ', '  - '));
  }
  return out;
}
