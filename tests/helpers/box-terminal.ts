import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import xterm from '@xterm/headless';
import type { BoxTerminal } from '../../src/ui/answer-prompt.js';

/**
 * A terminal for in-process tests of the answer box: keys go in through a stream, and what the box
 * writes goes to a headless terminal emulator, so tests read the screen a user would see.
 */
export interface MockTerminal {
  terminal: BoxTerminal;
  /** Sends raw bytes, as a terminal would for typed or pasted keys. */
  send(data: string): void;
  /** Sends bytes and waits until the box has handled them and drawn. */
  type(data: string): Promise<void>;
  /** The visible rows (trailing spaces trimmed). */
  screen(): Promise<string[]>;
  /** Scrollback and screen. */
  allRows(): Promise<string[]>;
  cursor(): Promise<{ x: number; y: number }>;
  /** Bytes written since the last call. */
  takeBytes(): number;
  resize(cols: number, rows: number): void;
}

export function mockTerminal(cols = 80, rows = 24): MockTerminal {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const emulator = new xterm.Terminal({ cols, rows, scrollback: 10_000, allowProposedApi: true });
  const events = new EventEmitter();
  let bytes = 0;
  const output = {
    columns: cols,
    rows,
    write(s: string) {
      bytes += Buffer.byteLength(s);
      emulator.write(s);
      return true;
    },
    on: (event: 'resize', fn: () => void) => events.on(event, fn),
    off: (event: 'resize', fn: () => void) => events.off(event, fn),
  };
  const settle = async () => {
    // Keys are handled in a setImmediate after they arrive; then the emulator parses what was drawn.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    await new Promise<void>((r) => emulator.write('', r));
  };
  const rowsOf = async (from: 'screen' | 'all') => {
    await new Promise<void>((r) => emulator.write('', r));
    const b = emulator.buffer.active;
    const out: string[] = [];
    for (let i = from === 'screen' ? b.baseY : 0; i < b.length; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
    return out;
  };
  return {
    terminal: { input, output },
    send: (data) => input.write(data),
    async type(data) {
      input.write(data);
      await settle();
    },
    screen: () => rowsOf('screen'),
    allRows: () => rowsOf('all'),
    async cursor() {
      await new Promise<void>((r) => emulator.write('', r));
      return { x: emulator.buffer.active.cursorX, y: emulator.buffer.active.cursorY };
    },
    takeBytes() {
      const b = bytes;
      bytes = 0;
      return b;
    },
    resize(c, r) {
      output.columns = c;
      output.rows = r;
      emulator.resize(c, r);
      events.emit('resize');
    },
  };
}
