import { Help } from 'commander';
import { wrap } from './wrap.js';

/**
 * Help that fits a narrow terminal. Commander wraps help to its width only where a description column
 * has at least `minWidthToWrap` (40) columns; narrower, it prints descriptions whole and the terminal cuts
 * them mid-word ("conti" / "nue an interrupted…"). Here an option or command whose description column
 * would be narrower than MIN_DESCRIPTION gets its description on the lines below it, indented and wrapped
 * at spaces; lines still too wide (the usage line) are word-wrapped. A word longer than a line overflows.
 */

/** Narrowest description column beside the options and commands; narrower, descriptions go below. */
export const MIN_DESCRIPTION = 24;

/** Indent of a description placed below its option or command (2 of the item, 4 more). */
const BELOW = '      ';

/** Help configuration for commander's `configureHelp`: the layout above, at `helpWidth` (commander's). */
export const narrowHelp: Partial<Help> = {
  minWidthToWrap: 20,
  formatItem(term: string, termWidth: number, description: string, helper: Help): string {
    const width = helper.helpWidth ?? 80;
    if (!description || width - termWidth - 4 >= MIN_DESCRIPTION) return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
    return [`  ${term}`, ...wrap(description, width, BELOW)].join('\n');
  },
  formatHelp(cmd, helper: Help): string {
    return fitHelpText(Help.prototype.formatHelp.call(helper, cmd, helper), helper.helpWidth ?? 80);
  },
};

/**
 * `text` made to fit `width` columns, at spaces. A paragraph (lines not indented, up to a blank or an
 * indented line) with a line too wide is reflowed as one (the usage line continues two columns in). An indented line too wide is wrapped on its
 * own: a row of a table (a term, two spaces or more, a description) keeps its description column when
 * that leaves MIN_DESCRIPTION columns, else its description goes below the term, four columns in; other
 * lines (examples) continue two columns past their indent. Lines that fit are kept; a word longer than a
 * line overflows. `width` undefined (not a terminal): the text as it is.
 */
export function fitHelpText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line !== '' && !line.startsWith(' ')) {
      let end = i;
      while (end < lines.length && lines[end] !== '' && !lines[end]!.startsWith(' ')) end++;
      const paragraph = lines.slice(i, end);
      // The usage line continues two columns in, under its command.
      out.push(...(paragraph.some((l) => l.length > width) ? wrap(paragraph.join(' '), width, paragraph[0]!.startsWith('Usage: ') ? '  ' : '') : paragraph));
      i = end;
      continue;
    }
    out.push(...(line.length <= width ? [line] : fitIndented(line, width)));
    i++;
  }
  return out.join('\n');
}

function fitIndented(line: string, width: number): string[] {
  const lead = /^ */.exec(line)![0];
  const row = /^( *)(\S+(?: \S+)*?) {2,}(?=\S)/.exec(line);
  if (!row) return wrap(line.slice(lead.length), width, `${lead}  `, lead);
  const description = line.slice(row[0].length);
  if (width - row[0].length >= MIN_DESCRIPTION) return wrap(description, width, ' '.repeat(row[0].length), row[0]);
  return [...wrap(row[2]!, width, `${lead}  `, lead), ...wrap(description, width, `${lead}    `)];
}
