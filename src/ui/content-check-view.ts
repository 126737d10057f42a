import { formatIssue, type ContentIssue } from '../content/issue.js';
import type { ContentKind } from '../content/catalog.js';
import { stripControl } from '../text/sanitize.js';
import { plural } from '../text/plural.js';
import { fitWidth } from './wrap.js';
import type { Style } from './style.js';
import { renderAside, renderNotice, renderWarning } from './notices.js';

/**
 * The views of `prompts|rubrics validate` and `prompts|rubrics new`, and the warnings any command prints
 * when content files are skipped: data in, lines out (no newlines at their ends).
 */

/** How many files of each kind were checked. */
export interface CheckedCounts {
  /** Every file looked at, read or not. */
  files: number;
  /** Of `files`, those that could not be read (not a regular file, too big, no permission). */
  unreadable?: number;
  /** Of `files`, YAML files that are neither a prompt nor a rubric (content/recognise.ts): counted as neither. */
  notRecognised?: number;
  prompts: number;
  rubrics: number;
  /** Folders inside the named directories that were not read (validate reads content as mlsd does, not recursively). */
  subfolders?: readonly string[];
}

/**
 * `validate`: every issue as file:line:col with its severity, then the counts, green when there is no error.
 * `width`: the terminal's columns, where each line is wrapped at spaces (a file name longer than a whole line
 * is left whole, for the terminal to fold); Infinity in a pipe, where each issue stays one line for grep and CI logs.
 */
export function renderValidation(issues: readonly ContentIssue[], counts: CheckedCounts, style: Style, width = Number.POSITIVE_INFINITY): string[] {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const out = issues.map((issue) => `${formatIssue(issue)} ${style.dim(`(${issue.severity === 'error' ? style.red('error') : style.yellow('warning')})`)}`);
  const unread = `${counts.notRecognised ? `, ${counts.notRecognised} neither prompt nor rubric` : ''}${counts.unreadable ? `, ${counts.unreadable} could not be read` : ''}`;
  const summary = `${plural(counts.files, 'file')} checked (${plural(counts.prompts, 'prompt')}, ${plural(counts.rubrics, 'rubric')}${unread}): ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  out.push(errors > 0 ? style.red(summary) : style.green(summary));
  if (counts.subfolders?.length) {
    const names = counts.subfolders.map((d) => `${stripControl(d)}/`).join(', ');
    out.push(style.dim(`Not read: ${names}. mlsd reads the .yaml files directly inside a folder, never its subfolders; name a subfolder to check it.`));
  }
  return Number.isFinite(width) ? fitWidth(out, width, false) : out;
}

/**
 * Content files skipped while loading, for stderr: each override notice (dim), one warning per broken
 * file with its first problem and how many more, and a pointer to `validate` when any was skipped.
 * `width`: stderr's columns on a terminal, where each message wraps at spaces as in ui/notices.ts; Infinity
 * (a pipe, the default) keeps each one line.
 */
export function renderLoadProblems(notices: readonly string[], issues: readonly ContentIssue[], style: Style, width = Number.POSITIVE_INFINITY): string[] {
  const out = notices.map((notice) => renderNotice(notice, style, width));
  const byFile = new Map<string, ContentIssue[]>();
  for (const issue of issues.filter((i) => i.severity === 'error')) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
  for (const [file, fileIssues] of byFile) {
    const first = fileIssues[0]!;
    const more = fileIssues.length > 1 ? ` (+${fileIssues.length - 1} more)` : '';
    out.push(renderWarning(`skipped ${file}:${first.line}:${first.col} ${first.path ? `${first.path}: ` : ''}${first.message}${more}`, style, width));
  }
  if (byFile.size > 0) out.push(renderAside('run `mlsd prompts validate` to see every problem', style, width));
  return out;
}

/** The first line of `prompts new` / `rubrics new`, then a blank line. */
export function renderNewIntro(kind: ContentKind, style: Style): string[] {
  return [style.dim(`A new ${kind}: answer each question; Ctrl-C cancels without writing anything.`), ''];
}

/** What `new` says after writing: the file, its problems, an override of a built-in, and that it validates (when it does). */
export function renderNewWritten(
  kind: ContentKind,
  file: string,
  issues: readonly ContentIssue[],
  shadowed: { id: string; file: string } | null,
  style: Style,
): string[] {
  const out = ['', `${style.green('wrote')} ${file}`, ...issues.map((issue) => `${formatIssue(issue)} (${issue.severity})`)];
  if (shadowed) out.push(style.yellow(`note: this overrides the built-in ${kind} "${shadowed.id}" (${shadowed.file})`));
  if (!issues.some((i) => i.severity === 'error')) out.push(style.green('It validates.'));
  return out;
}

/**
 * What `new` says when the file it would write does not validate: nothing was written, each problem, and the
 * text it would have written (between rulers), to fix by hand and save, so no answer typed is lost.
 */
export function renderNewNotWritten(kind: ContentKind, file: string, issues: readonly ContentIssue[], text: string, style: Style): string[] {
  const rule = style.dim('─'.repeat(40));
  return [
    '',
    style.red(`Not written: ${file} would not validate:`),
    ...issues.map((issue) => `${formatIssue(issue)} (${issue.severity})`),
    '',
    `The ${kind} as it would have been written; fix the lines above, save it as ${file}, then run: mlsd ${kind}s validate <file>`,
    rule,
    ...stripControl(text).replace(/\n$/, '').split('\n'),
    rule,
  ];
}
