import { stripControl } from '../text/sanitize.js';

/**
 * A problem found in a content or answers file, and its one-line form. Kept apart from parse.ts (the YAML
 * reader) so that commands which only print issues (score, prompts list) do not load the YAML library.
 */

/** A problem found in a content or answers file, pointing at the line, column and field. */
export interface ContentIssue {
  file: string;
  line: number;
  col: number;
  /** Dotted field path, e.g. `items[3].weight`; empty for the whole file. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** One line for a person: file names, field names and messages can hold anything, so control is stripped. */
export function formatIssue(issue: ContentIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.col}`;
  return stripControl(issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where} ${issue.message}`);
}

