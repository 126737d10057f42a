import { stripControl } from '../text/sanitize.js';

/**
 * The one place the interviewer's sheet makes text from files and from typing safe for one
 * terminal line: the shared sanitiser removes terminal control, then tabs and newlines become
 * spaces and invisible direction or zero-width marks go (they would shift the sheet's columns).
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as it may be shown in one terminal line. */
export function clean(text: string): string {
  return stripControl(text).replace(/[\t\n\r]+/g, ' ').replace(INVISIBLE, '');
}
