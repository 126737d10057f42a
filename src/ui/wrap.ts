/** Word-wraps text to a width, indenting every line; long words are left whole. */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of words) {
    if (!empty && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

// Terminal escape sequences take no columns.
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)));
}

/** A horizontal bar for a 0-100 value. */
export function bar(value: number, width: number): { filled: string; empty: string } {
  const n = Math.max(0, Math.min(width, Math.round((value / 100) * width)));
  return { filled: '█'.repeat(n), empty: '░'.repeat(width - n) };
}

/**
 * Lines made to fit `width` columns: a line wider than that is word-wrapped, its continuation indented
 * two columns past the line's own leading spaces; lines that fit are returned as they are. The safety
 * net of the text views, so that no line runs past an 80-column terminal. A word longer than a whole line
 * (a long file path) is cut where the line ends; with `cutLongWords` false it is left whole on a line of its
 * own, for messages whose paths should stay one piece to copy (the terminal folds it, and joins it again when
 * it is copied).
 */
export function fitWidth(lines: readonly string[], width: number, cutLongWords = true): string[] {
  return lines.flatMap((line) => {
    if (visibleLength(line) <= width) return [line];
    const lead = /^ */.exec(line)![0];
    const parts = wrap(line.slice(lead.length), width, `${lead}  `, lead);
    return cutLongWords ? parts.flatMap((part) => (visibleLength(part) <= width ? [part] : cutColumns(part, width, `${lead}  `))) : parts;
  });
}

/** A line cut into pieces of at most `width` columns, escape sequences kept whole and not counted; the pieces after the first start with `indent`. */
function cutColumns(line: string, width: number, indent: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let columns = 0;
  for (const token of line.match(/\u001b\[[0-9;]*m|[^\u001b]|\u001b/gu) ?? []) {
    const visible = !token.startsWith('\u001b');
    if (visible && columns >= width) {
      pieces.push(piece);
      piece = indent;
      columns = indent.length;
    }
    piece += token;
    if (visible) columns++;
  }
  if (piece.trim()) pieces.push(piece);
  return pieces;
}

/**
 * `text` word-wrapped to `width` after a `head` kept exactly as it is (its spacing and styles): the first
 * line is head + the words that fit, the others start with `indent`. ["  ✓ ", "A long label (said under
 * data)"] at 30 gives ["  ✓ A long label (said under", "      data)"] with indent six spaces.
 */
export function wrapAfter(head: string, text: string, width: number, indent: string): string[] {
  const headWidth = visibleLength(head);
  const lines = wrap(text, width, indent, ' '.repeat(headWidth));
  if (lines.length === 0) return [head];
  return lines.map((line, i) => (i === 0 ? head + line.slice(headWidth) : line));
}

/**
 * A message for a terminal of `width` columns: each of its lines wrapped at spaces (a word is never cut),
 * keeping that line's own leading spaces, and continued under `indent` plus them. Lines with no space
 * to break at stay as they are. Returns the text with newlines, no trailing newline.
 */
export function wrapMessage(text: string, width: number, indent = '  '): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const lead = /^ */.exec(line)![0];
      const rows = wrap(line, width, indent + lead, lead);
      return rows.length > 0 ? rows : [line];
    })
    .join('\n');
}

// A line that starts a block of its own: a list item, a heading, a quote, a table row, a fence, indented code.
const BLOCK_START = /^(?:\s*(?:[-*+]|\d+[.)])\s|#{1,6}\s|>|\||```|~~~| {4}|\t)/;

/**
 * An answer's lines with hard line breaks inside a paragraph joined (what an editor wrapped at its own
 * width), so the text can be re-wrapped to the screen without ragged lines. Blank lines, list items,
 * headings, quotes, table rows and indented code keep their breaks; lines inside a ``` fence are kept
 * as they are. Pure.
 */
export function joinParagraphLines(text: string): string[] {
  const out: string[] = [];
  let fenced = false;
  let joinable = false;
  for (const line of text.split('\n')) {
    const fence = /^\s*(?:```|~~~)/.test(line);
    if (fenced || fence) {
      out.push(line);
      if (fence) fenced = !fenced;
      joinable = false;
      continue;
    }
    if (!line.trim()) {
      out.push('');
      joinable = false;
      continue;
    }
    const block = BLOCK_START.test(line);
    if (joinable && !block) out[out.length - 1] = `${out[out.length - 1]!.trimEnd()} ${line.trim()}`;
    else out.push(line);
    // A list item's continuation lines join it; a heading or table row stands alone.
    joinable = !/^(?:#{1,6}\s|\||>| {4}|\t)/.test(line);
  }
  return out;
}
