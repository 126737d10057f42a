import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseAnswers } from '../answers/parse.js';
import type { Catalog } from '../content/catalog.js';
import { rubricsFor } from '../content/scope.js';
import type { Prompt } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { stageBudgets } from '../interview/budgets.js';
import { formatClock } from '../text/clock-format.js';
import { compareMarks, type MarksComparison } from '../interview/peer-compare.js';
import { sheetReport } from '../interview/peer-report.js';
import { createPeerSheet, type PeerSheet, type PeerSheetState, type SheetEvent } from '../interview/peer-sheet.js';
import { isOver } from '../interview/session-status.js';
import { onStopSignals, SIGNAL_EXIT_CODES, type SignalName } from '../interview/stop-signals.js';
import { compileRubrics } from '../scoring/compile.js';
import type { CandidateLevel, ScoreReport } from '../scoring/report.js';
import { scoreAnswers, type AnswerSet } from '../scoring/score.js';
import { newSessionId, type SessionRecord } from '../store/session-record.js';
import { saveSession, sessionsDir } from '../store/session-files.js';
import { cursorFromPointer, handleKey, initialView, pointerRow, type Key, type SheetView } from '../ui/peer-keys.js';
import { renderInterviewEnd } from '../ui/peer-report-view.js';
import { renderNote, renderWarning } from '../ui/notices.js';
import { Screen, type KeyInput, type ScreenOutput } from '../ui/peer-screen.js';
import { renderScreen, type Briefing } from '../ui/peer-view.js';
import type { Style } from '../ui/style.js';
import { loadAll, reportLoadProblems } from './load-content.js';
import { printLines, requireCursorTerminal, stderrStyle, stderrWidth, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { findPrompt, findSessionPrompt } from './lookup.js';
import { processSignals } from './process-signals.js';
import { pickLeastPractised } from './pick-prompt.js';
import { takeSessionLock } from './session-locks.js';

/** `mlsd interview`: the interviewer's live sheet for a peer mock interview. */

export interface InterviewOptions extends GlobalOptions {
  duration: number;
  level: CandidateLevel;
  tag?: string;
  candidate?: string;
  /** The candidate's own notes or transcript, scored alongside the marks at the end. */
  answers?: string;
}

/** The terminal the sheet runs in and the clock it keeps: the real ones, or a test's. */
export interface SheetTerminal {
  input: KeyInput;
  output: ScreenOutput;
  /** Milliseconds on a monotonic-enough clock; the sheet only ever subtracts two of them. */
  now: () => number;
}

const TICK_MS = 1_000;
/** How often the clock is written to disk while nothing else changes. */
const SAVE_CLOCK_MS = 5_000;
const ANSWERS_MAX_BYTES = 1_000_000;

export async function interviewCommand(promptId: string | undefined, options: InterviewOptions, io: Io, terminal: SheetTerminal = processTerminal()): Promise<number> {
  // Options are checked where they are declared (src/cli.ts); the prompt id, tag and answers file here, before the terminal.
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  const dir = sessionsDir(loaded.paths.data);
  const prompt = promptId ? findPrompt(loaded.catalog, promptId) : await pickLeastPractised(loaded.catalog, dir, options.tag, io);
  const answersFile = options.answers ? resolve(options.answers) : undefined;
  if (answersFile) {
    const info = await stat(answersFile).catch(() => null);
    if (info && !info.isFile()) throw new CliError(`--answers ${options.answers} is not a file`, EXIT.usage);
    if (!info) io.stderr.write(`${renderNote(`${options.answers} does not exist yet; it is read when the interview ends`, stderrStyle(io, options), stderrWidth(io))}\n`);
  }
  needTerminal(io, terminal, 'mlsd interview', 'It is a live sheet for the person asking the questions; to score a written answer instead: mlsd score answer.md --prompt <id>');
  const candidate = options.candidate?.trim() || null;
  const id = newSessionId(io.now(), io.random);
  const session = new PeerSession({ prompt, catalog: loaded.catalog, dir, io, style: stdoutStyle(io, options), errorStyle: stderrStyle(io, options), terminal, state: null });
  // Held while this process has the session open, so `resume` elsewhere leaves it alone.
  const lock = takeSessionLock(dir, id, io, options);
  try {
    return await session.run({ id, level: options.level, durationMinutes: options.duration, candidate, ...(answersFile ? { answersFile } : {}) });
  } finally {
    lock.release();
  }
}

/** Continues an interrupted peer interview (called by `mlsd resume`). */
export async function resumeInterview(record: SessionRecord, options: GlobalOptions, io: Io, terminal: SheetTerminal = processTerminal()): Promise<number> {
  needTerminal(io, terminal, 'mlsd resume', 'An interview needs the terminal it runs in.');
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  if (!record.sheet) throw new CliError(`session ${record.id} is not a peer interview`, EXIT.usage);
  const prompt = findSessionPrompt(loaded.catalog, record.id, record.prompt);
  let state = record.sheet;
  const session = new PeerSession({ prompt, catalog: loaded.catalog, dir: sessionsDir(loaded.paths.data), io, style: stdoutStyle(io, options), errorStyle: stderrStyle(io, options), terminal, state });
  // A sheet still marked active was stopped without an interrupt (a crash, a killed terminal):
  // the time after its last save is not counted.
  if (state.status === 'active') state = session.sheet.reduce(state, { type: 'interrupt', now: state.clockAt ?? terminal.now() }).state;
  session.setState(state);
  return session.run(null);
}

/** The sheet reads keys from its terminal and draws on it: both ends must be one. */
function needTerminal(io: Io, terminal: SheetTerminal, command: string, instead: string): void {
  if (!terminal.input.isTTY || !io.stdout.isTTY) {
    throw new CliError(`${command} is interactive and needs a terminal (stdin and stdout are not both a TTY).\n  ${instead}`, EXIT.usage);
  }
  // The sheet is a full screen redrawn in place.
  requireCursorTerminal(io, command, 'Run it in a terminal emulator (TERM=xterm-256color or similar); to practise alone here: mlsd practice');
}

function processTerminal(): SheetTerminal {
  return { input: process.stdin, output: process.stdout, now: Date.now };
}

interface SessionSetup {
  prompt: Prompt;
  catalog: Catalog;
  dir: string;
  io: Io;
  style: Style;
  /** The style of warnings on stderr. */
  errorStyle: Style;
  terminal: SheetTerminal;
  state: PeerSheetState | null;
}

interface StartOptions {
  id: string;
  level: CandidateLevel;
  durationMinutes: number;
  candidate: string | null;
  answersFile?: string;
}

/** One interview on screen: keys in, events to the sheet, saves as it goes, the report at the end. */
class PeerSession {
  readonly sheet: PeerSheet;
  private state: PeerSheetState | null;
  private view: SheetView;
  private readonly screen: Screen;
  private saving: Promise<unknown> = Promise.resolve();
  private lastSave = 0;
  private finish: ((code: number) => void) | null = null;
  private pending: StartOptions | null = null;
  private failure: Error | null = null;

  constructor(private readonly setup: SessionSetup) {
    this.sheet = createPeerSheet(setup.prompt, compileRubrics(rubricsFor(setup.catalog, setup.prompt)));
    this.state = setup.state;
    this.view = initialView(setup.state !== null);
    this.screen = new Screen(setup.terminal.input, setup.terminal.output);
  }

  private now(): number {
    return this.setup.terminal.now();
  }

  setState(state: PeerSheetState): void {
    this.state = state;
  }

  async run(start: StartOptions | null): Promise<number> {
    this.pending = start;
    const done = new Promise<number>((resolveDone) => {
      this.finish = resolveDone;
    });
    const onSignal = (name: SignalName) => () => void this.stop(SIGNAL_EXIT_CODES[name]);
    const stopListening = onStopSignals(processSignals, { SIGINT: onSignal('SIGINT'), SIGHUP: onSignal('SIGHUP'), SIGTERM: onSignal('SIGTERM') });
    const timer = setInterval(() => this.guard(() => this.tick()), TICK_MS);
    this.screen.start({ key: (key) => this.guard(() => this.key(key)), resize: () => this.guard(() => this.draw()), lost: () => void this.stop(SIGNAL_EXIT_CODES.SIGHUP) });
    if (this.state) {
      // Resumed: start paused, so the interviewer picks up when both are ready; a note that was being
      // typed when it stopped is open again, as it was.
      const draft = this.state.draft;
      this.view = { ...this.view, mode: 'paused', cursor: cursorFromPointer(this.sheet, this.state), input: draft ? { purpose: draft.purpose, text: draft.text, ...(draft.target !== undefined ? { target: draft.target } : {}) } : null, message: { kind: 'info', text: `Resumed ${this.state.id} with ${formatClock(this.state.durationMs - this.state.usedMs)} left. Any key starts the clock.` } };
      await this.save();
    }
    this.draw();
    let code: number;
    try {
      code = await done;
    } finally {
      clearInterval(timer);
      stopListening();
      this.screen.stop();
    }
    await this.saving;
    if (this.failure) throw this.failure;
    return code === EXIT.ok ? this.report() : this.goodbye(code);
  }

  /** A bug in a key or a tick must not leave the terminal raw: save, give the terminal back, then report it. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
      void this.stop(EXIT.failure);
    }
  }

  private key(key: Key): void {
    const now = this.now();
    const result = handleKey(this.view, key, this.sheet, this.state, now);
    this.view = result.view;
    this.apply(result.events);
    this.keepDraft();
    this.keepPointer();
    switch (result.effect) {
      case 'start': {
        const s = this.pending!;
        this.state = this.sheet.start({ ...s, now, createdAt: this.setup.io.now().toISOString() }).state;
        void this.save();
        break;
      }
      case 'pause':
        this.apply([{ type: 'interrupt', now }]);
        break;
      case 'resume':
        this.apply([{ type: 'resume', now }]);
        this.view = { ...this.view, message: null };
        break;
      case 'quit':
        void this.stop(EXIT.interrupted);
        return;
      case 'end':
        this.finish?.(EXIT.ok);
        return;
      case 'none':
        break;
    }
    this.draw();
  }

  private apply(events: SheetEvent[]): void {
    if (!this.state || events.length === 0) return;
    let changed = false;
    for (const event of events) {
      const step = this.sheet.reduce(this.state, event);
      // A warning about the stage left behind is old news in the next one.
      if (step.state.stage !== this.state.stage) this.view = { ...this.view, message: null };
      changed ||= step.state !== this.state && event.type !== 'tick';
      this.state = step.state;
      for (const m of step.messages) {
        if (m.kind === 'fact') this.view = { ...this.view, fact: { question: event.type === 'fact' ? event.question : '', answer: m.text } };
        else this.view = { ...this.view, message: { kind: m.kind, text: m.text } };
      }
    }
    if (changed) void this.save();
  }

  private tick(): void {
    if (!this.state || this.state.status !== 'active') {
      this.draw();
      return;
    }
    const before = this.state.status;
    this.apply([{ type: 'tick', now: this.now() }]);
    if (this.state.status !== before || this.now() - this.lastSave >= SAVE_CLOCK_MS) void this.save();
    this.draw();
  }

  private draw(): void {
    const { width, height } = this.screen.size();
    this.screen.draw(renderScreen(this.state, this.view, { sheet: this.sheet, briefing: this.briefing(), style: this.setup.style, width, height }));
  }

  private briefing(): Briefing {
    const { prompt } = this.setup;
    const s = this.state;
    const p = this.pending;
    const minutes = s ? s.durationMs / 60_000 : (p?.durationMinutes ?? 45);
    return {
      title: prompt.title,
      prompt: prompt.prompt,
      outline: prompt.outline,
      facts: this.sheet.facts,
      level: s?.level ?? p?.level ?? 'senior',
      candidate: s?.candidate ?? p?.candidate ?? null,
      durationMs: minutes * 60_000,
      budgets: s?.budgets ?? stageBudgets(minutes),
    };
  }

  /** What is being typed in a box goes into the sheet (and so to disk): quitting, even during a pause, keeps it. */
  private keepDraft(): void {
    if (!this.state) return;
    const input = this.view.input;
    const typing = input && input.text.trim() ? input : null;
    const saved = this.state.draft;
    if (saved?.purpose === typing?.purpose && saved?.text === typing?.text && saved?.target === typing?.target) return;
    this.apply([{ type: 'draft', draft: typing ? { purpose: typing.purpose, text: typing.text, ...(typing.target !== undefined ? { target: typing.target } : {}) } : null }]);
  }

  /**
   * Where the pointer is goes into the sheet, so a resumed interview opens on the same row. Not saved on
   * its own (a move is no news): the next save carries it (a mark, the clock's save, a pause, a quit).
   */
  private keepPointer(): void {
    if (!this.state) return;
    const row = pointerRow(this.view, this.sheet, this.state);
    if (row) this.state = this.sheet.reduce(this.state, { type: 'pointer', stage: this.state.stage, row }).state;
  }

  /** Stops for good without the report: saved as interrupted, resumable. */
  private async stop(code: number): Promise<void> {
    if (this.state?.status === 'active') this.apply([{ type: 'interrupt', now: this.now() }]);
    await this.save();
    this.finish?.(code);
  }

  /** Saves the sheet; writes are queued so they never interleave. */
  private save(): Promise<unknown> {
    if (!this.state) return this.saving;
    const record = this.record(this.state);
    this.lastSave = this.now();
    this.saving = this.saving.then(() => saveSession(this.setup.dir, record)).catch((error: unknown) => {
      this.view = { ...this.view, message: { kind: 'warning', text: `could not save: ${error instanceof Error ? error.message : String(error)}` } };
    });
    return this.saving;
  }

  private record(state: PeerSheetState, extra: { answers?: AnswerSet; automatic?: ScoreReport } = {}): SessionRecord {
    const over = isOver(state.status);
    return {
      id: state.id,
      kind: 'interview',
      createdAt: state.createdAt,
      updatedAt: this.setup.io.now().toISOString(),
      prompt: state.promptId,
      level: state.level,
      status: state.status,
      answers: extra.answers ?? { sections: {} },
      sheet: state,
      ...(state.candidate ? { candidate: state.candidate } : {}),
      ...(over ? { report: this.marksReport(state) } : {}),
      ...(extra.automatic ? { automatic: extra.automatic } : {}),
    };
  }

  private marksReport(state: PeerSheetState): ScoreReport {
    return sheetReport({ prompt: this.setup.prompt, items: this.sheet.allItems, flags: this.sheet.allFlags, state });
  }

  private goodbye(code: number): number {
    const { io } = this.setup;
    if (this.state) {
      const id = this.state.id;
      const next = this.state.status === 'timed-out' ? `Time was up; the report: mlsd review ${id}` : `Continue with: mlsd resume ${id}`;
      io.stdout.write(`Interview saved as ${id}. ${next}\n`);
    }
    return code;
  }

  /** The end: the candidate's feedback, from the marks, with the automatic score beside it if asked. */
  private async report(): Promise<number> {
    const { io, style } = this.setup;
    const state = this.state!;
    const width = terminalWidth(io);
    const marks = this.marksReport(state);
    let automatic: { report: ScoreReport; answers: AnswerSet; comparison: MarksComparison } | null = null;
    if (state.answersFile) {
      try {
        automatic = await this.scoreAnswersFile(state.answersFile, marks);
      } catch (error) {
        io.stderr.write(`${renderWarning(`${error instanceof Error ? error.message : String(error)}; the report uses the marks alone`, this.setup.errorStyle, stderrWidth(io))}\n`);
      }
    }
    await saveSession(this.setup.dir, this.record(state, automatic ? { answers: automatic.answers, automatic: automatic.report } : {}));
    printLines(io, renderInterviewEnd(state, marks, automatic ? { comparison: automatic.comparison, answersFile: state.answersFile! } : null, style, width));
    return EXIT.ok;
  }

  private async scoreAnswersFile(file: string, marks: ScoreReport) {
    const info = await stat(file).catch(() => null);
    if (!info) throw new Error(`cannot read --answers ${file}: no such file`);
    if (!info.isFile() || info.size > ANSWERS_MAX_BYTES) throw new Error(`cannot read --answers ${file}: not a regular file under 1 MB`);
    const parsed = parseAnswers(await readFile(file, 'utf8'), file);
    if (parsed.issues.length > 0) throw new Error(`cannot read the answers in ${file}`);
    const scope = compileRubrics(rubricsFor(this.setup.catalog, this.setup.prompt));
    const report = scoreAnswers({ prompt: this.setup.prompt, scope, answers: parsed.answers, level: this.state!.level });
    return { report, answers: parsed.answers, comparison: compareMarks(marks, report, this.state!) };
  }
}
