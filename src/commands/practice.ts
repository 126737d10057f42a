import { confirm, input } from '@inquirer/prompts';
import { join } from 'node:path';
import { rubricsFor } from '../content/scope.js';
import type { Prompt } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { LiveSession, type LiveClock, type LiveEnd } from '../interview/live-session.js';
import { createInterview, type Interview, type InterviewState } from '../interview/interview-machine.js';
import { compileRubrics } from '../scoring/compile.js';
import type { CandidateLevel } from '../scoring/report.js';
import { newSessionId, sessionFileName } from '../store/session-record.js';
import { writeRecoveryFile } from '../store/recovery.js';
import { askUnlessStopped, processSignals } from './process-signals.js';
import { pickLeastPractised } from './pick-prompt.js';
import { readSession, removeSessionSync, saveSession, saveSessionSync, sessionsDir } from '../store/session-files.js';
import { editorCommand } from '../ui/external-editor.js';
import { terminalView } from '../ui/practice-view.js';
import { renderOutline } from '../ui/outline.js';
import { renderOpening, renderResuming, renderTimeUsed } from '../ui/practice-screens.js';
import { renderReport } from '../ui/report.js';
import { isDumbTerminal, type Style } from '../ui/style.js';
import type { BoxTerminal } from '../ui/answer-prompt.js';
import { askPlainLine, askPlainYesNo } from '../ui/plain-input.js';
import { loadAll, reportLoadProblems, type Loaded } from './load-content.js';
import { loadSessionList } from './session-list.js';
import { printLines, requireTerminal, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { questionText } from '../ui/question.js';
import { findPrompt, findSessionPrompt } from './lookup.js';
import { sessionByPrefix } from './session-lookup.js';
import type { SessionSummary } from '../store/summary.js';
import { canResume } from '../interview/session-status.js';
import { takeSessionLock } from './session-locks.js';

export interface PracticeOptions extends GlobalOptions {
  duration: number;
  level: CandidateLevel;
  tag?: string;
  editor?: boolean;
}


export async function practiceCommand(promptId: string | undefined, options: PracticeOptions, io: Io): Promise<number> {
  // Options are checked where they are declared (src/cli.ts); the prompt id or tag is checked here, before
  // the terminal, so `practice --tag zzz` in a pipe says the tag is unknown rather than "needs a terminal".
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  const prompt = promptId ? findPrompt(loaded.catalog, promptId) : await pickUnpractised(loaded, options.tag, io);
  requireTerminal(io, 'mlsd practice', 'To score a written answer instead: mlsd score answer.md --prompt <id>');
  const interview = createInterview(prompt, compileRubrics(rubricsFor(loaded.catalog, prompt)));
  const style = stdoutStyle(io, options);
  const id = newSessionId(io.now(), io.random);
  const dir = sessionsDir(loaded.paths.data);
  // Held while this process has the session open, so `resume` elsewhere leaves it alone.
  const lock = takeSessionLock(dir, id, io, options);
  try {
    printOpening(prompt, options, id, style, io);
    const plain = isDumbTerminal(io.env);
    const ready = await askUnlessStopped((signal) => (plain ? askPlainLine(processTerminal(), 'Press Enter to start the clock', signal) : input({ message: questionText('Press Enter to start the clock', terminalWidth(io)) }, { signal })));
    if ('stopped' in ready) return ready.stopped;
    const clock = systemClock();
    const createdAt = new Date(clock.now()).toISOString();
    const started = interview.start({ id, level: options.level, durationMinutes: options.duration, now: clock.now(), createdAt });
    const live = liveSession({ interview, prompt, state: started.state, dir, io, style, useEditor: options.editor ?? false, clock });
    live.view.print(started.messages);
    return await finish(await live.session.run(), prompt, style, io);
  } finally {
    lock.release();
  }
}

export interface ResumeOptions extends GlobalOptions {
  editor?: boolean;
}

export async function resumeCommand(idPrefix: string | undefined, options: ResumeOptions, io: Io): Promise<number> {
  requireTerminal(io, 'mlsd resume', 'To score a written answer instead: mlsd score answer.md --prompt <id>');
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  const dir = sessionsDir(loaded.paths.data);
  const { summaries } = await loadSessionList(dir, io, options);
  const resumable = (s: SessionSummary) => s.kind === 'practice' && canResume(s);
  let id: string;
  if (idPrefix) {
    const found = sessionByPrefix(summaries, idPrefix);
    if (!resumable(found)) throw new CliError(`session ${found.id} is ${found.status} and cannot be resumed`, EXIT.usage);
    id = found.id;
  } else {
    const latest = summaries.find(resumable);
    if (!latest) throw new CliError('there is no interrupted practice session to resume; start one with `mlsd practice`', EXIT.usage);
    id = latest.id;
  }
  const record = await readSession(dir, id);
  if (!record?.interview) throw new CliError(`session ${id} can no longer be read from ${dir}`, EXIT.failure);
  const prompt = findSessionPrompt(loaded.catalog, record.id, record.prompt);
  const interview = createInterview(prompt, compileRubrics(rubricsFor(loaded.catalog, prompt)));
  const style = stdoutStyle(io, options);
  printLines(io, renderResuming(record.id, prompt.title, style, terminalWidth(io)));
  // A session still marked active was stopped without a chance to save (kill -9, a crash): its time
  // ran until it was last saved, which happens every few seconds.
  let state = record.interview;
  if (state.status === 'active') {
    const lastSaved = Date.parse(record.updatedAt);
    const stoppedAt = Math.max(state.clockAt ?? 0, Number.isFinite(lastSaved) ? lastSaved : 0);
    state = interview.reduce(state, { type: 'interrupt', now: stoppedAt }).state;
  }
  const clock = systemClock();
  const live = liveSession({ interview, prompt, state, dir, io, style, useEditor: options.editor ?? false, clock });
  live.session.apply({ type: 'resume', now: clock.now() });
  return finish(await live.session.run(), prompt, style, io);
}

/** A prompt not practised lately (commands/pick-prompt.ts, shared with `interview`). */
function pickUnpractised(loaded: Loaded, tag: string | undefined, io: Io): Promise<Prompt> {
  return pickLeastPractised(loaded.catalog, sessionsDir(loaded.paths.data), tag, io);
}

function printOpening(prompt: Prompt, options: PracticeOptions, id: string, style: Style, io: Io): void {
  printLines(io, renderOpening({ prompt, level: options.level, duration: options.duration, sessionId: id, editor: options.editor ?? false, plain: isDumbTerminal(io.env) }, style, terminalWidth(io)));
}

/** This process's terminal, for the answer box and the plain questions. */
function processTerminal(): BoxTerminal {
  return { input: process.stdin, output: process.stdout };
}

function systemClock(): LiveClock {
  return {
    now: () => Date.now(),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  };
}

/** The live session wired to this process: its terminal, the sessions directory, its signals. */
function liveSession(options: { interview: Interview; prompt: Prompt; state: InterviewState; dir: string; io: Io; style: Style; useEditor: boolean; clock: LiveClock }) {
  const { io, dir } = options;
  const terminal = processTerminal();
  const view = terminalView({ terminal, style: options.style, width: () => terminalWidth(io), editorCommand: editorCommand(io.env), now: options.clock.now, plain: isDumbTerminal(io.env) });
  // Whatever ends the process, the terminal is not left in bracketed-paste mode.
  process.once('exit', () => view.restore());
  const session = new LiveSession(
    {
      interview: options.interview,
      prompt: options.prompt,
      clock: options.clock,
      view,
      useEditor: options.useEditor,
      store: {
        save: async (record) => {
          await saveSession(dir, record);
        },
        saveSync: (record) => {
          saveSessionSync(dir, record);
        },
        removeSync: (id) => removeSessionSync(dir, id),
        recover: (record) => writeRecoveryFile(record),
        where: (id) => join(dir, sessionFileName(id)),
      },
      signals: processSignals,
      exit: (code) => process.exit(code),
    },
    options.state,
  );
  return { session, view };
}

/** After the run: the report and the outline, or the exit code of a quit. */
async function finish(end: LiveEnd, prompt: Prompt, style: Style, io: Io): Promise<number> {
  if (end.kind === 'quit') return EXIT.interrupted;
  const { record, state } = end;
  const report = record.report!;
  const width = terminalWidth(io);
  printLines(io, ['', ...renderReport(report, style, { width }), '', ...renderTimeUsed(state.usedMs, state.durationMs, end.saved ? record.id : null, style, width)]);
  // The session is saved and scored already: a stop signal here only skips the outline, and says so in the exit code.
  const question = 'Show the reference outline, stage by stage?';
  const outline = await askUnlessStopped((signal) => (isDumbTerminal(io.env) ? askPlainYesNo(processTerminal(), question, true, signal) : confirm({ message: questionText(question, width), default: true }, { signal })));
  if ('value' in outline && outline.value) printLines(io, ['', ...renderOutline(prompt, state, style, width)]);
  if ('stopped' in outline && outline.stopped !== EXIT.interrupted) return outline.stopped;
  return end.saved ? EXIT.ok : EXIT.failure;
}
