import type { Style } from './style.js';
import { wrapAfter } from './wrap.js';

/**
 * Messages a command writes to stderr beside its output: notes (dim), warnings (yellow) and the "wrote
 * FILE" kind of confirmation. Each returns its text without a final newline; the text is the caller's,
 * already free of terminal control (file names are sanitised where they are read). `width` is stderr's
 * columns on a terminal (`stderrWidth` in commands/command-io.ts): a longer message is wrapped at spaces,
 * continued two columns in, so a session id or a file name is never cut; a word wider than a whole line (a
 * long path) is left whole, for the terminal to fold, so it copies as one piece. Infinity (a pipe, the
 * default) keeps each message one line for grep.
 */

/** `head` + `text`, wrapped to `width` as the module comment says, each line styled alone (no escape spans a newline). */
function message(head: string, text: string, paint: (s: string) => string, width: number): string {
  const whole = `${head}${text}`;
  if (!Number.isFinite(width) || whole.length <= width) return paint(whole);
  const indent = `${/^ */.exec(head)![0]}  `;
  return wrapAfter(head, text, width, indent).map(paint).join('\n');
}

/** `note: <text>`, dim: something worth knowing that changes nothing. */
export function renderNote(text: string, style: Style, width = Number.POSITIVE_INFINITY): string {
  return message('note: ', text, style.dim, width);
}

/** `warning: <text>`, yellow: something was skipped or may be wrong; the command goes on. */
export function renderWarning(text: string, style: Style, width = Number.POSITIVE_INFINITY): string {
  return message('warning: ', text, style.yellow, width);
}

/** `notice: <text>`, dim: a user file overrides a built-in one (content loading). */
export function renderNotice(text: string, style: Style, width = Number.POSITIVE_INFINITY): string {
  return message('notice: ', text, style.dim, width);
}

/** A hint under a warning, indented and dim (e.g. "run `mlsd prompts validate` to see every problem"). */
export function renderAside(text: string, style: Style, width = Number.POSITIVE_INFINITY): string {
  return message('  ', text, style.dim, width);
}

/** A confirmation of something done beside the output (e.g. "saved session … to …"), dim. */
export function renderDone(text: string, style: Style, width = Number.POSITIVE_INFINITY): string {
  return message('', text, style.dim, width);
}
