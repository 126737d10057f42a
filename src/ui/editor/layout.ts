import { moveTo, type TextBuffer } from './buffer.js';
import { codePointWidth, displayWidth, isNarrow } from './width.js';

/**
 * How a buffer's logical lines fall onto screen rows of a given width, computed only around the
 * cursor and the visible window, so the cost of a keypress does not grow with the answer.
 * Lines wrap at spaces (a word longer than the width is cut); wide characters take two columns.
 */

/** A screen row of the text: its logical line and which wrapped part of it. */
export interface RowRef {
  row: number;
  sub: number;
}

/** Start offsets of the wrapped parts of one line (always starts with 0). */
export function wrapOffsets(line: string, width: number): number[] {
  const w = Math.max(1, width);
  if (isNarrow(line)) return wrapNarrow(line, w);
  // Wide characters count two columns: walk the code points.
  const starts = [0];
  let start = 0;
  let used = 0;
  let lastSpace = -1;
  let i = 0;
  while (i < line.length) {
    const cp = line.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const cw = codePointWidth(cp);
    while (used + cw > w && i > start) {
      const next = lastSpace >= start ? lastSpace + 1 : i;
      starts.push(next);
      start = next;
      used = displayWidth(line.slice(next, i));
      lastSpace = -1;
    }
    used += cw;
    if (line[i] === ' ') lastSpace = i;
    i += size;
  }
  return starts;
}

function wrapNarrow(line: string, w: number): number[] {
  const starts = [0];
  let pos = 0;
  while (line.length - pos > w) {
    // Break after the last space that keeps the part within the width, else cut the word.
    const space = line.lastIndexOf(' ', pos + w - 1);
    const next = space >= pos + 1 ? space + 1 : pos + w;
    starts.push(next);
    pos = next;
  }
  return starts;
}

/** The offset in `line`, from `start` and before `end`, whose column is closest to `x` without passing it. */
function colAtX(line: string, start: number, end: number, x: number): number {
  if (isNarrow(line)) return Math.min(start + x, end);
  let used = 0;
  let i = start;
  while (i < end) {
    const cp = line.codePointAt(i)!;
    const cw = codePointWidth(cp);
    if (used + cw > x) break;
    used += cw;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** The wrapped parts of one line. */
export function wrapLine(line: string, width: number): string[] {
  const starts = wrapOffsets(line, width);
  return starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length));
}

/** Where the cursor is drawn: which row of its line and which column. */
export function cursorPlace(buffer: TextBuffer, width: number): { sub: number; x: number } {
  const starts = wrapOffsets(buffer.lines[buffer.row]!, width);
  let sub = 0;
  while (sub + 1 < starts.length && starts[sub + 1]! <= buffer.col) sub++;
  const line = buffer.lines[buffer.row]!;
  return { sub, x: displayWidth(line.slice(starts[sub]!, buffer.col)) };
}

/** How many screen rows a line takes. */
export function rowCount(line: string, width: number): number {
  return wrapOffsets(line, width).length;
}

/**
 * Up / Down by one screen row, keeping the column the user was at (`goalX`): wrapped lines are
 * walked row by row, and the first and last rows move to the start and end of the text.
 */
export function moveVertical(buffer: TextBuffer, direction: -1 | 1, width: number, goalX: number): TextBuffer {
  const here = cursorPlace(buffer, width);
  const starts = wrapOffsets(buffer.lines[buffer.row]!, width);
  let target: RowRef;
  if (direction < 0) {
    if (here.sub > 0) target = { row: buffer.row, sub: here.sub - 1 };
    else if (buffer.row > 0) target = { row: buffer.row - 1, sub: rowCount(buffer.lines[buffer.row - 1]!, width) - 1 };
    else return moveTo(buffer, 0, 0);
  } else {
    if (here.sub < starts.length - 1) target = { row: buffer.row, sub: here.sub + 1 };
    else if (buffer.row < buffer.lines.length - 1) target = { row: buffer.row + 1, sub: 0 };
    else return moveTo(buffer, buffer.row, buffer.lines[buffer.row]!.length);
  }
  const line = buffer.lines[target.row]!;
  const tStarts = target.row === buffer.row ? starts : wrapOffsets(line, width);
  const start = tStarts[target.sub]!;
  const end = tStarts[target.sub + 1];
  // On a row that wraps, its last column belongs to the next row: stop one before it.
  const maxCol = end === undefined ? line.length : end - 1;
  return moveTo(buffer, target.row, colAtX(line, start, Math.max(start, maxCol), goalX));
}

/** Screen rows from `from` onwards (at most `count`). */
export function rowsFrom(lines: readonly string[], from: RowRef, count: number, width: number): Array<RowRef & { text: string }> {
  const out: Array<RowRef & { text: string }> = [];
  let { row, sub } = from;
  while (out.length < count && row < lines.length) {
    const parts = wrapLine(lines[row]!, width);
    for (; sub < parts.length && out.length < count; sub++) out.push({ row, sub, text: parts[sub]! });
    row++;
    sub = 0;
  }
  return out;
}

/** The row `n` screen rows above `from` (or the first row). */
export function rowsBack(lines: readonly string[], from: RowRef, n: number, width: number): RowRef {
  let { row, sub } = from;
  let left = n;
  while (left > 0) {
    if (sub >= left) return { row, sub: sub - left };
    left -= sub + 1;
    if (row === 0) return { row: 0, sub: 0 };
    row--;
    sub = rowCount(lines[row]!, width) - 1;
  }
  return { row, sub };
}

function compare(a: RowRef, b: RowRef): number {
  return a.row - b.row || a.sub - b.sub;
}

/**
 * The first row to show so that the cursor stays visible in a window of `height` rows, moving the
 * window as little as possible from `top`.
 */
export function scrollTop(buffer: TextBuffer, top: RowRef, height: number, width: number): RowRef {
  const cursor: RowRef = { row: buffer.row, sub: cursorPlace(buffer, width).sub };
  let t: RowRef = top.row < buffer.lines.length ? { row: top.row, sub: Math.min(top.sub, rowCount(buffer.lines[top.row]!, width) - 1) } : { row: 0, sub: 0 };
  if (compare(cursor, t) < 0) return cursor;
  // Is the cursor within `height` rows of the top? Walk at most that far.
  const shown = rowsFrom(buffer.lines, t, height, width);
  if (shown.some((r) => r.row === cursor.row && r.sub === cursor.sub)) {
    // Keep the window full when text above was deleted or the window grew.
    if (shown.length < height) t = rowsBack(buffer.lines, t, height - shown.length, width);
    return t;
  }
  return rowsBack(buffer.lines, cursor, height - 1, width);
}
