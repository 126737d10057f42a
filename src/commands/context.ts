import { buildCatalog, type Catalog, type SourceFile } from '../content/catalog.js';
import { formatIssue, type ContentIssue } from '../content/parse.js';
import { contentPlaces, readContent } from '../io/content-files.js';
import { resolvePaths, type Env, type Paths } from '../io/paths.js';
import { colorLevel, createStyle, type Style } from '../ui/style.js';

/** What a command may touch: the streams, the environment, the clock. Tests pass their own. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Env;
  now: () => Date;
  random: () => number;
}

export interface GlobalOptions {
  promptsDir?: string[];
  rubricsDir?: string[];
  /** false with --no-color. */
  color?: boolean;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date(), random: Math.random };
}

export function stdoutStyle(io: Io, options: GlobalOptions): Style {
  return createStyle(colorLevel(io.stdout, io.env, options.color));
}

export function stderrStyle(io: Io, options: GlobalOptions): Style {
  return createStyle(colorLevel(io.stderr, io.env, options.color));
}

export function terminalWidth(io: Io): number {
  return io.stdout.columns && io.stdout.columns > 0 ? io.stdout.columns : 80;
}

export interface Loaded {
  catalog: Catalog;
  paths: Paths;
  files: SourceFile[];
  /** Problems reading directories (before parsing). */
  readIssues: ContentIssue[];
}

/** Reads all content from the search paths. Nothing is printed; see reportLoadProblems. */
export async function loadAll(io: Io, options: GlobalOptions, extra: SourceFile[] = []): Promise<Loaded> {
  const paths = resolvePaths(io.env);
  const places = contentPlaces(paths, io.env, { promptDirs: options.promptsDir ?? [], rubricDirs: options.rubricsDir ?? [] });
  const { files, issues } = await readContent(places);
  const all = [...files, ...extra];
  return { catalog: buildCatalog(all), paths, files: all, readIssues: issues };
}

/**
 * For commands that use content (score, list, show): overrides are noticed, broken files are
 * reported in one line each and skipped, so one bad user file never stops the rest from working.
 */
export function reportLoadProblems(loaded: Loaded, io: Io, options: GlobalOptions): void {
  const style = stderrStyle(io, options);
  for (const notice of loaded.catalog.notices) io.stderr.write(style.dim(`notice: ${notice}\n`));
  const errors = [...loaded.readIssues, ...loaded.catalog.issues].filter((i) => i.severity === 'error');
  const byFile = new Map<string, ContentIssue[]>();
  for (const issue of errors) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
  for (const [file, issues] of byFile) {
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
    io.stderr.write(style.yellow(`warning: skipped ${file}: ${formatIssue(issues[0]!).slice(file.length + 1)}${more}\n`));
  }
  if (byFile.size > 0) io.stderr.write(style.dim('  run `mlsd prompts validate` or `mlsd rubrics validate` to see every problem\n'));
}
