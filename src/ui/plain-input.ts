import { StringDecoder } from 'node:string_decoder';
import { stripControl } from '../text/sanitize.js';
import type { AnswerBox, BoxOptions, BoxOutcome, BoxTerminal } from './answer-box-types.js';
import { clockWords } from './box-clock.js';
import { plural } from '../text/plural.js';

/**
 * Line-by-line input for a terminal that cannot move its cursor (TERM=dumb: Emacs's shell and compilation
 * buffers, `script`, some editors' terminals, serial consoles). The terminal stays in its cooked mode, so it
 * echoes and edits each line itself (Backspace, Ctrl-U); mlsd reads whole lines and writes plain lines, and
 * never a cursor movement, a colour or a mode switch. Ctrl-C reaches mlsd as SIGINT, as between the boxes.
 * The same interface as the answer box (answer-prompt.ts), so the live session does not know which it has.
 */

/**
 * How long an empty line typed on a terminal waits for a line after it before it submits: a terminal in
 * cooked mode hands a pasted text over a line per read, all at once, so a line that follows this soon is
 * the paste going on, never typing (a held key repeats at most about 30 times a second).
 */
export const PASTE_BURST_MS = 15;

/** Complete lines read from one input stream, kept between boxes so that lines typed ahead are not lost. */
class LineReader {
  private readonly lines: string[] = [];
  private partial = '';
  private ended = false;
  private waiter: ((line: string | null) => void) | null = null;
  private readonly decoder = new StringDecoder('utf8');
  private readonly onData = (chunk: Buffer | string) => {
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const part of parts) this.lines.push(cleanLine(part));
    this.deliver();
  };
  private readonly onEnd = () => {
    if (this.partial) this.lines.push(cleanLine(this.partial));
    this.partial = '';
    this.ended = true;
    this.deliver();
  };

  constructor(private readonly input: BoxTerminal['input']) {
    input.on('end', this.onEnd);
  }

  /** The next line (without its newline and control characters), or null once the input has ended. */
  next(): Promise<string | null> {
    if (this.lines.length > 0) return Promise.resolve(this.lines.shift()!);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.listen();
    });
  }

  /**
   * Whether another line follows at once: one is waiting already, or arrives within `ms` (a terminal
   * only: lines piped in all wait at once, and each empty line among them still submits). The line is
   * left for `next`.
   */
  followsWithin(ms: number): Promise<boolean> {
    if (this.lines.length > 0) return Promise.resolve(this.input.isTTY === true);
    if (this.ended || this.input.isTTY !== true) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.input.off('data', onData);
        this.stop();
        resolve(this.lines.length > 0);
      }, ms);
      const onData = () => {
        if (this.lines.length === 0 && !this.ended) return;
        clearTimeout(timer);
        this.input.off('data', onData);
        this.stop();
        resolve(this.lines.length > 0);
      };
      this.listen();
      this.input.on('data', onData); // after the reader's own listener, which queues the line
    });
  }

  /** Stops waiting (the box closed): the pending `next` resolves with null; lines typed later are kept. */
  cancel(): void {
    const waiter = this.waiter;
    this.waiter = null;
    this.stop();
    waiter?.(null);
  }

  private deliver(): void {
    if (!this.waiter) return;
    if (this.lines.length === 0 && !this.ended) return;
    const waiter = this.waiter;
    this.waiter = null;
    this.stop();
    waiter(this.lines.length > 0 ? this.lines.shift()! : null);
  }

  private listen(): void {
    try {
      this.input.setRawMode?.(false);
    } catch {
      // not a terminal that has modes
    }
    this.input.on('data', this.onData);
    this.input.resume();
  }

  /** Lets the input rest between questions, so other prompts (and the process's exit) are not held up. */
  private stop(): void {
    this.input.off('data', this.onData);
    this.input.pause();
  }
}

const readers = new WeakMap<object, LineReader>();

function readerFor(input: BoxTerminal['input']): LineReader {
  let reader = readers.get(input);
  if (!reader) {
    reader = new LineReader(input);
    readers.set(input, reader);
  }
  return reader;
}

/** A typed line as text: the CR of a CRLF and any other control character (an arrow key's escape) dropped. */
function cleanLine(line: string): string {
  return stripControl(line.replace(/\r$/, '')).replace(/\u001b/g, '');
}

/** The hint under the header line, by mode. */
export const PLAIN_KEYS_MULTI = 'Type your answer line by line; an empty line after it submits. Ctrl-C: quit (asks first)';
export const PLAIN_KEYS_MULTI_STOP = 'Type your answer line by line; an empty line after it submits. Ctrl-C: stop';
export const PLAIN_KEYS_LINE = 'Ask one question per line; an empty line moves on.';
const QUIT_QUESTION = 'Quit the interview? Type y and Enter to quit, or just Enter to keep going.';

/**
 * The answer box for a dumb terminal: the label and the clocks on one line when it opens, a hint, any
 * draft typed before, then one line read at a time. `multi`: an empty line submits once a line was given
 * (as Enter on an empty last line does in the box), unless on a terminal another line follows it at once:
 * a pasted text keeps its blank lines and is not cut short (PASTE_BURST_MS). End of input (Ctrl-D on an
 * empty line) submits too.
 * `line`: each line is submitted. Warnings are printed on a line of their own when they come; the clock is
 * shown only when the box opens (a line a second would bury what is typed). Each line entered reaches
 * `onChange` at once, so it is saved.
 */
export function openPlainBox(terminal: BoxTerminal, options: Omit<BoxOptions, 'style'>): AnswerBox {
  const { output } = terminal;
  const reader = readerFor(terminal.input);
  const write = (s: string) => {
    try {
      output.write(s);
    } catch {
      // the terminal is gone: the session is saved by the signal or time-up path
    }
  };
  const lines: string[] = options.initial ? options.initial.split('\n') : [];
  let confirming = options.confirmQuit ?? false;
  let finished = false;
  let clock = options.clock;
  let resolve!: (outcome: BoxOutcome) => void;
  const result = new Promise<BoxOutcome>((r) => (resolve = r));

  const clockText = () => {
    const words = clockWords(clock, options.timer);
    return words.stage ? `${words.left} · ${words.stage.text}` : words.left;
  };
  const text = () => lines.join('\n');
  const end = (kind: BoxOutcome['kind']) => {
    if (finished) return;
    finished = true;
    reader.cancel();
    const answer = kind === 'submit' && options.mode === 'multi' ? trimTrailingBlankLines(text()) : text();
    resolve({ kind, text: answer });
  };

  const hint = options.mode === 'line' ? PLAIN_KEYS_LINE : options.askBeforeQuit === false ? PLAIN_KEYS_MULTI_STOP : PLAIN_KEYS_MULTI;
  write(`\n${options.label} (${clockText()})\n${hint}\n`);
  if (lines.length > 0) write(`Your draft so far (${plural(lines.length, 'line')}), kept:\n${lines.join('\n')}\n`);
  if (confirming) write(`${QUIT_QUESTION}\n`);

  const onLine = (line: string | null): void => {
    if (finished) return;
    if (line === null) {
      // End of input: what was typed is submitted; a box opened on an ended input quits (the session is kept).
      return end(lines.length > 0 || options.mode === 'line' ? 'submit' : 'quit');
    }
    if (confirming) {
      confirming = false;
      if (/^\s*y(es)?\s*$/i.test(line)) return end('quit');
      write('Going on.\n');
    } else if (options.mode === 'line') {
      lines.push(line);
      options.onChange?.(text());
      return end('submit');
    } else if (line.trim() === '' && lines.length > 0) {
      // An empty line typed after the text submits; one inside a paste is a paragraph break of the answer.
      void reader.followsWithin(PASTE_BURST_MS).then((pasted) => {
        if (finished) return;
        if (!pasted) return end('submit');
        lines.push(line);
        options.onChange?.(text());
        void reader.next().then(onLine);
      });
      return;
    } else {
      lines.push(line);
      options.onChange?.(text());
    }
    void reader.next().then(onLine);
  };
  void reader.next().then(onLine);

  return {
    result,
    setClock(next) {
      clock = next;
    },
    notice(noticeText) {
      if (!finished) write(`\n! ${noticeText}\n`);
    },
    close() {
      if (finished) return;
      write('\n');
      end('closed');
    },
    askQuit() {
      if (finished) return;
      if (options.askBeforeQuit === false) return end('quit');
      confirming = true;
      write(`\n${QUIT_QUESTION}\n`);
    },
    text,
  };
}

/**
 * Asks one question on a dumb terminal and resolves with the line typed (an empty string at the end of
 * input). `signal` aborts it (a stop signal while it waits): it then rejects with an error named
 * AbortPromptError, as inquirer's prompts do, so commands handle both alike.
 */
export async function askPlainLine(terminal: BoxTerminal, message: string, signal?: AbortSignal): Promise<string> {
  return (await readPlainLine(terminal, message, signal)) ?? '';
}

/** As askPlainLine, but null at the end of input. */
export function readPlainLine(terminal: BoxTerminal, message: string, signal?: AbortSignal): Promise<string | null> {
  const reader = readerFor(terminal.input);
  terminal.output.write(`${message} `);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reader.cancel();
      const error = new Error('the question was stopped');
      error.name = 'AbortPromptError';
      reject(error);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    void reader.next().then((line) => {
      signal?.removeEventListener('abort', onAbort);
      if (!signal?.aborted) resolve(line);
    });
  });
}

/** A yes/no question on a dumb terminal: "y" or "yes" is yes, "n" or "no" is no, an empty line is `fallback`. */
export async function askPlainYesNo(terminal: BoxTerminal, message: string, fallback: boolean, signal?: AbortSignal): Promise<boolean> {
  for (;;) {
    const answer = (await askPlainLine(terminal, `${message} (${fallback ? 'Y/n' : 'y/N'})`, signal)).trim().toLowerCase();
    if (answer === '') return fallback;
    if (answer === 'y' || answer === 'yes') return true;
    if (answer === 'n' || answer === 'no') return false;
    terminal.output.write('Please type y or n.\n');
  }
}

function trimTrailingBlankLines(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return lines.join('\n');
}
