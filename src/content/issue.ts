import { stripControl } from '../text/sanitize.js';
import { plural } from '../text/plural.js';

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


/** How many YAML syntax errors of one file are shown: after the first few, the rest follow from them. */
export const MAX_YAML_SYNTAX_ISSUES = 3;

/** A YAML syntax error as the `yaml` library reports it: its message and where it starts (1-based). */
export interface YamlSyntaxError {
  message: string;
  linePos?: [{ line: number; col: number }, ...{ line: number; col: number }[]];
}

/**
 * A file's YAML syntax errors as issues, the first MAX_YAML_SYNTAX_ISSUES of them, then one issue saying
 * how many more there are. A file that is not YAML at all (Markdown read as YAML) gives the parser one error
 * per token, dozens of lines that all follow from the first; the first is the one to fix.
 * `describe` turns one error's message into the issue's (first line only, or a plainer word).
 */
export function yamlSyntaxIssues(file: string, errors: readonly YamlSyntaxError[], describe: (message: string) => string): ContentIssue[] {
  const at = (e: YamlSyntaxError) => e.linePos?.[0] ?? { line: 1, col: 1 };
  const shown = errors.slice(0, MAX_YAML_SYNTAX_ISSUES).map((e): ContentIssue => ({ file, ...at(e), path: '', message: describe(e.message), severity: 'error' }));
  const rest = errors.length - shown.length;
  if (rest > 0) {
    const next = at(errors[MAX_YAML_SYNTAX_ISSUES]!);
    shown.push({ file, ...next, path: '', message: `and ${plural(rest, 'more YAML syntax error', 'more YAML syntax errors')} from here on, most likely following from the ones above`, severity: 'error' });
  }
  return shown;
}
