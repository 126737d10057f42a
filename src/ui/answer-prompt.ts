import { emitKeypressEvents } from 'node:readline';
import { FilteredKeys } from './filtered-keys.js';
import { splitEscapedControl } from './escape-split.js';
import { ExitPromptError } from '@inquirer/core';
import * as B from './editor/buffer.js';
import { editKey, type Key } from './editor/keys.js';
import { cursorPlace, rowsFrom, scrollTop, type RowRef } from './editor/layout.js';
import { displayWidth } from './editor/width.js';
import type { AnswerBox, BoxOptions, BoxOutcome, BoxTerminal } from './answer-box-types.js';
import { clockWords } from './box-clock.js';
import { fitRow, LiveRegion, visibleLength } from './live-region.js';
import { plural } from '../text/plural.js';
import type { Style } from './style.js';
import { wrap } from './wrap.js';

/**
 * The answer box: a small multi-line editor with a live clock, drawn at the bottom of the terminal.
 * A tall answer scrolls inside the box, so the clock line stays on screen and the scrollback is
 * never touched; only rows that changed are redrawn, once per burst of keys. Pasted text (bracketed
 * paste) is inserted as it is, blank lines and all, and never submits. Ctrl-C asks whether to quit
 * while the clock keeps running. The box never decides that time is up: its owner closes it.
 */

export type { AnswerBox, BoxClock, BoxOptions, BoxOutcome, BoxTerminal } from './answer-box-types.js';

/** The box's hint lines; short, so a narrower window does not re-wrap them (the opening screen and --help list every key). */
export const BOX_KEYS_MULTI = 'Enter on an empty line: submit · Ctrl-C: quit (asks first)';
/** The hint when Ctrl-C ends at once, without asking (drill). */
export const BOX_KEYS_MULTI_STOP = 'Enter on an empty line: submit · Ctrl-C: stop';
/** The hint in clarify. */
export const BOX_KEYS_LINE = 'Enter: ask · Enter on an empty line: move on';

const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';
const MAX_NOTICES = 2;
/** Rows a notice may take (a warning that names a file wraps to four at 80 columns); beyond them its end is cut with "…". */
const MAX_NOTICE_ROWS = 4;
/** Rows the box's label may take on a narrow screen ("Frame as an ML task · follow-up" at 30 columns). */
const MAX_LABEL_ROWS = 2;


/** Opens the box on a terminal (raw mode, bracketed paste) and draws it below the cursor. */
export function openAnswerBox(terminal: BoxTerminal, options: BoxOptions): AnswerBox {
  const { style } = options;
  const { input, output } = terminal;
  const region = new LiveRegion(output);
  let buffer = B.createBuffer(options.initial ?? '');
  let top: RowRef = { row: 0, sub: 0 };
  let goalX: number | null = null;
  let confirming = options.confirmQuit ?? false;
  let clock = options.clock;
  const notices: string[] = [];
  let pasting = false;
  let pasted: string[] = [];
  let queue: Array<{ ch: string | undefined; key: Key }> = [];
  let scheduled = false;
  let finished = false;
  let resolve!: (outcome: BoxOutcome) => void;
  const result = new Promise<BoxOutcome>((r) => (resolve = r));

  const screen = () => ({ width: Math.max(20, (output.columns && output.columns > 0 ? output.columns : 80) - 1), rows: Math.max(8, output.rows && output.rows > 0 ? output.rows : 24) });
  const contentWidth = () => screen().width - 2;

  /**
   * The label and the clock: one row when they fit ("Your answer  ⏱ 2:59 left for this card"); on a narrow
   * screen the label on its own row and the clock's parts (time left, the stage's time, the scroll position)
   * on the rows below, wrapped at spaces, so nothing is cut.
   */
  const header = (position = ''): string[] => {
    const width = screen().width;
    const words = clockWords(clock, options.timer);
    const left = `⏱ ${words.left}`;
    const stage = words.stage?.text;
    const tail = `  ${left}${stage ? ` · ${stage}` : ''}${position ? `  ${position}` : ''}`;
    const clockColor = clock.leftMs <= 60_000 ? style.red : clock.leftMs <= 5 * 60_000 ? style.yellow : style.dim;
    const stagePaint = words.stage?.over ? style.yellow : style.dim;
    if (displayWidth(options.label) + displayWidth(tail) <= width) {
      const stageText = words.stage ? ` ${style.dim('·')} ${stagePaint(words.stage.text)}` : '';
      return [`${style.bold(options.label)}  ${clockColor(left)}${stageText}${position ? `  ${style.dim(position)}` : ''}`];
    }
    const parts = [{ text: left, paint: clockColor }, ...(stage ? [{ text: `· ${stage}`, paint: stagePaint, joiner: ' ' }] : []), ...(position ? [{ text: position, paint: style.dim }] : [])];
    return [...wrapRows(options.label, width, MAX_LABEL_ROWS).map((r) => style.bold(r)), ...packParts(parts, '  ', width)];
  };

  const noticeRows = (): string[] => notices.flatMap((n) => wrapRows(`⚠ ${n}`, screen().width, MAX_NOTICE_ROWS).map((r) => style.yellow(r)));

  /** The key help (or the quit question) as rows: whole " · " parts per row, a part wider than a row wrapped at spaces. */
  const hintRows = (): string[] => {
    const text = confirming ? 'Quit the interview? y: quit · n: keep going' : options.mode === 'line' ? BOX_KEYS_LINE : options.askBeforeQuit === false ? BOX_KEYS_MULTI_STOP : BOX_KEYS_MULTI;
    return keyRows(text, screen().width).map((r) => (confirming ? style.bold(style.yellow(r)) : style.dim(r)));
  };

  /**
   * Rows the text can have at most, for the most the header can take (a scroll position shown) and the
   * hint: one row for the clock on a wide screen, more on a narrow one.
   */
  const bodyHeight = (): number => {
    const longest = `line ${buffer.lines.length}/${buffer.lines.length}`;
    return Math.max(3, screen().rows - header(longest).length - noticeRows().length - hintRows().length - 1);
  };

  const frame = () => {
    const width = contentWidth();
    const height = bodyHeight();
    top = scrollTop(buffer, top, height, width);
    const shown = rowsFrom(buffer.lines, top, height, width);
    const bar = style.dim('│');
    const scrolled = shown.length > 0 && (top.row > 0 || top.sub > 0 || shown.at(-1)!.row < buffer.lines.length - 1);
    const head = [...header(scrolled ? `line ${buffer.row + 1}/${buffer.lines.length}` : ''), ...noticeRows()];
    const body = shown.map((r) => `${bar} ${r.text}`);
    const place = cursorPlace(buffer, width);
    const cursorIndex = shown.findIndex((r) => r.row === buffer.row && r.sub === place.sub);
    const hint = hintRows();
    const rows = [...head, ...body, ...hint];
    const cursor = confirming
      ? { row: rows.length - 1, col: Math.min(screen().width, visibleLength(hint.at(-1)!)) }
      : { row: head.length + Math.max(0, cursorIndex), col: 2 + place.x };
    return { rows, cursor, scroll: { from: head.length, to: head.length + body.length } };
  };

  const draw = () => {
    if (!finished) region.render(frame());
  };

  const summary = (kind: BoxOutcome['kind']): string[] => {
    const said = buffer.lines.filter((l) => l.trim());
    const width = screen().width;
    const shown = said.slice(0, 3).map((l) => `${style.dim('│')} ${fitRow(l, width - 2)}`);
    if (said.length > 3) shown.push(style.dim(fitRow(`│ … ${plural(said.length - 3, 'more line', 'more lines')}`, width)));
    // "(nothing)" records an empty answer that was submitted; a box left with Ctrl-C or a closed terminal was not answered.
    // In clarify (one line per question) an empty Enter moves on: say that, not "(nothing)".
    // Wrapped to the width like every other row, so the terminal never wraps it behind the region's back.
    const emptyText = options.mode === 'line' ? '(no more questions: on to the next stage)' : '(nothing)';
    const empty = kind === 'submit' ? wrap(emptyText, width - 2).map((r) => style.dim(`│ ${fitRow(r, width - 2)}`)) : [];
    return [...header(), ...noticeRows(), ...(shown.length > 0 ? shown : empty)];
  };

  const end = (kind: BoxOutcome['kind']) => {
    if (finished) return;
    const text = kind === 'submit' && options.mode === 'multi' ? trimTrailingBlankLines(B.bufferText(buffer)) : B.bufferText(buffer);
    region.finish(summary(kind));
    finished = true;
    detach();
    resolve({ kind, text });
  };

  const submitOnEnter = (lastInBurst: boolean): boolean => {
    // Keys after an Enter in the same burst mean a paste without brackets: the Enter is a line break.
    if (!lastInBurst) return false;
    if (options.mode === 'line') return true;
    const last = buffer.row === buffer.lines.length - 1;
    return last && buffer.lines[buffer.row]!.trim() === '' && buffer.lines.length > 1;
  };

  const handle = (ch: string | undefined, key: Key, lastInBurst: boolean): void => {
    const name = key.name ?? '';
    if (name === 'paste-start') {
      pasting = true;
      pasted = [];
      return;
    }
    if (pasting) {
      if (name === 'paste-end') {
        pasting = false;
        buffer = B.insertText(buffer, pasted.join(''));
        goalX = null;
        pasted = [];
      } else pasted.push(key.sequence ?? ch ?? ''); // CR, LF and CRLF are normalised when inserted
      return;
    }
    if (confirming) {
      if ((key.ctrl && name === 'c') || name === 'y') return end('quit');
      if (name === 'n' || name === 'return' || name === 'enter' || name === 'escape') confirming = false;
      return;
    }
    if (key.ctrl && name === 'c') {
      if (options.askBeforeQuit === false) return end('quit');
      confirming = true;
      return;
    }
    if (name === 'return' || name === 'enter') {
      goalX = null;
      if (submitOnEnter(lastInBurst)) return end('submit');
      buffer = B.insertNewline(buffer);
      return;
    }
    if (key.ctrl && name === 'd') return end('submit');
    const edited = editKey({ buffer, goalX }, ch, key, contentWidth(), Math.max(1, bodyHeight() - 1));
    buffer = edited.buffer;
    goalX = edited.goalX;
  };

  const flush = () => {
    scheduled = false;
    if (finished) return;
    const keys = queue;
    queue = [];
    const before = buffer.lines;
    for (let i = 0; i < keys.length && !finished; i++) handle(keys[i]!.ch, keys[i]!.key, i === keys.length - 1);
    if (buffer.lines !== before) options.onChange?.(B.bufferText(buffer));
    draw();
  };

  const onKeypress = (ch: string | undefined, key: Key | undefined) => {
    if (finished) return;
    // Esc then Ctrl-C typed quickly comes as one key: split it, so the Ctrl-C counts.
    for (const k of splitEscapedControl(ch, key)) queue.push({ ch: k.ch, key: k.key ?? { sequence: k.ch } });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };

  const onResize = () => {
    const next = output.columns && output.columns > 0 ? output.columns : 80;
    region.resized(next);
    draw();
  };

  function detach(): void {
    keys.off('keypress', onKeypress);
    output.off?.('resize', onResize);
    output.write(PASTE_OFF);
    try {
      input.setRawMode?.(false);
    } catch {
      // the terminal is gone (SIGHUP): nothing to restore
    }
    keys.close();
  }

  // The keys with control strings typed or pasted removed whole (an OSC title string would otherwise leave
  // "0;PWNED" in the answer: the key reader takes its ESC for Alt-]); key sequences pass through.
  const keys = new FilteredKeys(input);
  emitKeypressEvents(keys);
  input.setRawMode?.(true);
  keys.on('keypress', onKeypress);
  output.on?.('resize', onResize);
  output.write(PASTE_ON);
  draw();

  return {
    result,
    setClock(next) {
      clock = next;
      draw();
    },
    notice(text) {
      notices.push(text);
      while (notices.length > MAX_NOTICES) notices.shift();
      draw();
    },
    close() {
      end('closed');
    },
    askQuit() {
      if (finished) return;
      confirming = true;
      draw();
    },
    text: () => B.bufferText(buffer),
  };
}


function trimTrailingBlankLines(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return lines.join('\n');
}

/**
 * The box on the process's own terminal with a clock of its own, for short timed answers (drill).
 * Resolves with the text, and whether time ran out; Ctrl-C rejects with ExitPromptError. `plain`: a
 * dumb terminal, read line by line (plain-input.ts). `timer`: whose time the clock line names (box-clock.ts;
 * drill's is 'card'). Deadlines are in the milliseconds of `now`.
 */
export async function answerPrompt(config: { label: string; mode: 'line' | 'multi'; style: Style; now: () => number; deadline: number; stageDeadline: number; initial?: string; onDraft?: (text: string) => void; plain?: boolean; timer?: 'interview' | 'card' }): Promise<{ text: string; timedOut: boolean }> {
  const clockNow = () => ({ leftMs: config.deadline - config.now(), stageLeftMs: config.stageDeadline - config.now() });
  const terminal = { input: process.stdin, output: process.stdout };
  const boxOptions = { label: config.label, mode: config.mode, clock: clockNow(), initial: config.initial, onChange: config.onDraft, askBeforeQuit: false, timer: config.timer };
  // A dumb terminal (`plain`) reads line by line in its cooked mode, where Ctrl-C is a signal: it stops, as in the box.
  const box = config.plain ? (await import('./plain-input.js')).openPlainBox(terminal, boxOptions) : openAnswerBox(terminal, { ...boxOptions, style: config.style });
  const onSigint = () => box.askQuit();
  if (config.plain) process.on('SIGINT', onSigint);
  let timedOut = false;
  const timer = setInterval(() => {
    const clock = clockNow();
    if (clock.leftMs <= 0) {
      timedOut = true;
      box.close();
    } else box.setClock(clock);
  }, 1000);
  try {
    const outcome = await box.result;
    if (outcome.kind === 'quit') throw new ExitPromptError();
    return { text: outcome.text, timedOut };
  } finally {
    clearInterval(timer);
    process.off('SIGINT', onSigint);
  }
}

/**
 * A key help line ("Enter on an empty line: submit · Ctrl-C: quit (asks first)") as rows of at most `width`
 * columns: as many whole " · "-separated parts on a row as fit, so no key is cut mid-word or dropped; a part
 * wider than a row is wrapped at its spaces, continued two columns in (only a word wider than a row is cut).
 */
export function keyRows(text: string, width: number): string[] {
  return packParts(text.split(' · ').map((part) => ({ text: part, paint: (s: string) => s })), ' · ', width);
}

/**
 * Parts of a line packed into rows of at most `width` columns, joined by `separator` on a row (or the part's own
 * `joiner`: " " before "· stage 4:57"); a part wider
 * than a row is wrapped at spaces (continued two columns in), a word wider than a row cut with "…". Each
 * part is painted on its own (its colour), so a style never spans a row's end.
 */
function packParts(parts: ReadonlyArray<{ text: string; paint: (s: string) => string; joiner?: string }>, separator: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  let used = 0;
  for (const part of parts) {
    const size = displayWidth(part.text);
    const joiner = part.joiner ?? separator;
    if (used > 0 && used + joiner.length + size <= width) {
      row += `${joiner}${part.paint(part.text)}`;
      used += joiner.length + size;
      continue;
    }
    if (used > 0) rows.push(row);
    const pieces = size <= width ? [part.text] : wrap(part.text, width, '  ', '').map((piece) => fitRow(piece, width));
    for (const piece of pieces.slice(0, -1)) rows.push(part.paint(piece));
    row = part.paint(pieces.at(-1) ?? '');
    used = displayWidth(pieces.at(-1) ?? '');
  }
  if (used > 0) rows.push(row);
  return rows;
}

/**
 * A plain text as at most `most` rows of at most `width` columns: wrapped at spaces (continued two columns in),
 * each row cut to the width (a word wider than a row, wide characters), and the last row ending in "…" when
 * rows were left off, so a cut never passes for the whole text.
 */
export function wrapRows(text: string, width: number, most: number): string[] {
  const rows = wrap(text, width, '  ', '').map((r) => fitRow(r, width));
  if (rows.length <= most) return rows;
  const kept = rows.slice(0, most);
  kept[most - 1] = fitRow(`${kept[most - 1]!} …`, width);
  return kept;
}
