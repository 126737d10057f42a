import { stripControl } from '../text/sanitize.js';
import { ITEM_MARK } from './status-marks.js';
import type { ItemResult } from '../scoring/report.js';
import type { Style } from './style.js';
import { fitWidth, wrap } from './wrap.js';

/**
 * The lines of `mlsd drill` around each answer box: the card (its item, the prompt, the interviewer's
 * follow-up), then the verdict on the answer, the hint and when the card comes back. `width` in columns.
 */

/** What a card shows before the answer: `index` counts from 1. */
export interface CardView {
  index: number;
  total: number;
  label: string;
  promptTitle: string;
  promptText: string;
  followUp: string;
  /** The prompt the item was last missed in, when it is no longer installed and the card is asked in another. */
  missedIn?: string;
}

/** The card: a blank line, "Card i of n · label · prompt", the prompt (dim) and the follow-up (cyan). */
export function renderCard(card: CardView, style: Style, width: number): string[] {
  const w = Math.min(width, 100);
  return fitWidth(
    [
      '',
      `${style.bold(`Card ${card.index} of ${card.total} · ${card.label}`)}${style.dim(`  ·  ${card.promptTitle}`)}`,
      ...(card.missedIn ? wrap(`(missed in ${card.missedIn}, which is no longer installed: asked here instead)`, w, '  ', '  ').map(style.dim) : []),
      ...wrap(`Prompt: “${card.promptText}”`, w, '  ', '').map(style.dim),
      ...wrap(`Interviewer: ${card.followUp}`, w, '  ').map(style.cyan),
    ],
    width,
  );
}

/**
 * After an answer: what was graded (`answer`, whole: the box above shows its lines cut to one row each),
 * covered (with the phrases heard) or not, the hint, the rating and the next review (UTC); `nextDue` null:
 * the rating could not be saved, and the line says so instead of naming a review that will not happen.
 */
export function renderCardResult(result: Pick<ItemResult, 'status' | 'depth' | 'matched'>, hint: string, rating: string, nextDue: Date | null, style: Style, width: number, answer = ''): string[] {
  const w = Math.min(width, 100);
  const said = stripControl(answer).split('\n').map((line) => line.trim()).filter(Boolean);
  const graded = said.length > 0 ? said.flatMap((line, i) => wrap(line, w, '  ', i === 0 ? 'graded: ' : '  ')).map(style.dim) : [];
  const verdict =
    result.status === 'covered'
      ? `${style.green(`${ITEM_MARK.covered} covered`)}${result.depth === 'mention' ? style.yellow(' (only listed: say why)') : ''}: ${result.matched.join(', ')}`
      : style.red(result.status === 'negated' ? `${ITEM_MARK.negated} you ruled it out` : `${ITEM_MARK.missed} not yet`);
  return fitWidth(
    [...graded, verdict, ...wrap(`hint: ${hint}`, w, '  ', '').map(style.cyan), nextDue ? style.dim(`  rated ${rating}; next review ${nextDue.toISOString().slice(0, 16).replace('T', ' ')} UTC`) : style.yellow(`  rated ${rating}; not saved (the deck could not be written), so not rescheduled`)],
    width,
  );
}

/** A card no installed prompt can ask: the prompt it was missed in (`promptId`) is gone and no other holds the item. */
export function renderSkippedCard(itemId: string, promptId: string, style: Style): string {
  return style.dim(`Skipping ${itemId}: its prompt ${promptId} is no longer installed and no installed prompt has this item.`);
}
