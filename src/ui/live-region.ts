/**
 * A block of rows at the bottom of the terminal that is redrawn in place: only rows that changed
 * are rewritten, with relative cursor moves, so a keypress or a clock tick costs a few hundred
 * bytes however long the answer. The caller keeps the block shorter than the screen, so nothing
 * is ever pushed into the scrollback twice. Rows must already fit the width (see `fitRow`).
 */

const ESC = '\u001b[';
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Visible length of a row, without its style escapes. */
export function visibleLength(row: string): number {
  return row.replace(ANSI, '').length;
}

/** A plain (unstyled) text cut to at most `width` columns, with an ellipsis when cut. */
export function fitRow(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, Math.max(0, width)) : `${text.slice(0, width - 1)}…`;
}

/** What to draw: the rows, and where the cursor goes (row in the block, column). */
export interface Frame {
  rows: readonly string[];
  cursor: { row: number; col: number };
}

/** An output the region writes to. */
export interface RegionOutput {
  write(s: string): unknown;
}

export class LiveRegion {
  private previous: string[] = [''];
  /** The block row the terminal cursor is on. */
  private at = 0;
  /** The column the cursor was left at. */
  private col = 0;

  constructor(private readonly out: RegionOutput) {}

  /** Draws a frame, rewriting only the rows that differ from the last one. */
  render(frame: Frame): void {
    const next = frame.rows.length > 0 ? frame.rows : [''];
    let s = `${ESC}?25l`;
    const moveTo = (row: number) => {
      if (row < this.at) s += `${ESC}${this.at - row}A`;
      else if (row > this.at) s += `${ESC}${row - this.at}B`;
      s += '\r';
      this.at = row;
    };
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
  }

  /** Draws a last frame and leaves the cursor on a fresh line below it; the region is then done. */
  finish(rows: readonly string[]): void {
    this.render({ rows, cursor: { row: Math.max(0, rows.length - 1), col: 0 } });
    this.out.write('\r\n');
    this.previous = [''];
    this.at = 0;
  }
}
