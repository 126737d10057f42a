import type { Style } from './style.js';

/**
 * One-line messages a command writes to stderr beside its output: notes (dim), warnings (yellow) and
 * the "wrote FILE" kind of confirmation. Each returns the line without its newline; the text is the
 * caller's, already free of terminal control (file names are sanitised where they are read).
 */

/** `note: <text>`, dim: something worth knowing that changes nothing. */
export function renderNote(text: string, style: Style): string {
  return style.dim(`note: ${text}`);
}

/** `warning: <text>`, yellow: something was skipped or may be wrong; the command goes on. */
export function renderWarning(text: string, style: Style): string {
  return style.yellow(`warning: ${text}`);
}

/** A hint under a warning, indented and dim (e.g. "run `mlsd prompts validate` to see every problem"). */
export function renderAside(text: string, style: Style): string {
  return style.dim(`  ${text}`);
}

/** A confirmation of something done beside the output (e.g. "saved session … to …"), dim. */
export function renderDone(text: string, style: Style): string {
  return style.dim(text);
}
