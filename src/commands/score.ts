import { formatFromName, readAnswersAs, type AnswerFormatOption } from '../answers/format.js';
import { formatIssue } from '../content/issue.js';
import { loadMarkdownParser } from '../reading/markdown.js';
import { CliError, EXIT } from '../errors.js';
import { compiledScope } from './compiled-scope.js';
import type { CandidateLevel } from '../scoring/report.js';
import { scoreAnswers } from '../scoring/score.js';
import { stripControl } from '../text/sanitize.js';
import { newSessionId, type SessionRecord } from '../store/session-record.js';
import { saveSession, sessionsDir } from '../store/session-files.js';
import { WriteError } from '../files/atomic.js';
import { asReadError, MAX_ANSWER_BYTES, readTextFileSync } from '../files/read.js';
import { renderReport } from '../ui/report.js';
import { renderDone, renderNote } from '../ui/notices.js';
import { loadAll, reportLoadProblems } from './load-content.js';
import { stderrStyle, stderrWidth, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { findPrompt } from './lookup.js';

export interface ScoreOptions extends GlobalOptions {
  prompt: string;
  level: CandidateLevel;
  json?: boolean;
  save?: boolean;
  /** How to read the answer; default: from the file's extension, sniffed for stdin. */
  format?: AnswerFormatOption;
}

export async function scoreCommand(file: string, options: ScoreOptions, io: Io, readStdin: () => Promise<string>): Promise<number> {
  // A teammate's answer can hold terminal control; old Mac line endings are line breaks.
  const text = stripControl((await readAnswers(file, readStdin)).replace(/\r\n?/g, '\n'));
  const [loaded] = await Promise.all([loadAll(io, options), loadMarkdownParser()]);
  reportLoadProblems(loaded, io, options);
  const prompt = findPrompt(loaded.catalog, options.prompt);
  // The rubrics' compiled form first: reading it hands stemWord the stems of the phrase words (rememberStems),
  // so the answer's words that are phrase words are not stemmed again while the answer is read.
  const scope = compiledScope(loaded, prompt);
  const name = file === '-' ? 'stdin' : file;
  const parsed = readAnswersAs(text, name, options.format, file !== '-');
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    const sniffed = (file === '-' || formatFromName(file) === undefined) && options.format === undefined && parsed.format === 'yaml';
    const named = options.format === 'yaml' && file !== '-' && formatFromName(file) === 'md';
    const hint = sniffed
      ? [`${file === '-' ? 'standard input' : file} was read as YAML (a mapping whose keys name stages); to score it as prose instead, add --format md`]
      : named
        ? [`${file} has a Markdown or text name but was read as YAML (--format yaml); to score it as prose, leave out --format yaml`]
        : [];
    throw new CliError(`cannot read the answers in ${file}`, EXIT.usage, [...errors.map(formatIssue), ...hint]);
  }
  // Notices (an answer too long to score whole) go to stderr; the report still follows.
  for (const notice of parsed.issues.filter((i) => i.severity === 'warning')) {
    io.stderr.write(`${renderNote(formatIssue(notice), stderrStyle(io, options), stderrWidth(io))}\n`);
  }
  const hasText = Object.values(parsed.answers.sections).some((s) => s && s.trim()) || !!parsed.answers.general?.trim();
  if (!hasText) throw new CliError(`${file} has no answer text to score`, EXIT.usage);

  const report = scoreAnswers({ prompt, scope, answers: parsed.answers, level: options.level });

  // Saved before the report is printed, so the JSON can name the session; a failure to save is
  // said after the report, which is never lost to a full disk.
  let session: { id: string; file: string } | undefined;
  let saveError: Error | undefined;
  if (options.save) {
    try {
      session = await saveNew(sessionsDir(loaded.paths.data), io, (id) => ({
        id,
        kind: 'score',
        createdAt: io.now().toISOString(),
        updatedAt: io.now().toISOString(),
        status: 'finished',
        prompt: prompt.id,
        level: options.level,
        answers: parsed.answers,
        source: { file: name, format: parsed.format },
        report,
      }));
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      saveError = error;
    }
  }

  if (options.json) {
    const output = { ...report, format: parsed.format, sections: parsed.mapping, ...(session ? { session: session.id } : {}) };
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const lines = renderReport(report, stdoutStyle(io, options), {
      width: terminalWidth(io),
      mapping: parsed.format === 'yaml' ? undefined : parsed.mapping,
      source: `${name} (${parsed.format})`,
    });
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  if (session) io.stderr.write(`${renderDone(`saved session ${session.id} to ${session.file}`, stderrStyle(io, options), stderrWidth(io))}\n`);
  if (saveError) {
    io.stderr.write(`mlsd: the report above was not saved: ${saveError.message}\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}

/** Saves a new session under a fresh id; an id already taken (one chance in a million) is never replaced, a new one is drawn. */
async function saveNew(dir: string, io: Io, make: (id: string) => SessionRecord): Promise<{ id: string; file: string }> {
  for (let attempt = 0; ; attempt++) {
    const record = make(newSessionId(io.now(), io.random));
    try {
      return { id: record.id, file: await saveSession(dir, record, { create: true, write: io.writeFile }) };
    } catch (error) {
      if (!(error instanceof WriteError) || error.code !== 'EEXIST' || attempt >= 5) throw error;
    }
  }
}

async function readAnswers(file: string, readStdin: () => Promise<string>): Promise<string> {
  if (file === '-') return readStdin();
  try {
    // A pipe the user named (`<(...)`) is fine; a device (/dev/zero) or a huge file is refused.
    // Read at once: the command waits for it either way, and each asynchronous step costs a wake-up.
    return readTextFileSync(file, { maxBytes: MAX_ANSWER_BYTES, allowPipes: true, textOnly: true });
  } catch (error) {
    const problem = asReadError(file, error);
    const reason = problem.code === 'ENOENT' ? 'no such file' : problem.reason;
    throw new CliError(`cannot read answers file ${file}: ${reason}`, EXIT.usage);
  }
}
