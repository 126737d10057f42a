import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ContentKind, SourceFile } from '../content/catalog.js';
import type { ContentIssue } from '../content/parse.js';
import { CliError, EXIT } from '../errors.js';
import { readNamed } from '../files/content-files.js';
import { loadAll } from './load-content.js';
import { printLines, stdoutStyle, type GlobalOptions, type Io } from './command-io.js';
import { renderValidation } from '../ui/content-check-view.js';

export interface ValidateOptions extends GlobalOptions {
  json?: boolean;
}

/**
 * Validates content. With no targets: everything on the search paths. With targets: those files
 * and directories, checked together with the installed content so references resolve. Every
 * problem is printed, not only the first; exit 1 when there is any error.
 */
export async function validateCommand(kind: ContentKind, targets: string[], options: ValidateOptions, io: Io): Promise<number> {
  // A name that is not there is a mistake in the command (exit 2), not a file that failed its check.
  for (const target of targets) {
    const missing = await stat(target).then(
      () => false,
      (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT',
    );
    if (missing) throw new CliError(`${target}: no such file or directory; name a ${kind} file (.yaml) or a directory of them`, EXIT.usage);
  }
  // Each distinct file once, however often it is named; subfolders of a named directory are not read, and are listed.
  const named = targets.length > 0 ? await readNamed(kind, targets) : { files: [] as SourceFile[], issues: [] as ContentIssue[], subfolders: [] as string[] };
  // A folder with nothing to check is a mistake in the command (a CI step pointed at the wrong folder), not a pass.
  if (targets.length > 0 && named.files.length === 0 && named.issues.length === 0) {
    const notRead = named.subfolders.length > 0 ? ` (subfolders are not read: ${named.subfolders.join(', ')})` : '';
    throw new CliError(`${targets.join(', ')}: no ${kind} files (.yaml) to check${notRead}; name a ${kind} file or a folder holding them`, EXIT.usage);
  }
  const loaded = await loadAll(io, options, named.files, { cache: false });
  const checkedFiles = targets.length > 0 ? named.files : loaded.files;
  const checked = new Set(checkedFiles.map((f) => f.file));
  const issues: ContentIssue[] = [...named.issues, ...(targets.length > 0 ? [] : loaded.readIssues), ...loaded.catalog.issues].filter(
    (i) => targets.length === 0 || checked.has(i.file) || named.issues.includes(i),
  );
  // A named file that replaces a built-in by id is allowed, but should never happen by accident.
  for (const map of [loaded.catalog.prompts, loaded.catalog.rubrics]) {
    for (const entry of map.values()) {
      const builtin = entry.overrides.find((o) => o.origin === 'built-in');
      if (targets.length > 0 && checked.has(entry.file) && builtin && resolve(builtin.file) !== resolve(entry.file)) {
        issues.push({ file: entry.file, ...entry.locate(['id']), path: 'id', message: `"${(entry.value as { id: string }).id}" overrides the built-in one in ${builtin.file}; rename it unless that is what you want`, severity: 'warning' });
      }
    }
  }
  // Files looked at but not read (a FIFO, a directory named .yaml, a device, one over the size cap): counted
  // with the files checked, so the total is every file looked at.
  const readIssues = targets.length > 0 ? named.issues : loaded.readIssues;
  const unreadable = [...new Set(readIssues.filter((i) => i.severity === 'error' && !checked.has(i.file)).map((i) => i.file))];
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (options.json) {
    const out = { ok: errors.length === 0, files: checkedFiles.map((f) => f.file), unreadable, errors, warnings, subfoldersNotRead: named.subfolders };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const counts = { files: checkedFiles.length + unreadable.length, unreadable: unreadable.length, prompts: checkedFiles.filter((f) => f.kind === 'prompt').length, rubrics: checkedFiles.filter((f) => f.kind === 'rubric').length, subfolders: named.subfolders };
    printLines(io, renderValidation(issues, counts, stdoutStyle(io, options)));
  }
  return errors.length > 0 ? EXIT.failure : EXIT.ok;
}

