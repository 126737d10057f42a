import { emitKeypressEvents } from 'node:readline';
import { splitEscapedControl } from './escape-split.js';
import type { Key } from './peer-keys.js';

/**
 * A full-screen terminal for the interviewer's sheet: the alternate screen (so the sheet never
 * scrolls away and the shell comes back as it was), raw keys, and a redraw that overwrites the
 * screen in place. The streams are injected; nothing here knows about interviews.
 */

/** Where keys come from: a TTY's stdin, or any readable stream a test feeds. */
export type KeyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };

/** Where the screen goes: a TTY's stdout, or a test's stream. */
export type ScreenOutput = NodeJS.WritableStream & { columns?: number; rows?: number };

export interface ScreenHandlers {
  key(key: Key): void;
  resize(): void;
  /** The terminal went away (stdin ended): save and stop. */
  lost(): void;
}

const ALT_ON = '\u001b[?1049h';
const ALT_OFF = '\u001b[?1049l';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
/** Bracketed paste: the terminal marks pasted text, so a paste is never taken for keys. */
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

export class Screen {
  private open = false;
  private last: string[] = [];
  private readonly onKeypress = (text: string | undefined, key: Key | undefined) => {
    // Esc then Ctrl-C typed quickly comes as one key: split it, so the Ctrl-C counts.
    for (const k of splitEscapedControl(text, key)) this.handlers?.key(k.key ?? { sequence: k.ch ?? '', name: k.ch ?? '' });
  };
  private readonly onResize = () => {
    // Lines re-wrapped by the terminal would linger: clear, then draw everything again.
    this.last = [];
    this.write('\u001b[2J');
    this.handlers?.resize();
  };
  private readonly onEnd = () => this.handlers?.lost();
  private readonly onError = () => {
    // A closed terminal makes writes fail; the session is saved by the `lost` path.
  };
  private handlers: ScreenHandlers | null = null;

  constructor(
    private readonly input: KeyInput,
    private readonly output: ScreenOutput,
  ) {}

  size(): { width: number; height: number } {
    return { width: this.output.columns && this.output.columns > 0 ? this.output.columns : 80, height: this.output.rows && this.output.rows > 0 ? this.output.rows : 24 };
  }

  start(handlers: ScreenHandlers): void {
    this.handlers = handlers;
    emitKeypressEvents(this.input);
    this.input.setRawMode?.(true);
    this.input.on('keypress', this.onKeypress);
    this.input.on('end', this.onEnd);
    this.input.resume();
    this.output.on('resize', this.onResize);
    this.output.on('error', this.onError);
    this.write(ALT_ON + HIDE_CURSOR + PASTE_ON + '\u001b[2J');
    this.open = true;
  }

  /** Draws the lines from the top-left corner, rewriting only the lines that changed. */
  draw(lines: string[]): void {
    if (!this.open) return;
    let out = '';
    const n = Math.max(lines.length, this.last.length);
    for (let i = 0; i < n; i++) {
      const line = lines[i] ?? '';
      if (this.last[i] === line) continue;
      out += `\u001b[${i + 1};1H${line}\u001b[0m\u001b[K`;
    }
    this.last = [...lines];
    if (out) this.write(out);
  }

  /** Gives the terminal back: main screen, cursor, cooked mode. Safe to call twice. */
  stop(): void {
    if (!this.open) return;
    this.open = false;
    this.input.off('keypress', this.onKeypress);
    this.input.off('end', this.onEnd);
    this.output.off('resize', this.onResize);
    this.input.setRawMode?.(false);
    this.input.pause();
    this.write(PASTE_OFF + SHOW_CURSOR + ALT_OFF);
    this.handlers = null;
  }

  private write(s: string): void {
    try {
      this.output.write(s);
    } catch {
      // the terminal is gone
    }
  }
}
