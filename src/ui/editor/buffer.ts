import { stripControl } from '../../text/sanitize.js';

/**
 * The text of the answer box as a pure value: logical lines and a cursor. Every operation returns
 * a new buffer and leaves the old one alone, so the box can keep the last one it drew. Columns
 * count UTF-16 code units; moves and deletions never split a surrogate pair.
 */
export interface TextBuffer {
  readonly lines: readonly string[];
  /** The cursor's line (0-based). */
  readonly row: number;
  /** The cursor's column in that line, 0 to its length. */
  readonly col: number;
}

/** A buffer holding `text`, with the cursor at its end. */
export function createBuffer(text = ''): TextBuffer {
  const lines = normalizeInput(text).split('\n');
  const row = lines.length - 1;
  return { lines, row, col: lines[row]!.length };
}

/** The whole text, lines joined with \n. */
export function bufferText(buffer: TextBuffer): string {
  return buffer.lines.join('\n');
}

/** True when nothing but white space was typed. */
export function isBlank(buffer: TextBuffer): boolean {
  return buffer.lines.every((l) => l.trim() === '');
}

const TAB = '    ';

/**
 * Typed or pasted text as the box stores it: CRLF and lone CR (what a terminal sends for Enter in a
 * paste) become line breaks, tabs become four spaces, and escape sequences and other control
 * characters are dropped by the shared sanitiser (they would move the terminal's cursor when drawn).
 */
export function normalizeInput(text: string): string {
  return stripControl(text.replace(/\r\n?/g, '\n').replace(/\t/g, TAB));
}

/** Inserts text at the cursor; line breaks in it split the line. */
export function insertText(buffer: TextBuffer, raw: string): TextBuffer {
  const text = normalizeInput(raw);
  if (text === '') return buffer;
  const line = buffer.lines[buffer.row]!;
  const before = line.slice(0, buffer.col);
  const after = line.slice(buffer.col);
  const parts = text.split('\n');
  if (parts.length === 1) {
    const lines = replaceAt(buffer.lines, buffer.row, 1, [before + text + after]);
    return { lines, row: buffer.row, col: buffer.col + text.length };
  }
  const first = before + parts[0]!;
  const last = parts.at(-1)!;
  const middle = parts.slice(1, -1);
  const lines = replaceAt(buffer.lines, buffer.row, 1, [first, ...middle, last + after]);
  return { lines, row: buffer.row + parts.length - 1, col: last.length };
}

/** Splits the line at the cursor (Enter). */
export function insertNewline(buffer: TextBuffer): TextBuffer {
  return insertText(buffer, '\n');
}

/** Backspace: deletes the character before the cursor, or joins the line to the one above. */
export function deleteBackward(buffer: TextBuffer): TextBuffer {
  const { row, col } = buffer;
  if (col === 0) {
    if (row === 0) return buffer;
    const above = buffer.lines[row - 1]!;
    const lines = replaceAt(buffer.lines, row - 1, 2, [above + buffer.lines[row]!]);
    return { lines, row: row - 1, col: above.length };
  }
  const line = buffer.lines[row]!;
  const from = col - charBefore(line, col);
  return { lines: replaceAt(buffer.lines, row, 1, [line.slice(0, from) + line.slice(col)]), row, col: from };
}

/** Delete: deletes the character under the cursor, or joins the next line to this one. */
export function deleteForward(buffer: TextBuffer): TextBuffer {
  const { row, col } = buffer;
  const line = buffer.lines[row]!;
  if (col >= line.length) {
    if (row >= buffer.lines.length - 1) return buffer;
    return { lines: replaceAt(buffer.lines, row, 2, [line + buffer.lines[row + 1]!]), row, col };
  }
  const to = col + charAt(line, col);
  return { lines: replaceAt(buffer.lines, row, 1, [line.slice(0, col) + line.slice(to)]), row, col };
}

/** Ctrl-W: deletes the word before the cursor (and the spaces after it). */
export function deleteWordBackward(buffer: TextBuffer): TextBuffer {
  if (buffer.col === 0) return deleteBackward(buffer);
  const line = buffer.lines[buffer.row]!;
  const from = wordStartBefore(line, buffer.col);
  return { lines: replaceAt(buffer.lines, buffer.row, 1, [line.slice(0, from) + line.slice(buffer.col)]), row: buffer.row, col: from };
}

/** Ctrl-U: deletes from the start of the line to the cursor. */
export function deleteToLineStart(buffer: TextBuffer): TextBuffer {
  const line = buffer.lines[buffer.row]!;
  return { lines: replaceAt(buffer.lines, buffer.row, 1, [line.slice(buffer.col)]), row: buffer.row, col: 0 };
}

/** Ctrl-K: deletes from the cursor to the end of the line. */
export function deleteToLineEnd(buffer: TextBuffer): TextBuffer {
  const line = buffer.lines[buffer.row]!;
  return { lines: replaceAt(buffer.lines, buffer.row, 1, [line.slice(0, buffer.col)]), row: buffer.row, col: buffer.col };
}

/** Left: one character back, to the end of the line above at a line's start. */
export function moveLeft(buffer: TextBuffer): TextBuffer {
  if (buffer.col > 0) return { ...buffer, col: buffer.col - charBefore(buffer.lines[buffer.row]!, buffer.col) };
  if (buffer.row === 0) return buffer;
  return { ...buffer, row: buffer.row - 1, col: buffer.lines[buffer.row - 1]!.length };
}

/** Right: one character on, to the start of the next line at a line's end. */
export function moveRight(buffer: TextBuffer): TextBuffer {
  const line = buffer.lines[buffer.row]!;
  if (buffer.col < line.length) return { ...buffer, col: buffer.col + charAt(line, buffer.col) };
  if (buffer.row >= buffer.lines.length - 1) return buffer;
  return { ...buffer, row: buffer.row + 1, col: 0 };
}

/** Ctrl-Left / Alt-B: to the start of the word before the cursor. */
export function moveWordLeft(buffer: TextBuffer): TextBuffer {
  if (buffer.col === 0) return moveLeft(buffer);
  return { ...buffer, col: wordStartBefore(buffer.lines[buffer.row]!, buffer.col) };
}

/** Ctrl-Right / Alt-F: to the end of the word after the cursor. */
export function moveWordRight(buffer: TextBuffer): TextBuffer {
  const line = buffer.lines[buffer.row]!;
  if (buffer.col >= line.length) return moveRight(buffer);
  let i = buffer.col;
  while (i < line.length && line[i] === ' ') i++;
  while (i < line.length && line[i] !== ' ') i++;
  return { ...buffer, col: i };
}

/** Home / Ctrl-A: the start of the line. */
export function moveLineStart(buffer: TextBuffer): TextBuffer {
  return { ...buffer, col: 0 };
}

/** End / Ctrl-E: the end of the line. */
export function moveLineEnd(buffer: TextBuffer): TextBuffer {
  return { ...buffer, col: buffer.lines[buffer.row]!.length };
}

/** The cursor at a given place, clamped to the text. */
export function moveTo(buffer: TextBuffer, row: number, col: number): TextBuffer {
  const r = Math.max(0, Math.min(buffer.lines.length - 1, row));
  const line = buffer.lines[r]!;
  let c = Math.max(0, Math.min(line.length, col));
  if (c > 0 && c < line.length && isLowSurrogate(line.charCodeAt(c)) && isHighSurrogate(line.charCodeAt(c - 1))) c--;
  return { ...buffer, row: r, col: c };
}

/** The end of the whole text (Ctrl-End). */
export function moveToEnd(buffer: TextBuffer): TextBuffer {
  const row = buffer.lines.length - 1;
  return { ...buffer, row, col: buffer.lines[row]!.length };
}

/** The start of the whole text (Ctrl-Home). */
export function moveToStart(buffer: TextBuffer): TextBuffer {
  return { ...buffer, row: 0, col: 0 };
}

function replaceAt(lines: readonly string[], at: number, count: number, items: readonly string[]): string[] {
  const next = lines.slice();
  next.splice(at, count, ...items);
  return next;
}

function wordStartBefore(line: string, col: number): number {
  let i = col;
  while (i > 0 && line[i - 1] === ' ') i--;
  while (i > 0 && line[i - 1] !== ' ') i--;
  return i;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Code units of the character that ends at col. */
function charBefore(line: string, col: number): number {
  return col >= 2 && isLowSurrogate(line.charCodeAt(col - 1)) && isHighSurrogate(line.charCodeAt(col - 2)) ? 2 : 1;
}

/** Code units of the character that starts at col. */
function charAt(line: string, col: number): number {
  return isHighSurrogate(line.charCodeAt(col)) && isLowSurrogate(line.charCodeAt(col + 1)) ? 2 : 1;
}
