import type { Mark } from '../interview/peer-sheet.js';
import type { ItemStatus } from '../scoring/report.js';

/**
 * The marks every view puts before a checklist item, in one place so a report, a drill answer, a
 * Markdown export and the interviewer's sheet never disagree: symbols for the terminal (readable
 * without colour), emoji for Markdown.
 */

/** An item's status in a terminal report and a drill answer. */
export const ITEM_MARK: Readonly<Record<ItemStatus, string>> = { covered: '✓', prompted: '~', missed: '✗', negated: '⊘' };

/** An interviewer's mark on the live sheet (½: covered after prompting, half credit). */
export const PEER_MARK: Readonly<Record<Mark, string>> = { covered: '✓', prompted: '½', wrong: '✗' };

/** An item's status in Markdown. */
export const MARKDOWN_MARK: Readonly<Record<ItemStatus, string>> = { covered: '✅', prompted: '🟡', negated: '⛔', missed: '❌' };

/** An interviewer's mark in Markdown, as the status it stands for (wrong is ruled out); no mark is missed. */
export function markdownPeerMark(mark: Mark | undefined): string {
  return MARKDOWN_MARK[mark === 'wrong' ? 'negated' : (mark ?? 'missed')];
}
