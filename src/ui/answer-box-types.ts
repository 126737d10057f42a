import type { RegionOutput } from './live-region.js';
import type { Style } from './style.js';

/**
 * What a box that reads an answer looks like to its owner (the live session, drill): the answer box
 * (answer-prompt.ts) and the line-by-line input of a dumb terminal (plain-input.ts) both are one.
 */

/** Where the box reads keys and draws. process.stdin / process.stdout in the CLI, mocks in tests. */
export interface BoxTerminal {
  input: NodeJS.ReadableStream & { setRawMode?: (mode: boolean) => unknown; isTTY?: boolean };
  output: RegionOutput & {
    columns?: number;
    rows?: number;
    on?: (event: 'resize', listener: () => void) => unknown;
    off?: (event: 'resize', listener: () => void) => unknown;
  };
}

/** The clocks shown in the box's top line. */
export interface BoxClock {
  leftMs: number;
  stageLeftMs: number;
}

/** What the box shows and how it behaves. */
export interface BoxOptions {
  label: string;
  /** `line`: Enter submits (clarifying questions, one per line). `multi`: Enter on an empty last line submits. */
  mode: 'line' | 'multi';
  style: Style;
  clock: BoxClock;
  /** Text already typed before (a resumed draft). */
  initial?: string;
  /** Called with the whole text after each burst of keys that changed it. */
  onChange?: (text: string) => void;
  /** Open with the quit question shown (Ctrl-C was pressed just before the box opened). */
  confirmQuit?: boolean;
  /** false: Ctrl-C quits at once instead of asking (short drills). */
  askBeforeQuit?: boolean;
  /** Whose time the clock is (box-clock.ts): an interview and its stage (the default), or one drill card. */
  timer?: 'interview' | 'card';
}

/** How the box ended: submitted, the user chose to quit, or its owner closed it (time up, signal). */
export interface BoxOutcome {
  kind: 'submit' | 'quit' | 'closed';
  text: string;
}

/** An open box: its outcome, and what its owner can do while it is open. */
export interface AnswerBox {
  readonly result: Promise<BoxOutcome>;
  /** New clock values (each second). */
  setClock(clock: BoxClock): void;
  /** A warning shown inside the box at once (the latest two are kept). */
  notice(text: string): void;
  /** Ends the box from outside, keeping what was typed. */
  close(): void;
  /** Shows the quit question, as Ctrl-C does (a SIGINT sent from outside). */
  askQuit(): void;
  /** The text typed so far. */
  text(): string;
}
