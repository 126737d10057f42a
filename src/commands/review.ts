import { rubricsFor } from '../content/scope.js';
import type { Prompt } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { writeFileAtomic, writeShared } from '../files/atomic.js';
import { renderComparisonMarkdown } from '../ui/compare-markdown.js';
import { compileRubrics } from '../scoring/compile.js';
import { scoreAnswers } from '../scoring/score.js';
import type { ScoreReport } from '../scoring/report.js';
import { STAGES } from '../stages.js';
import type { SessionRecord } from '../store/session-record.js';
import { loadSession, sessionsDir } from '../store/session-files.js';
import { sessionByPrefix, type DamagedFile } from './session-lookup.js';
import { openElsewhere } from './session-locks.js';
import type { SessionSummary } from '../store/summary.js';
import { sessionDate } from '../ui/history.js';
import { renderMarkdown } from '../ui/markdown.js';
import { renderSessionText } from '../ui/session-view.js';
import { renderComparison } from '../ui/progress.js';
import { compareReports } from '../progress/compare.js';
import { isOwnSession } from '../progress/own-sessions.js';
import { renderNote } from '../ui/notices.js';
import { stripControl } from '../text/sanitize.js';
import { PLAIN_STYLE } from '../ui/style.js';
import { interviewJson, interviewMarkdownReport, interviewReport, interviewText } from './review-interview.js';
import { loadAll, reportLoadProblems } from './load-content.js';
import { loadSessionList } from './session-list.js';
import { checkOutFile } from './out-file.js';
import { stderrStyle, stderrWidth, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';

export interface ReviewOptions extends GlobalOptions {
  /** Default: from --out's extension (.md, .json), else text. */
  format?: ReviewFormat;
  out?: string;
  /** Two session ids to show side by side. */
  compare?: string[];
  /** With `out`: replace an existing file. */
  force?: boolean;
}

/**
 * The session `review` means. No id, or "last", is the user's own last *scored* session (the house rule: an
 * interrupted practice has no report worth reviewing yet; a peer interview the user ran for someone else is
 * the candidate's, as history and stats count it: progress/own-sessions.ts); `onSkipped` hears of newer
 * sessions passed over, so the user learns how to see them.
 */
async function pickSession(dir: string, sessions: SessionSummary[], idPrefix: string | undefined, onSkipped: (latest: SessionSummary) => void = () => undefined, damaged: readonly DamagedFile[] = []): Promise<SessionRecord> {
  let summary: SessionSummary;
  if (!idPrefix || idPrefix === 'last') {
    const scored = sessions.find((s) => s.overall !== null && isOwnSession(s));
    const latest = sessions[0];
    if (!scored) {
      const unfinished = latest && isOwnSession(latest) ? ` The latest, ${latest.id}, is ${latest.status}: see it with \`mlsd review ${latest.id}\`, continue it with \`mlsd resume ${latest.id}\`.` : '';
      const others = sessions.some((s) => s.overall !== null) ? ' (peer interviews you ran for others are theirs: review one by its id, see `mlsd history`)' : '';
      throw new CliError(`no scored session of yours yet${others}; finish a \`mlsd practice\`, or \`mlsd score --save\` an answer.${unfinished}`, EXIT.usage);
    }
    if (latest && latest !== scored) onSkipped(latest);
    summary = scored;
  } else {
    summary = sessionByPrefix(sessions, idPrefix, damaged);
  }
  const loaded = await loadSession(dir, summary.id);
  if ('problem' in loaded) throw new CliError(`session ${summary.id} cannot be read from ${loaded.file}: ${loaded.problem}`, EXIT.usage);
  return loaded.record;
}

export type ReviewFormat = 'text' | 'md' | 'json';

/** The format an output file's name asks for: notes.md is Markdown, r.json JSON, anything else text. */
export function formatForFile(file: string | undefined): ReviewFormat {
  if (file && /\.(md|markdown)$/i.test(file)) return 'md';
  if (file && /\.json$/i.test(file)) return 'json';
  return 'text';
}

/** Writes a review to a file: no terminal control in text or Markdown (JSON escapes its own). */
async function writeOut(file: string, text: string, format: ReviewFormat, force: boolean, io: Io): Promise<void> {
  await writeFileAtomic(file, format === 'json' ? text : stripControl(text), { write: io.writeFile ?? writeShared, exclusive: !force });
  io.stderr.write(`wrote ${file}\n`);
}

export async function reviewCommand(idPrefix: string | undefined, given: ReviewOptions, io: Io): Promise<number> {
  const options = { ...given, format: given.format ?? formatForFile(given.out) };
  if (options.out !== undefined) await checkOutFile(options.out, options.force === true);
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  const dir = sessionsDir(loaded.paths.data);
  const { summaries: sessions, problems: damaged } = await loadSessionList(dir, io, options);
  if (sessions.length === 0 && damaged.length === 0) throw new CliError('no saved sessions yet; run `mlsd practice`, or `mlsd score --save`', EXIT.usage);
  const reportOf = (record: SessionRecord): ScoreReport => {
    if (record.report) return record.report;
    if (record.sheet) {
      const marked = interviewReport(record, loaded.catalog);
      if (!marked) throw new CliError(`interview ${record.id} never ended and its prompt "${record.prompt}" is not installed`, EXIT.usage);
      io.stderr.write(`${renderNote(`interview ${record.id} is ${record.status}; the report is from the marks so far`, stderrStyle(io, options), stderrWidth(io))}\n`);
      return marked;
    }
    const prompt = loaded.catalog.prompts.get(record.prompt)?.value;
    if (!prompt) throw new CliError(`session ${record.id} was never scored and its prompt "${record.prompt}" is not installed. ${promptsDirHint(record.id)}`, EXIT.usage);
    io.stderr.write(`${renderNote(`session ${record.id} is ${record.status}; scored now against the current rubrics`, stderrStyle(io, options), stderrWidth(io))}\n`);
    return scoreAnswers({ prompt, scope: compileRubrics(rubricsFor(loaded.catalog, prompt)), answers: record.answers, level: record.level });
  };

  if (options.compare) {
    if (options.compare.length !== 2) throw new CliError('--compare takes two session ids, e.g. mlsd review --compare <before> <after>', EXIT.usage);
    const a = await pickSession(dir, sessions, options.compare[0], undefined, damaged);
    const b = await pickSession(dir, sessions, options.compare[1], undefined, damaged);
    if (a.id === b.id) throw new CliError(`--compare needs two different sessions; "${options.compare[0]}" and "${options.compare[1]}" are both ${a.id}`, EXIT.usage);
    const comparison = compareReports(reportOf(a), reportOf(b));
    const label = (r: SessionRecord) => `${r.id} (${r.prompt}, ${sessionDate(r.createdAt)})`;
    const text =
      options.format === 'json'
        ? `${JSON.stringify({ before: a.id, after: b.id, ...comparison }, null, 2)}\n`
        : options.format === 'md'
          ? renderComparisonMarkdown(comparison, { before: label(a), after: label(b) })
          : `${renderComparison(comparison, { before: label(a), after: label(b) }, options.out ? PLAIN_STYLE : stdoutStyle(io, options), terminalWidth(io)).join('\n')}\n`;
    if (options.out) await writeOut(options.out, text, options.format, options.force === true, io);
    else io.stdout.write(text);
    return EXIT.ok;
  }

  const onSkipped = (latest: SessionSummary) => {
    const why = isOwnSession(latest) ? `is ${latest.status}` : `is a peer interview you ran for ${latest.candidate ? stripControl(latest.candidate) : 'someone else'}`;
    io.stderr.write(`${renderNote(`showing ${isOwnSession(latest) ? 'the' : 'your'} last scored session; the latest, ${latest.id}, ${why}: \`mlsd review ${latest.id}\` shows it`, stderrStyle(io, options), stderrWidth(io))}\n`);
  };
  let record = await pickSession(dir, sessions, idPrefix, onSkipped, damaged);
  if (record.status === 'active') {
    // Saved as active: either open in another mlsd now (it may change under you) or stopped without a save.
    const owner = openElsewhere(dir, record.id, io);
    const note = owner ? `session ${record.id} is open in another mlsd (pid ${owner.pid}) and still changing; this is it as last saved` : `session ${record.id} was stopped without a chance to save (a crash or kill -9): it is interrupted, and \`mlsd resume ${record.id}\` continues it`;
    io.stderr.write(`${renderNote(note, stderrStyle(io, options), stderrWidth(io))}\n`);
    // Shown as history shows it: interrupted, since no mlsd has it open (the file is left as it is).
    if (!owner) record = { ...record, status: 'interrupted' };
  }
  const prompt: Prompt | null = loaded.catalog.prompts.get(record.prompt)?.value ?? null;
  if (!prompt && !record.report && !record.sheet && options.format !== 'json' && options.format !== 'md') {
    // Nothing to score against, but the answers are the candidate's own: show them, unscored, and how to score them.
    io.stderr.write(`${renderNote(`session ${record.id} was never scored and its prompt "${record.prompt}" is not installed: its answers, unscored. ${promptsDirHint(record.id)}`, stderrStyle(io, options), stderrWidth(io))}\n`);
    const text = `${renderSessionText(record, null, null, options.out ? PLAIN_STYLE : stdoutStyle(io, options), terminalWidth(io)).join('\n')}\n`;
    if (options.out) await writeOut(options.out, text, options.format, options.force === true, io);
    else io.stdout.write(text);
    return EXIT.ok;
  }
  const report = reportOf(record);

  let text: string;
  if (record.sheet) {
    // A file gets no colour at all, whatever FORCE_COLOR says.
    const style = options.out ? PLAIN_STYLE : stdoutStyle(io, options);
    text = options.format === 'json' ? interviewJson(record, report) : options.format === 'md' ? interviewMarkdownReport(record, report, prompt) : interviewText(record, report, prompt, style, terminalWidth(io));
  } else if (options.format === 'json') {
    const i = record.interview;
    const timings = i
      ? { usedMs: i.usedMs, durationMs: i.durationMs, stages: Object.fromEntries(STAGES.map((s) => [s.id, { usedMs: i.stageMs[s.id] ?? 0, budgetMs: i.budgets[s.id] }])) }
      : null;
    text = `${JSON.stringify({ ...report, session: { id: record.id, kind: record.kind, status: record.status, createdAt: record.createdAt }, answers: record.answers, followUps: i?.followUps ?? [], timings }, null, 2)}\n`;
  } else if (options.format === 'md') {
    text = renderMarkdown(record, report, prompt);
  } else {
    // A file gets no colour at all, whatever FORCE_COLOR says.
    text = `${renderSessionText(record, report, prompt, options.out ? PLAIN_STYLE : stdoutStyle(io, options), terminalWidth(io)).join('\n')}\n`;
  }
  if (options.out) {
    await writeOut(options.out, text, options.format, options.force === true, io);
  } else {
    io.stdout.write(text);
  }
  return EXIT.ok;
}

/** How to get back a prompt that came from a directory of the user's own (as `resume` says it, commands/lookup.ts). */
function promptsDirHint(id: string): string {
  return `If it came from a directory of your own, pass it again: mlsd review ${id} --prompts-dir <dir> (or set MLSD_PROMPTS_PATH); \`mlsd prompts list\` shows the prompts mlsd sees.`;
}
