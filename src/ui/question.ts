import { wrap } from './wrap.js';

/**
 * A question for an inquirer prompt on a terminal `width` columns wide. Inquirer breaks a line that is too
 * wide wherever the width ends ("? Press Enter to start the clo" / "ck"), so the question is wrapped at
 * spaces here first: its first line after inquirer's two-column "? " mark, the others two columns in (under
 * the text), each a column short of the edge, so the answer's cursor never wraps the last one. Leading spaces
 * (a sub-question) are kept. A question that fits is returned as it is.
 */
export function questionText(text: string, width: number): string {
  const lead = /^ */.exec(text)![0];
  if (2 + text.length < width) return text;
  const rows = wrap(text.slice(lead.length), width - 1, `  ${lead}`, ' '.repeat(2 + lead.length));
  return rows.map((row, i) => (i === 0 ? row.slice(2) : row)).join('\n');
}
