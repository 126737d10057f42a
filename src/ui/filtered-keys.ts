import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { TypedControlFilter } from '../text/typed-control.js';

/** A terminal input: stdin, or a stream a test feeds. */
export type KeySource = NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?(mode: boolean): unknown };

/**
 * How long an ESC at the end of a read waits for the rest of its sequence before it is taken as the Esc key
 * (readline's own escape-code timeout is 500 ms; a sequence's bytes come together in practice).
 */
export const ESC_WAIT_MS = 50;

/**
 * A terminal's keys with control strings removed whole (text/typed-control.ts), as an input stream for line
 * questions (inquirer's `context.input`): a title typed or pasted with "ESC ] 0;PWNED BEL" in it arrives
 * as the title alone. Reading starts when it is made; raw mode is passed on to the terminal; `close()`
 * stops reading the terminal (the caller closes it when its questions are done).
 */
export class FilteredKeys extends PassThrough {
  private readonly controls = new TypedControlFilter();
  private readonly decoder = new StringDecoder('utf8');
  private timer: NodeJS.Timeout | null = null;
  private readonly onData = (chunk: Buffer | string) => {
    this.stopTimer();
    const text = this.controls.push(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    if (text) this.write(text);
    if (this.controls.holding()) {
      this.timer = setTimeout(() => {
        this.timer = null;
        const rest = this.controls.flush();
        if (rest) this.write(rest);
      }, ESC_WAIT_MS);
    }
  };
  private readonly onEnd = () => this.end();

  constructor(private readonly source: KeySource) {
    super();
    source.on('data', this.onData);
    source.on('end', this.onEnd);
    source.resume();
  }

  get isTTY(): boolean {
    return this.source.isTTY === true;
  }

  get isRaw(): boolean {
    return this.source.isRaw === true;
  }

  setRawMode(mode: boolean): void {
    this.source.setRawMode?.(mode);
  }

  close(): void {
    this.stopTimer();
    this.source.off('data', this.onData);
    this.source.off('end', this.onEnd);
    try {
      this.source.setRawMode?.(false);
    } catch {
      // the terminal is gone
    }
    this.source.pause();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
