import { isOver } from './session-status.js';
import { onStopSignals, SIGNAL_EXIT_CODES, type SignalName, type SignalSource } from './stop-signals.js';
import type { Prompt } from '../content/schema.js';
import { stageInfo } from '../stages.js';
import { Autosaver, type SaverTimers } from '../store/autosave.js';
import { dirname } from 'node:path';
import { WriteError } from '../files/atomic.js';
import { describeCode } from '../files/read.js';
import { answersAsText } from '../store/recovery.js';
import type { SessionRecord } from '../store/session-record.js';
import type { AnswerBox, BoxOptions } from '../ui/answer-prompt.js';
import type { EditorResult } from '../ui/external-editor.js';
import { formatClock } from '../text/clock-format.js';
import { clocksAt, hasContent, type Interview, type InterviewEvent, type InterviewState, type Message } from './interview-machine.js';

/**
 * The driver of a live practice session: it feeds the interview reducer its events (ticks each
 * second, typed drafts, answers, interrupts), shows what the interviewer says, and saves as it
 * goes. Clock, terminal, storage, signals and the process exit are injected, so tests run whole
 * sessions in-process with a fake clock. Nothing typed is lost: drafts are saved within a fraction
 * of a second, a failed save keeps the session running, and SIGTERM / SIGHUP save and mark the
 * session interrupted with the exact time left.
 */

export type { SignalName } from './stop-signals.js';

/** Time and timers. */
export interface LiveClock extends SaverTimers {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Where sessions go. `saveSync` is for the last save before the process ends. */
export interface LiveStore {
  save(record: SessionRecord): Promise<void>;
  saveSync(record: SessionRecord): void;
  removeSync(id: string): void;
  /** Writes the record elsewhere when its own file cannot be written; returns where, or null. */
  recover(record: SessionRecord): string | null;
  /** Where the session file is, for messages. */
  where(id: string): string;
}

/** The terminal, as the driver uses it. */
export interface LiveView {
  /** Prints messages of the conversation (the transcript above the box). */
  print(messages: Message[]): void;
  /** Prints plain lines (notes, errors), wrapped to the screen unless `verbatim` (text to copy back as it is). */
  note(text: string, options?: { verbatim?: boolean }): void;
  openBox(options: Omit<BoxOptions, 'style'>): AnswerBox;
  /** Opens the external editor on a question; resolves when it is closed. */
  edit(question: string, initial: string): Promise<EditorResult>;
  /** Asks what to do after the editor returned nothing; `null` when the user pressed Ctrl-C. */
  editorTrouble(problem: string): Promise<'retry' | 'inline' | 'empty' | null>;
  /** Puts the terminal back as it was (before exiting on a signal). */
  restore(): void;
}

/** Everything the driver touches, injected. */
export interface LiveDeps {
  interview: Interview;
  prompt: Prompt;
  clock: LiveClock;
  store: LiveStore;
  view: LiveView;
  signals: SignalSource;
  /** Ends the process (after a signal). */
  exit(code: number): void;
  useEditor: boolean;
}

/** How a run ended. */
export type LiveEnd = { kind: 'over'; state: InterviewState; record: SessionRecord; saved: boolean } | { kind: 'quit'; state: InterviewState };

/** An editor that returns sooner than this without a change did not wait for the user. */
export const EDITOR_MIN_MS = 2_000;
/** Every this many ticks the session is saved even without typing, so a crash loses little time. */
const HEARTBEAT_TICKS = 5;


/** One running practice session; see the module comment. */
export class LiveSession {
  private box: AnswerBox | null = null;
  /** The editor or a question about it owns the terminal: ticks wait. */
  private busy = false;
  private pendingQuit = false;
  private useEditor: boolean;
  private ticks = 0;
  private everSaved = false;
  private ended = false;
  private readonly saver: Autosaver<SessionRecord>;

  constructor(
    private readonly deps: LiveDeps,
    private state: InterviewState,
  ) {
    this.useEditor = deps.useEditor;
    this.saver = new Autosaver<SessionRecord>({
      timers: deps.clock,
      snapshot: () => this.record(),
      write: (record) => this.persist(record),
      onFailure: (error) => this.warn(notSavedNotice(error, this.deps.store.where(this.state.id))),
      onRecovered: () => this.warn('Saving works again; everything is on disk.'),
    });
  }

  /** The current state (for tests and the command). */
  get current(): InterviewState {
    return this.state;
  }

  /** Applies one event and shows what the interviewer says. */
  apply(event: InterviewEvent): void {
    const step = this.deps.interview.reduce(this.state, event);
    this.state = step.state;
    this.show(step.messages);
  }

  /** The session as saved on disk; scored once it is over. */
  record(): SessionRecord {
    const s = this.state;
    const over = isOver(s.status);
    return {
      id: s.id,
      kind: 'practice',
      createdAt: s.createdAt,
      updatedAt: new Date(this.deps.clock.now()).toISOString(),
      prompt: s.promptId,
      level: s.level,
      status: s.status,
      answers: this.deps.interview.answerSet(s),
      interview: s,
      ...(over ? { report: this.deps.interview.score(s) } : {}),
    };
  }

  /** Runs until the interview is over or the user quits. */
  async run(): Promise<LiveEnd> {
    const ticker = this.deps.clock.setInterval(() => this.tick(), 1000);
    const onSigint = () => {
      // Between boxes the terminal is not raw, so Ctrl-C arrives as a signal: ask in the next box.
      if (this.box) this.box.askQuit();
      else if (!this.busy) this.pendingQuit = true;
    };
    const stopListening = onStopSignals(this.deps.signals, { SIGINT: onSigint, SIGHUP: () => this.stopOnSignal('SIGHUP'), SIGTERM: () => this.stopOnSignal('SIGTERM') });
    try {
      if (hasContent(this.state)) this.saver.touch();
      while (this.state.status === 'active') {
        const outcome = await this.turn();
        if (outcome === 'quit') return await this.quit();
        if (hasContent(this.state)) await this.saver.flush();
      }
      return await this.over();
    } finally {
      this.deps.clock.clearInterval(ticker);
      stopListening();
      this.saver.stop();
    }
  }

  /** One second passed: account it, show warnings at once, end the box when time is up. */
  tick(): void {
    if (this.busy || this.state.status !== 'active' || this.ended) return;
    this.apply({ type: 'tick', now: this.deps.clock.now() });
    if (this.state.status !== 'active') {
      this.box?.close();
      return;
    }
    this.box?.setClock(this.clock());
    if (++this.ticks % HEARTBEAT_TICKS === 0 && hasContent(this.state)) this.saver.touch();
  }

  private clock() {
    const c = clocksAt(this.state, this.deps.clock.now());
    return { leftMs: c.leftMs, stageLeftMs: c.stageLeftMs };
  }

  private show(messages: Message[]): void {
    if (messages.length === 0) return;
    if (this.box) {
      // While the box is open, warnings appear inside it; nothing else is said while typing.
      for (const m of messages) this.box.notice(m.text);
      return;
    }
    this.deps.view.print(messages);
  }

  private warn(text: string): void {
    this.show([{ kind: 'warning', text }]);
  }

  private label(): string {
    const title = stageInfo(this.state.stage).title;
    return this.state.phase === 'follow-up' ? `${title} · follow-up` : title;
  }

  /** One question and its answer. */
  private async turn(): Promise<'done' | 'quit'> {
    const s = this.state;
    if (s.stage === 'clarify' && s.phase === 'answer') return this.boxTurn('line');
    if (this.useEditor && !this.pendingQuit) return this.editorTurn();
    return this.boxTurn('multi');
  }

  private async boxTurn(mode: 'line' | 'multi'): Promise<'done' | 'quit'> {
    const box = this.deps.view.openBox({
      label: this.label(),
      mode,
      clock: this.clock(),
      initial: this.state.draft,
      confirmQuit: this.pendingQuit,
      onChange: (text) => {
        this.apply({ type: 'draft', text });
        this.saver.touch();
      },
    });
    this.pendingQuit = false;
    this.box = box;
    let outcome;
    try {
      outcome = await box.result;
    } finally {
      this.box = null;
    }
    if (outcome.kind === 'quit') return 'quit';
    if (outcome.kind === 'closed' || this.state.status !== 'active') return 'done';
    const now = this.deps.clock.now();
    if (mode === 'line') {
      // Several pasted questions are asked one by one; an empty box moves on.
      const questions = outcome.text.split('\n').map((q) => q.trim()).filter(Boolean);
      if (questions.length === 0) this.apply({ type: 'submit', text: '', now });
      for (const q of questions) {
        if (this.state.status !== 'active') break;
        // The box shows only the first lines of a long paste: repeat each question before its answer.
        if (questions.length > 1) this.deps.view.print([{ kind: 'info', text: `You: ${q}` }]);
        this.apply({ type: 'ask', text: q, now });
      }
    } else {
      this.apply({ type: 'submit', text: outcome.text, now });
    }
    return 'done';
  }

  private async editorTurn(): Promise<'done' | 'quit'> {
    const left = clocksAt(this.state, this.deps.clock.now()).leftMs;
    this.deps.view.note(`${formatClock(left)} left in the interview; the clock keeps running while the editor is open.`);
    this.busy = true;
    let text: string;
    try {
      for (;;) {
        const result = await this.deps.view.edit(this.deps.interview.question(this.state), this.state.draft);
        const problem = editorProblem(result);
        if (!problem) {
          text = result.text;
          break;
        }
        const choice = await this.deps.view.editorTrouble(problem);
        if (choice === null) return 'quit';
        if (choice === 'retry') continue;
        if (choice === 'inline') {
          this.useEditor = false;
          this.busy = false;
          return this.boxTurn('multi');
        }
        text = result.text;
        break;
      }
    } finally {
      this.busy = false;
    }
    // Keep the text first: if time ran out while the editor was open, the tick keeps it as the answer.
    this.apply({ type: 'draft', text });
    this.apply({ type: 'tick', now: this.deps.clock.now() });
    if (this.state.status === 'active') this.apply({ type: 'submit', text, now: this.deps.clock.now() });
    return 'done';
  }

  /** The user chose to quit: interrupted and saved, unless nothing was typed at all. */
  private async quit(): Promise<LiveEnd> {
    this.apply({ type: 'interrupt', now: this.deps.clock.now() });
    if (!hasContent(this.state)) {
      this.ended = true;
      this.deps.store.removeSync(this.state.id);
      this.deps.view.note('Nothing was typed, so this session was not kept.');
      return { kind: 'quit', state: this.state };
    }
    const error = await this.saver.flush();
    this.ended = true;
    this.saver.stop();
    if (error) this.rescue(error);
    else this.deps.view.note(`Saved as ${this.state.id}.\nContinue later with: mlsd resume ${this.state.id}`);
    return { kind: 'quit', state: this.state };
  }

  /** Time is up or the last stage was answered: the scored session is saved. */
  private async over(): Promise<LiveEnd> {
    const error = await this.saver.flush();
    this.ended = true;
    this.saver.stop();
    if (error) this.rescue(error);
    return { kind: 'over', state: this.state, record: this.record(), saved: !error };
  }

  /** The last save failed: write the answers elsewhere and print them, and say where they are. */
  private rescue(error: unknown): void {
    const record = this.record();
    const elsewhere = this.deps.store.recover(record);
    const lines = [`Could not save the session to ${this.deps.store.where(record.id)} (${describe(error)}).`];
    if (elsewhere) lines.push(`Your answers are saved in ${elsewhere}; copy it to ${this.deps.store.where(record.id)} to keep the session.`);
    lines.push('Your answers, so that nothing is lost:');
    this.deps.view.note(lines.join('\n'));
    // The answers exactly as typed (not re-wrapped), so they can be copied back.
    this.deps.view.note(answersAsText(record), { verbatim: true });
  }

  /** SIGTERM or SIGHUP: save synchronously as interrupted, put the terminal back, and exit. */
  private stopOnSignal(name: Exclude<SignalName, 'SIGINT'>): void {
    if (this.ended) return;
    this.ended = true;
    this.saver.stop();
    const text = this.box?.text();
    if (text !== undefined && text !== this.state.draft) this.state = this.deps.interview.reduce(this.state, { type: 'draft', text }).state;
    this.state = this.deps.interview.reduce(this.state, { type: 'interrupt', now: this.deps.clock.now() }).state;
    // SIGTERM leaves the terminal with us: close the box so the cursor ends below it. After SIGHUP
    // there is no terminal to draw on.
    const terminalLeft = name === 'SIGTERM';
    if (terminalLeft) {
      try {
        this.box?.close();
      } catch {
        // nothing left to draw on
      }
    }
    try {
      this.deps.view.restore();
    } catch {
      // the terminal is gone
    }
    if (hasContent(this.state)) {
      try {
        this.deps.store.saveSync(this.record());
        if (terminalLeft) this.deps.view.note(`Stopped by ${name}. Saved as ${this.state.id}.\nContinue later with: mlsd resume ${this.state.id}`);
      } catch (error) {
        // As when the last save fails at the end: written elsewhere (first), then printed, with where they are.
        try {
          this.rescue(error);
        } catch {
          // the terminal is gone; the file written elsewhere (when it could be) holds the answers
        }
      }
    } else if (this.everSaved) {
      this.deps.store.removeSync(this.state.id);
    }
    this.deps.exit(SIGNAL_EXIT_CODES[name]);
  }

  /** Writes a record, but never a session with nothing typed in it. */
  private async persist(record: SessionRecord): Promise<void> {
    if (!hasContent(record.interview!)) return;
    await this.deps.store.save(record);
    this.everSaved = true;
  }
}

/** What went wrong with an editor run, in words the user can act on; null when it went fine. */
export function editorProblem(result: EditorResult): string | null {
  if (result.error) return `The editor failed: ${result.error}.`;
  if (!result.changed && result.elapsedMs < EDITOR_MIN_MS) {
    return `The editor returned after ${(result.elapsedMs / 1000).toFixed(1)} s without a change: it did not wait for you. A graphical editor needs its wait flag, e.g. VISUAL="code --wait" (or "subl -w", "gedit -s", "mate -w").`;
  }
  if (!result.text.trim()) return 'The answer is empty.';
  return null;
}

/**
 * The notice when a save fails: the reason, the file that could not be written, and what to do about it
 * (by the error's code: a folder without write permission, a read-only disk, a full disk), and that the text
 * is kept and saving retried: "Not saved: permission denied. Could not write /h/sessions/x.json. Make its
 * folder writable (chmod u+w /h/sessions); your text is kept and saving is retried."
 */
export function notSavedNotice(error: unknown, file: string): string {
  const code = error instanceof WriteError ? error.code : (error as NodeJS.ErrnoException | null)?.code;
  const folder = dirname(file);
  const todo =
    code === 'EACCES' || code === 'EPERM'
      ? `Make its folder writable (chmod u+w ${folder})`
      : code === 'EROFS'
        ? 'The disk is read-only: for later sessions set MLSD_HOME to a writable folder'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'Free some disk space'
          : `Check that ${folder} can be written`;
  return `Not saved: ${describe(error)}. Could not write ${file}. ${todo}; your text is kept and saving is retried.`;
}

/** Why a save failed, in words ("no space left on the device"), never a bare errno code. */
function describe(error: unknown): string {
  if (error instanceof WriteError) return error.reason;
  const e = error as NodeJS.ErrnoException;
  return e?.code ? describeCode(e.code) : String(e?.message ?? error);
}
