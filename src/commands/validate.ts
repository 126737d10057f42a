import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ContentKind, SourceFile } from '../content/catalog.js';
import type { ContentIssue } from '../content/parse.js';
import { CliError, EXIT } from '../errors.js';
import { readNamed } from '../files/content-files.js';
import { neitherMessage, recogniseContent } from '../content/recognise.js';
import { loadAll } from './load-content.js';
import { listWidth, printLines, stdoutStyle, type GlobalOptions, type Io } from './command-io.js';
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
  // A YAML file that is neither a prompt nor a rubric is said to be that, not checked as one (six missing fields).
  const neither = new Map<string, string[]>();
  for (const f of checkedFiles) {
    const shape = recogniseContent(f.text);
    if (shape.kind === 'neither') neither.set(f.file, shape.fields);
  }
  const issues: ContentIssue[] = [...named.issues, ...(targets.length > 0 ? [] : loaded.readIssues), ...loaded.catalog.issues].filter(
    (i) => (targets.length === 0 || checked.has(i.file) || named.issues.includes(i)) && !neither.has(i.file),
  );
  for (const [file, fields] of neither) issues.push({ file, line: 1, col: 1, path: '', message: neitherMessage(fields), severity: 'error' });
  for (const map of [loaded.catalog.prompts, loaded.catalog.rubrics]) {
    for (const entry of map.values()) {
      if (targets.length === 0 || !checked.has(entry.file)) continue;
      const id = (entry.value as { id: string }).id;
      const kind = map === loaded.catalog.prompts ? 'prompt' : 'rubric';
      // Two named files with one id: the loader keeps the later and drops the other, so it is an error here.
      const clashes = entry.overrides.filter((o) => checked.has(o.file) && resolve(o.file) !== resolve(entry.file)).map((o) => o.file);
      if (clashes.length > 0) {
        issues.push({ file: entry.file, ...entry.locate(['id']), path: 'id', message: `${kind} "${id}" is also the id of ${clashes.join(', ')}: mlsd would use this file and ignore ${clashes.length > 1 ? 'those' : 'that one'}; rename one (its file and its id) or leave one out`, severity: 'error' });
      }
      // A named file that replaces a built-in by id is allowed, but should never happen by accident.
      const builtin = entry.overrides.find((o) => o.origin === 'built-in');
      if (builtin && resolve(builtin.file) !== resolve(entry.file)) {
        issues.push({ file: entry.file, ...entry.locate(['id']), path: 'id', message: `"${id}" overrides the built-in one in ${builtin.file}; rename it unless that is what you want`, severity: 'warning' });
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
    const out = { ok: errors.length === 0, files: checkedFiles.map((f) => f.file), unreadable, notRecognised: [...neither.keys()], errors, warnings, subfoldersNotRead: named.subfolders };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const recognised = checkedFiles.filter((f) => !neither.has(f.file));
    const counts = { files: checkedFiles.length + unreadable.length, unreadable: unreadable.length, notRecognised: neither.size, prompts: recognised.filter((f) => f.kind === 'prompt').length, rubrics: recognised.filter((f) => f.kind === 'rubric').length, subfolders: named.subfolders };
    printLines(io, renderValidation(issues, counts, stdoutStyle(io, options), listWidth(io)));
  }
  return errors.length > 0 ? EXIT.failure : EXIT.ok;
}

