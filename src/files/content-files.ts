import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { ContentKind, Origin, SourceFile } from '../content/catalog.js';
import type { ContentIssue } from '../content/parse.js';
import { MAX_FILE_BYTES } from '../limits.js';
import { packDirs, type Env, type Paths } from './paths.js';
import { asReadError, describeCode, readTextFile } from './read.js';

export interface ContentOptions {
  /** Extra directories of prompts (--prompts-dir), highest precedence. */
  promptDirs?: readonly string[];
  /** Extra directories of rubrics (--rubrics-dir), highest precedence. */
  rubricDirs?: readonly string[];
}

export interface Place {
  kind: ContentKind;
  dir: string;
  origin: Origin;
  /** A missing directory is normal for the user's config and packs, an error for a named one. */
  required: boolean;
  /** The user named this directory (--prompts-dir, --rubrics-dir, a pack root): if it cannot be read, mlsd stops (exit 2). */
  named?: boolean;
}

/** The content directories in precedence order: built-in, user config, packs, then flags. */
export function contentPlaces(paths: Paths, env: Env, options: ContentOptions): Place[] {
  const places: Place[] = [
    { kind: 'prompt', dir: join(paths.builtin, 'prompts'), origin: 'built-in', required: true },
    { kind: 'rubric', dir: join(paths.builtin, 'rubrics'), origin: 'built-in', required: true },
    { kind: 'prompt', dir: join(paths.config, 'prompts'), origin: 'user', required: false },
    { kind: 'rubric', dir: join(paths.config, 'rubrics'), origin: 'user', required: false },
  ];
  for (const pack of packDirs(env)) {
    // A pack holds prompts/ and rubrics/; a plain folder of YAML files is a folder of prompts.
    places.push({ kind: 'prompt', dir: join(pack, 'prompts'), origin: 'pack', required: false });
    places.push({ kind: 'prompt', dir: pack, origin: 'pack', required: true, named: true });
    places.push({ kind: 'rubric', dir: join(pack, 'rubrics'), origin: 'pack', required: false });
  }
  for (const dir of options.promptDirs ?? []) places.push({ kind: 'prompt', dir: resolve(dir), origin: 'dir', required: true, named: true });
  for (const dir of options.rubricDirs ?? []) places.push({ kind: 'rubric', dir: resolve(dir), origin: 'dir', required: true, named: true });
  return places;
}

/** Reads every YAML file of the given places. Unreadable files become issues, never exceptions. */
export async function readContent(places: readonly Place[]): Promise<{ files: SourceFile[]; issues: ContentIssue[] }> {
  const issues: ContentIssue[] = [];
  const perPlace = await Promise.all(
    places.map(async (place) => {
      let names: string[];
      try {
        names = (await readdir(place.dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
      } catch (error) {
        // A missing optional directory (no user prompts yet) is normal; a file where a directory
        // should be, or one that cannot be read, is always said.
        const code = (error as NodeJS.ErrnoException).code;
        if (place.required || code !== 'ENOENT') {
          const reason = code === 'ENOTDIR' ? 'not a directory' : code === 'ENOENT' ? 'no such directory' : describeCode(code);
          issues.push({ file: place.dir, line: 1, col: 1, path: '', message: `cannot read ${place.kind} directory: ${reason}`, severity: 'error' });
        }
        return [];
      }
      return Promise.all(names.map((name) => readSource(place, join(place.dir, name), issues)));
    }),
  );
  return { files: perPlace.flat().filter((f): f is SourceFile => !!f), issues };
}

/**
 * Reads files named on the command line (validate), classified by the caller. A file is read once however
 * often it is named (twice, or as itself and inside a named directory; `./a.yaml` and `a.yaml` are one):
 * the first name wins. A link is a name of its own, as it is when mlsd loads a folder holding it. A directory is read as mlsd reads content, its own `.yaml` files only (a pack: its prompts/ and
 * rubrics/); the subfolders it does not read are returned in `subfolders`, named as given, so the caller
 * can say so.
 */
export async function readNamed(kind: ContentKind, targets: readonly string[]): Promise<{ files: SourceFile[]; issues: ContentIssue[]; subfolders: string[] }> {
  const issues: ContentIssue[] = [];
  const files: SourceFile[] = [];
  const subfolders: string[] = [];
  const seen = new Set<string>();
  /** True the first time a file (by its absolute path) comes up. */
  const first = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const target of targets) {
    const path = resolve(target);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      issues.push({ file: target, line: 1, col: 1, path: '', message: `cannot read: ${describeCode((error as NodeJS.ErrnoException).code ?? String(error))}`, severity: 'error' });
      continue;
    }
    if (info.isDirectory()) {
      // A pack (prompts/ and rubrics/ inside) is read as one; a plain directory by each file's content.
      const places: Place[] = [];
      for (const sub of ['prompts', 'rubrics'] as const) {
        if (await isDirectory(join(path, sub))) places.push({ kind: sub === 'prompts' ? 'prompt' : 'rubric', dir: join(path, sub), origin: 'dir', required: true });
      }
      if (places.length === 0) places.push({ kind, dir: path, origin: 'dir', required: true });
      const read = await readContent(places);
      for (const f of read.files) {
        if (first(f.file)) files.push({ ...f, kind: places.length === 1 && places[0]!.dir === path ? sniffKind(f.text, kind) : f.kind, file: relativeTo(target, f.file, path) });
      }
      // Named as the user named the folder, as the files read are (`vp/fifo.yaml`, not `/tmp/…/vp/fifo.yaml`).
      for (const issue of read.issues) {
        if (issue.file === path || first(issue.file)) issues.push({ ...issue, file: issue.file.startsWith(path + sep) ? relativeTo(target, issue.file, path) : issue.file === path ? target : issue.file });
      }
      for (const place of places) subfolders.push(...(await subdirectories(place.dir)).map((d) => relativeTo(target, d, path)));
    } else if (first(path)) {
      const problems: ContentIssue[] = [];
      const file = await readSource({ kind, dir: path, origin: 'dir', required: true }, path, problems);
      issues.push(...problems.map((i) => (i.file === path ? { ...i, file: target } : i)));
      if (file) files.push({ ...file, kind: sniffKind(file.text, kind), file: target });
    }
  }
  // A subfolder that was named too was read: it is no "not read" one.
  const named = new Set(targets.map((t) => resolve(t)));
  return { files, issues, subfolders: [...new Set(subfolders)].filter((d) => !named.has(resolve(d))) };
}

/** The directories directly inside `dir`, sorted; none when it cannot be listed. One named like a YAML file is left out: it is reported as a file that cannot be read. */
async function subdirectories(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !/\.ya?ml$/i.test(e.name)).map((e) => join(dir, e.name)).sort();
  } catch {
    return [];
  }
}

function relativeTo(target: string, file: string, dir: string): string {
  return join(target, file.slice(dir.length + 1));
}

async function readSource(place: Place, file: string, issues: ContentIssue[]): Promise<SourceFile | null> {
  try {
    return { kind: place.kind, file, text: await readTextFile(file, { maxBytes: MAX_FILE_BYTES }), origin: place.origin };
  } catch (error) {
    const problem = asReadError(file, error);
    const message = problem.code === 'EFBIG' ? `file is ${problem.reason}; content files are small YAML documents` : `cannot read: ${problem.reason}`;
    issues.push({ file, line: 1, col: 1, path: '', message, severity: 'error' });
    return null;
  }
}

/** A file with a top-level `items:` is a rubric and one with `prompt:` a prompt, whatever command reads it. */
export function sniffKind(text: string, fallback: ContentKind): ContentKind {
  if (/^items\s*:/m.test(text)) return 'rubric';
  if (/^prompt\s*:/m.test(text)) return 'prompt';
  return fallback;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
