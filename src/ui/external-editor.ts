import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One answer written in the user's own editor ($VISUAL, then $EDITOR). The file opens with the
 * question as a comment, which is removed on reading. The caller learns how long the editor was
 * open and whether the text changed, so an editor that returns at once (a GUI launcher without its
 * wait flag) is noticed instead of submitting an empty answer.
 */

/** One run of the editor. */
export interface EditorRequest {
  /** The editor command; may carry arguments ("code --wait"). */
  command: string;
  /** The interviewer's question, shown in the comment at the top of the file. */
  question: string;
  /** Text to start from (a resumed draft). */
  initial: string;
  now: () => number;
}

/** What came back from the editor. */
export interface EditorResult {
  text: string;
  /** The text differs from `initial`. */
  changed: boolean;
  elapsedMs: number;
  /** Why the editor could not run, or its exit status when that was not 0. */
  error?: string;
}

const COMMENT_START = '<!-- mlsd:';
const COMMENT_END = '-->';

/** The file's first lines: the question, and how to submit. */
export function editorPreamble(question: string): string {
  const safe = question.replace(/-->/g, '- ->');
  return `${COMMENT_START} ${safe}\n     Write your answer below this comment, then save and close the editor to submit it.\n     This comment is removed from your answer. ${COMMENT_END}\n\n`;
}

/** The answer in an edited file: without the leading mlsd comment. */
export function stripPreamble(content: string): string {
  const text = content.replace(/\r\n?/g, '\n');
  if (!text.trimStart().startsWith(COMMENT_START)) return text.trim();
  const end = text.indexOf(COMMENT_END);
  return end < 0 ? text.trim() : text.slice(end + COMMENT_END.length).trim();
}

/** The editor to run, from the environment; null when none is set. */
export function editorCommand(env: Readonly<Record<string, string | undefined>>): string | null {
  const value = (env.VISUAL || env.EDITOR || '').trim();
  return value || null;
}

/** Writes the file, runs the editor on it, and reads the answer back; the file is removed after. */
export async function editAnswer(request: EditorRequest): Promise<EditorResult> {
  const dir = await mkdtemp(join(tmpdir(), 'mlsd-answer-'));
  const file = join(dir, 'answer.md');
  const started = request.now();
  try {
    await writeFile(file, editorPreamble(request.question) + request.initial, { mode: 0o600 });
    const error = await run(request.command, file);
    const text = stripPreamble(await readFile(file, 'utf8'));
    return { text, changed: text !== request.initial.trim(), elapsedMs: request.now() - started, ...(error ? { error } : {}) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the editor through the shell, so "code --wait" works; resolves with an error text or null. */
function run(command: string, file: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', `${command} "$1"`, 'mlsd-editor', file], { stdio: 'inherit' });
    child.on('error', (e) => resolve(`could not start "${command}": ${e.message}`));
    child.on('exit', (code, signal) => resolve(code === 0 ? null : signal ? `"${command}" ended by ${signal}` : `"${command}" exited with status ${code}`));
  });
}
