import { ExitPromptError } from '@inquirer/core';
import { confirm, editor, input } from '@inquirer/prompts';
import { rubricsFor } from '../content/scope.js';
import type { Prompt } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { formatClock, stageBudgets } from '../interview/budgets.js';
import { pickPrompt } from '../interview/pick.js';
import { createInterview, type Interview, type InterviewEvent, type InterviewState, type Message } from '../interview/session.js';
import { compileRubrics } from '../scoring/compile.js';
import type { CandidateLevel } from '../scoring/report.js';
import { newSessionId, SESSION_SCHEMA, type SessionRecord } from '../store/session.js';
import { loadSummaries } from '../store/index-cache.js';
import { findById, readSession, saveSession, sessionsDir } from '../store/sessions.js';
import { STAGES, stageInfo } from '../stages.js';
import { answerPrompt } from '../ui/answer-prompt.js';
import { renderOutline } from '../ui/outline.js';
import { renderReport } from '../ui/report.js';
import type { Style } from '../ui/style.js';
import { wrap } from '../ui/wrap.js';
import { loadAll, reportLoadProblems } from './context.js';
import { loadSessionList } from './session-list.js';
import { requireTerminal, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './io.js';
import { findPrompt } from './lookup.js';

export interface PracticeOptions extends GlobalOptions {
  duration: number;
  level: CandidateLevel;
  tag?: string;
  editor?: boolean;
}

/** How often the text being typed is written to the session file. */
const AUTOSAVE_MS = 2_000;

export async function practiceCommand(promptId: string | undefined, options: PracticeOptions, io: Io): Promise<number> {
  requireTerminal(io, 'mlsd practice', 'To score a written answer instead: mlsd score answer.md --prompt <id>');
  if (!Number.isFinite(options.duration) || options.duration < 1 || options.duration > 180) {
    throw new CliError(`--duration must be a number of minutes from 1 to 180 (got ${String(options.duration)})`, EXIT.usage);
  }
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  const prompt = promptId ? findPrompt(loaded.catalog, promptId) : await pickUnpractised(loaded, options.tag, io);
  const interview = createInterview(prompt, compileRubrics(rubricsFor(loaded.catalog, prompt)));
  const style = stdoutStyle(io, options);
  const id = newSessionId(io.now(), io.random);
  const dir = sessionsDir(loaded.paths.data);

  printOpening(prompt, options, id, style, io);
  try {
    await input({ message: 'Press Enter to start the clock' });
  } catch (error) {
    if (error instanceof ExitPromptError) return EXIT.interrupted;
    throw error;
  }
  const createdAt = io.now().toISOString();
  const started = interview.start({ id, level: options.level, durationMinutes: options.duration, now: Date.now(), createdAt });
  const session = new LiveSession(interview, prompt, started.state, dir, io, style, options.editor ?? false);
  session.print(started.messages);
  await session.save();
  return session.run();
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
  const resumable = (s: { kind: string; status: string }) => s.kind === 'practice' && (s.status === 'interrupted' || s.status === 'active');
  let id: string;
  if (idPrefix) {
    const found = findById(summaries, idPrefix);
    if ('error' in found) {
      throw new CliError(found.error === 'ambiguous' ? `"${idPrefix}" matches several sessions: ${found.matches.join(', ')}` : `no session "${idPrefix}" in ${dir}`, EXIT.usage);
    }
    if (!resumable(found.session)) throw new CliError(`session ${found.session.id} is ${found.session.status} and cannot be resumed`, EXIT.usage);
    id = found.session.id;
  } else {
    const latest = summaries.find(resumable);
    if (!latest) throw new CliError('there is no interrupted practice session to resume; start one with `mlsd practice`', EXIT.usage);
    id = latest.id;
  }
  const record = await readSession(dir, id);
  if (!record?.interview) throw new CliError(`session ${id} can no longer be read from ${dir}`, EXIT.failure);
  const prompt = findPrompt(loaded.catalog, record.prompt);
  const interview = createInterview(prompt, compileRubrics(rubricsFor(loaded.catalog, prompt)));
  const style = stdoutStyle(io, options);
  io.stdout.write(`${style.bold(`Resuming ${record.id}`)}: ${prompt.title}\n\n`);
  // A session still marked active was stopped without an interrupt (a crash or a closed terminal).
  let state = record.interview;
  if (state.status === 'active') state = interview.reduce(state, { type: 'interrupt', now: state.clockAt ?? Date.now() }).state;
  const session = new LiveSession(interview, prompt, state, dir, io, style, options.editor ?? false);
  session.apply({ type: 'resume', now: Date.now() });
  await session.save();
  return session.run();
}

async function pickUnpractised(loaded: Awaited<ReturnType<typeof loadAll>>, tag: string | undefined, io: Io): Promise<Prompt> {
  const { summaries } = await loadSummaries(sessionsDir(loaded.paths.data));
  const lastPractised = new Map<string, string>();
  for (const s of summaries) if ((lastPractised.get(s.prompt) ?? '') < s.createdAt) lastPractised.set(s.prompt, s.createdAt);
  const picked = pickPrompt({ prompts: [...loaded.catalog.prompts.values()].map((e) => e.value), tag, lastPractised, random: io.random });
  if ('error' in picked) throw new CliError(picked.error, EXIT.usage);
  return picked.prompt;
}

function printOpening(prompt: Prompt, options: PracticeOptions, id: string, style: Style, io: Io): void {
  const width = Math.min(terminalWidth(io), 100);
  const budgets = createBudgetLines(options.duration);
  const out = [
    style.bold(`Mock interview · ${prompt.title}`) + style.dim(`  ·  level ${options.level}  ·  ${options.duration} minutes  ·  session ${id}`),
    '',
    ...wrap(`Interviewer: “${prompt.prompt}”`, width, '  ').map(style.cyan),
    '',
    style.bold('Stages and time budgets'),
    ...budgets,
    '',
    style.bold('How it works'),
    ...wrap('First, clarify: ask one question per line and the interviewer answers what they know. State assumptions the same way. Press Enter on an empty line to move on.', width, '    ', '  • '),
    ...wrap(
      options.editor
        ? 'Then each stage in turn: your $EDITOR opens for the answer; save and close it to submit.'
        : 'Then each stage in turn: type your answer, Enter starts a new line, and Enter on an empty line (Enter twice) submits.',
      width,
      '    ',
      '  • ',
    ),
    ...wrap('When an important point is missing, the interviewer asks a follow-up (at most two per stage); answering it earns partial credit.', width, '    ', '  • '),
    ...wrap('The clock keeps running while you type; at zero the interview ends and stages not reached score zero. Ctrl-C pauses: your session is saved, and `mlsd resume` continues it.', width, '    ', '  • '),
    '',
  ];
  io.stdout.write(`${out.join('\n')}\n`);
}

function createBudgetLines(duration: number): string[] {
  const budgets = stageBudgets(duration);
  return STAGES.map((s, i) => `  ${i + 1}. ${s.title.padEnd(30)}${formatClock(budgets[s.id])}`);
}

/** One running interview: applies events, prints what the interviewer says, saves as it goes. */
class LiveSession {
  private draftDirty = false;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly interview: Interview,
    private readonly prompt: Prompt,
    private state: InterviewState,
    private readonly dir: string,
    private readonly io: Io,
    private readonly style: Style,
    private readonly useEditor: boolean,
  ) {}

  apply(event: InterviewEvent): void {
    const step = this.interview.reduce(this.state, event);
    this.state = step.state;
    this.print(step.messages);
  }

  print(messages: Message[]): void {
    const width = Math.min(terminalWidth(this.io), 100);
    for (const m of messages) {
      const lines =
        m.kind === 'interviewer'
          ? wrap(`Interviewer: ${m.text}`, width, '  ').map(this.style.cyan)
          : m.kind === 'warning'
            ? wrap(`⚠ ${m.text}`, width, '  ').map(this.style.yellow)
            : wrap(m.text, width).map(this.style.dim);
      this.io.stdout.write(`\n${lines.join('\n')}\n`);
    }
  }

  /** Saves the session; writes are queued so they never interleave. */
  save(): Promise<void> {
    const record = this.record();
    this.saving = this.saving.then(() => saveSession(this.dir, record).then(() => undefined));
    return this.saving;
  }

  private record(report = false): SessionRecord {
    const s = this.state;
    return {
      schema: SESSION_SCHEMA,
      id: s.id,
      kind: 'practice',
      createdAt: s.createdAt,
      updatedAt: this.io.now().toISOString(),
      prompt: s.promptId,
      level: s.level,
      status: s.status,
      answers: this.interview.answerSet(s),
      interview: s,
      ...(report ? { report: this.interview.score(s) } : {}),
    };
  }

  async run(): Promise<number> {
    const autosave = setInterval(() => {
      if (!this.draftDirty) return;
      this.draftDirty = false;
      void this.save();
    }, AUTOSAVE_MS);
    // Inside a prompt, Ctrl-C is a keypress; between prompts the terminal sends SIGINT instead.
    // Both lead to the same pause, so a well-timed Ctrl-C never kills the session.
    let interrupted = false;
    const onSigint = () => {
      interrupted = true;
    };
    process.on('SIGINT', onSigint);
    try {
      while (this.state.status === 'active') {
        try {
          if (interrupted) throw new ExitPromptError();
          await this.turn();
        } catch (error) {
          if (!(error instanceof ExitPromptError)) throw error;
          interrupted = false;
          if (!(await this.pause())) continue;
          return EXIT.interrupted;
        }
        await this.save();
      }
    } finally {
      process.off('SIGINT', onSigint);
      clearInterval(autosave);
      await this.saving;
    }
    return this.finish();
  }

  /** One question and its answer. */
  private async turn(): Promise<void> {
    const s = this.state;
    const now = Date.now();
    const deadline = now + (s.durationMs - s.usedMs);
    const stageDeadline = now + (s.budgets[s.stage] - (s.stageMs[s.stage] ?? 0));
    const label = s.phase === 'follow-up' ? `${stageInfo(s.stage).title} · follow-up` : stageInfo(s.stage).title;
    const onDraft = (text: string) => {
      this.state = { ...this.state, draft: text };
      this.draftDirty = true;
    };
    if (s.stage === 'clarify' && s.phase === 'answer') {
      // Hints stay short (about 60 columns): a terminal that narrows re-wraps longer lines, and the prompt,
      // which redraws by counting rows, would then leave a stale copy above.
      const r = await answerPrompt({ label, mode: 'line', style: this.style, now: Date.now, deadline, stageDeadline, onDraft, hint: 'Enter: ask · Enter on an empty line: move on · Ctrl-C: pause' });
      if (r.timedOut) return this.timeUp(r.text);
      this.apply(r.text.trim() ? { type: 'ask', text: r.text, now: Date.now() } : { type: 'submit', text: '', now: Date.now() });
      return;
    }
    if (this.useEditor) {
      this.io.stdout.write(this.style.dim(`\n${formatClock(Math.max(0, deadline - now))} left in the interview; the clock keeps running while the editor is open.\n`));
      const text = await editor({ message: `${label}: opening your editor`, default: s.draft, postfix: '.md', waitForUserInput: false });
      this.apply({ type: 'draft', text });
      this.apply({ type: 'tick', now: Date.now() });
      if (this.state.status === 'active') this.apply({ type: 'submit', text, now: Date.now() });
      return;
    }
    const r = await answerPrompt({ label, mode: 'multi', style: this.style, now: Date.now, deadline, stageDeadline, initial: s.draft, onDraft, hint: 'Enter: new line · Enter on an empty line: submit · Ctrl-C: pause' });
    if (r.timedOut) return this.timeUp(r.text);
    this.apply({ type: 'submit', text: r.text, now: Date.now() });
  }

  private timeUp(text: string): void {
    this.apply({ type: 'draft', text });
    this.apply({ type: 'tick', now: Date.now() + 1_000 });
  }

  /** Ctrl-C: save as interrupted, then ask. A second Ctrl-C quits at once. Returns true to quit. */
  private async pause(): Promise<boolean> {
    this.apply({ type: 'interrupt', now: Date.now() });
    await this.save();
    const where = `Saved as ${this.state.id}. Continue later with: mlsd resume ${this.state.id}`;
    try {
      const quit = await confirm({ message: 'Quit the interview?', default: false });
      if (!quit) {
        this.apply({ type: 'resume', now: Date.now() });
        await this.save();
        return false;
      }
    } catch (error) {
      if (!(error instanceof ExitPromptError)) throw error;
    }
    this.io.stdout.write(`\n${where}\n`);
    return true;
  }

  private async finish(): Promise<number> {
    const record = this.record(true);
    await saveSession(this.dir, record);
    const report = record.report!;
    const width = terminalWidth(this.io);
    this.io.stdout.write(`\n${renderReport(report, this.style, { width }).join('\n')}\n`);
    this.io.stdout.write(this.style.dim(`\nTime used ${formatClock(this.state.usedMs)} of ${formatClock(this.state.durationMs)}. Saved as session ${record.id}.\n`));
    try {
      if (await confirm({ message: 'Show the reference outline, stage by stage?', default: true })) {
        this.io.stdout.write(`\n${renderOutline(this.prompt, this.state, this.style, width).join('\n')}\n`);
      }
    } catch (error) {
      if (!(error instanceof ExitPromptError)) throw error;
    }
    return EXIT.ok;
  }
}
