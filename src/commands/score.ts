import { readFile } from 'node:fs/promises';
import { parseAnswers } from '../answers/parse.js';
import { rubricsFor } from '../content/scope.js';
import { formatIssue } from '../content/parse.js';
import { CliError, EXIT } from '../errors.js';
import { compileRubrics } from '../scoring/compile.js';
import type { CandidateLevel } from '../scoring/report.js';
import { scoreAnswers } from '../scoring/score.js';
import { newSessionId, SESSION_SCHEMA, type SessionRecord } from '../store/session.js';
import { saveSession, sessionsDir } from '../store/sessions.js';
import { renderReport } from '../ui/report.js';
import { loadAll, reportLoadProblems } from './context.js';
import { stderrStyle, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './io.js';
import { findPrompt } from './lookup.js';

export interface ScoreOptions extends GlobalOptions {
  prompt: string;
  level: CandidateLevel;
  json?: boolean;
  save?: boolean;
}

export async function scoreCommand(file: string, options: ScoreOptions, io: Io, readStdin: () => Promise<string>): Promise<number> {
  const text = await readAnswers(file, readStdin);
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  const prompt = findPrompt(loaded.catalog, options.prompt);
  const name = file === '-' ? 'stdin.md' : file;
  const parsed = parseAnswers(text, name);
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new CliError(`cannot read the answers in ${file}`, EXIT.usage, errors.map(formatIssue));
  }
  // Notices (an answer too long to score whole) go to stderr; the report still follows.
  for (const notice of parsed.issues.filter((i) => i.severity === 'warning')) {
    io.stderr.write(stderrStyle(io, options).dim(`note: ${formatIssue(notice)}\n`));
  }
  const hasText = Object.values(parsed.answers.sections).some((s) => s && s.trim()) || !!parsed.answers.general?.trim();
  if (!hasText) throw new CliError(`${file} has no answer text to score`, EXIT.usage);

  const scope = compileRubrics(rubricsFor(loaded.catalog, prompt));
  const report = scoreAnswers({ prompt, scope, answers: parsed.answers, level: options.level });

  let session: { id: string; file: string } | undefined;
  if (options.save) {
    const id = newSessionId(io.now(), io.random);
    const record: SessionRecord = {
      schema: SESSION_SCHEMA,
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
    };
    session = { id, file: await saveSession(sessionsDir(loaded.paths.data), record) };
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
  if (session) io.stderr.write(stderrStyle(io, options).dim(`saved session ${session.id} to ${session.file}\n`));
  return EXIT.ok;
}

async function readAnswers(file: string, readStdin: () => Promise<string>): Promise<string> {
  if (file === '-') return readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
    throw new CliError(`cannot read answers file ${file}: ${reason}`, EXIT.usage);
  }
}
