/**
 * A block of rows at the bottom of the terminal that is redrawn in place: only rows that changed
 * are rewritten, with relative cursor moves, so a keypress or a clock tick costs a few hundred
 * bytes however long the answer. The caller keeps the block shorter than the screen, so nothing
 * is ever pushed into the scrollback twice. Rows should already fit the width (see `fitRow`); a row
 * that does not is cut to the terminal's width here (`cutRow`), since a row the terminal wraps takes two
 * rows the region does not know of, and the next redraw would leave its tail on screen.
 */

import { codePointWidth, displayWidth, isNarrow } from './editor/width.js';

const ESC = '\u001b[';
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Visible length of a row, without its style escapes. */
export function visibleLength(row: string): number {
  return displayWidth(row.replace(ANSI, ''));
}

/** A plain (unstyled) text cut to at most `width` columns, with an ellipsis when cut. */
export function fitRow(text: string, width: number): string {
  if (isNarrow(text)) {
    if (text.length <= width) return text;
    return width <= 1 ? text.slice(0, Math.max(0, width)) : `${text.slice(0, width - 1)}…`;
  }
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const cw = codePointWidth(ch.codePointAt(0)!);
    if (used + cw > width - 1) break;
    out += ch;
    used += cw;
  }
  return `${out}…`;
}

/**
 * A row, plain or styled, cut to at most `width` columns: escape sequences are kept and take no columns,
 * wide characters take two, and an ellipsis ends a row that was cut (a style still open is reset after it).
 * A row that fits is returned as it is.
 */
export function cutRow(row: string, width: number): string {
  if (visibleLength(row) <= width) return row;
  const room = Math.max(0, width - 1);
  let out = '';
  let used = 0;
  let styled = false;
  for (const token of row.match(/\u001b\[[0-9;?]*[A-Za-z]|[^\u001b]|\u001b/gu) ?? []) {
    if (token.startsWith('\u001b')) {
      if (token.length > 1) {
        out += token;
        styled = true;
      }
      continue;
    }
    const cw = codePointWidth(token.codePointAt(0)!);
    if (used + cw > room) break;
    out += token;
    used += cw;
  }
  return `${out}${width > 0 ? '…' : ''}${styled ? `${ESC}0m` : ''}`;
}

/** What to draw: the rows, and where the cursor goes (row in the block, column). */
export interface Frame {
  rows: readonly string[];
  cursor: { row: number; col: number };
  /**
   * Rows [from, to) that scroll together (the text of the box). When they moved by a few rows since
   * the last frame, the terminal shifts them itself (delete and insert lines) and only the rows
   * that came into view are drawn.
   */
  scroll?: { from: number; to: number };
}

/**
 * How many rows the scrolling range moved up (positive) or down (negative) between two frames: the
 * shift that keeps the most rows as they were, if it saves at least three rows over no shift; else 0.
 */
export function scrollShift(previous: readonly string[], next: readonly string[], from: number, to: number): number {
  const size = to - from;
  if (size < 4 || previous.length !== next.length) return 0;
  const same = (k: number) => {
    let n = 0;
    for (let j = Math.max(from, from - k); j < Math.min(to, to - k); j++) if (previous[j + k] === next[j] && next[j] !== '') n++;
    return n;
  };
  const still = same(0);
  let best = 0;
  let bestSame = still + 2;
  for (let k = 1; k <= Math.floor(size / 2); k++) {
    for (const shift of [k, -k]) {
      const n = same(shift);
      if (n > bestSame) {
        best = shift;
        bestSame = n;
      }
    }
  }
  return best;
}

/** An output the region writes to; `columns`, when known, is the terminal's width, which no row may reach. */
export interface RegionOutput {
  write(s: string): unknown;
  columns?: number;
}

/** The block of rows being redrawn; see the module comment. */
export class LiveRegion {
  private previous: string[] = [''];
  /** The block row the terminal cursor is on. */
  private at = 0;
  /** The column the cursor was left at. */
  private col = 0;
  private scrollRange: { from: number; to: number } | null = null;

  constructor(private readonly out: RegionOutput) {}

  /** Draws a frame, rewriting only the rows that differ from the last one. */
  render(frame: Frame): void {
    const next = this.fit(frame.rows.length > 0 ? frame.rows : ['']);
    let s = `${ESC}?25l`;
    const moveTo = (row: number) => {
      if (row < this.at) s += `${ESC}${this.at - row}A`;
      else if (row > this.at) s += `${ESC}${row - this.at}B`;
      s += '\r';
      this.at = row;
    };
    const range = frame.scroll;
    if (range && this.scrollRange && range.from === this.scrollRange.from && range.to === this.scrollRange.to) {
      const k = scrollShift(this.previous, next, range.from, range.to);
      const prev = this.previous;
      const blank = (n: number) => Array.from({ length: n }, () => '');
      if (k > 0) {
        // Delete k rows at the top of the range, then insert k blank ones at its bottom.
        moveTo(range.from);
        s += `${ESC}${k}M`;
        moveTo(range.to - k);
        s += `${ESC}${k}L`;
        this.previous = [...prev.slice(0, range.from), ...prev.slice(range.from + k, range.to), ...blank(k), ...prev.slice(range.to)];
      } else if (k < 0) {
        moveTo(range.to + k);
        s += `${ESC}${-k}M`;
        moveTo(range.from);
        s += `${ESC}${-k}L`;
        this.previous = [...prev.slice(0, range.from), ...blank(-k), ...prev.slice(range.from, range.to + k), ...prev.slice(range.to)];
      }
    }
    this.scrollRange = range ?? null;
    const common = Math.min(this.previous.length, next.length);
    for (let i = 0; i < common; i++) {
      if (this.previous[i] === next[i]) continue;
      moveTo(i);
      s += `${ESC}2K${next[i]}`;
    }
    if (next.length > this.previous.length) {
      // New rows go below the last one; at the bottom of the screen this scrolls the transcript up.
      moveTo(this.previous.length - 1);
      for (let i = this.previous.length; i < next.length; i++) s += `\r\n${ESC}2K${next[i]}`;
      this.at = next.length - 1;
    } else if (next.length < this.previous.length) {
      moveTo(next.length);
      s += `${ESC}J`;
    }
    moveTo(Math.max(0, Math.min(next.length - 1, frame.cursor.row)));
    s += `${ESC}${frame.cursor.col + 1}G${ESC}?25h`;
    this.col = frame.cursor.col;
    this.previous = [...next];
    this.out.write(s);
  }

  /** The rows cut to one column less than the terminal's width (the last column would wrap in some terminals). */
  private fit(rows: readonly string[]): readonly string[] {
    const columns = this.out.columns;
    if (!columns || columns < 2) return rows;
    return rows.map((row) => cutRow(row, columns - 1));
  }

  /**
   * After the terminal changed width: terminals that re-wrap long rows make the block taller, so move
   * to where its top now is, clear from there, and draw the next frame whole.
   */
  resized(newColumns: number): void {
    let above = 0;
    for (let i = 0; i < this.at; i++) above += Math.max(1, Math.ceil(visibleLength(this.previous[i]!) / Math.max(1, newColumns)));
    const up = above + Math.floor(this.col / Math.max(1, newColumns));
    this.out.write(`\r${up > 0 ? `${ESC}${up}A` : ''}${ESC}J`);
    this.previous = [''];
    this.at = 0;
    this.col = 0;
    this.scrollRange = null;
  }

  /** Draws a last frame and leaves the cursor on a fresh line below it; the region is then done. */
  finish(rows: readonly string[]): void {
    this.render({ rows, cursor: { row: Math.max(0, rows.length - 1), col: 0 } });
    this.out.write('\r\n');
    this.previous = [''];
    this.at = 0;
    this.scrollRange = null;
  }
}
