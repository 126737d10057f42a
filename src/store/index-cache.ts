import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KEEP_FREE_FOR_SESSIONS, writeFileAtomic } from '../io/atomic.js';
import { asReadError, MAX_SESSION_BYTES, ReadError, readTextFile } from '../io/read.js';
import { summarize, type ItemInfo, type SessionSummary } from './summary.js';

/**
 * Summaries of every saved session, kept in sessions.index.json beside the sessions directory and
 * checked against each file's
 * size and modification time, so history and stats over thousands of sessions parse only what
 * changed. The session files stay the truth: a lost or stale index is simply rebuilt.
 */

// 2: entries come from sessions validated with their schema; older indexes are rebuilt.
const INDEX_SCHEMA = 2;

interface IndexFile {
  schema: number;
  /** The directory's mtime and file count when the index was written: sessions are saved by
   * renaming a temporary file into place, which changes both, so a match means nothing changed. */
  dirMtimeMs?: number;
  files?: number;
  entries: Record<string, { size: number; mtimeMs: number; summary: SessionSummary }>;
  items: ItemInfo;
}

export interface Summaries {
  summaries: SessionSummary[];
  items: ItemInfo;
  problems: Array<{ file: string; reason: string }>;
}

export async function loadSummaries(dir: string): Promise<Summaries> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch (error) {
    // No directory yet means no sessions yet; one that exists but cannot be read is an error.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { summaries: [], items: {}, problems: [] };
    const problem = asReadError(dir, error);
    const reason = problem.code === 'ENOTDIR' ? 'it is not a directory' : problem.reason;
    throw new ReadError(dir, `cannot read the sessions directory: ${reason}`, problem.code);
  }
  const indexFile = `${dir}.index.json`;
  const problems: Summaries['problems'] = [];
  const index = await readIndex(indexFile);
  // Taken before the scan: a session saved meanwhile changes it, and the next run checks again.
  const dirMtimeMs = (await stat(dir)).mtimeMs;
  if (index.dirMtimeMs === dirMtimeMs && index.files === names.length && names.every((n) => index.entries[n])) {
    return { summaries: sorted(index), items: index.items, problems: [] };
  }
  const next: IndexFile = { schema: INDEX_SCHEMA, entries: {}, items: index.items };
  let changed = false;
  const infos = await Promise.all(
    names.map(async (name) => {
      try {
        return { name, info: await stat(join(dir, name)) };
      } catch (error) {
        // A dangling link or a loop of links: said, not silently ignored.
        problems.push({ file: join(dir, name), reason: asReadError(name, error).reason });
        return { name, info: null };
      }
    }),
  );
  // The schema library is loaded only when some session file has to be parsed.
  let parse: typeof import('./session-schema.js').parseSession | undefined;
  for (const { name, info } of infos) {
    if (!info) continue;
    const known = index.entries[name];
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
      next.entries[name] = known;
      continue;
    }
    changed = true;
    const file = join(dir, name);
    try {
      const text = await readTextFile(file, { maxBytes: MAX_SESSION_BYTES });
      const parsed: unknown = JSON.parse(text);
      parse ??= (await import('./session-schema.js')).parseSession;
      const result = parse(parsed, name.slice(0, -'.json'.length), { text });
      if ('error' in result) {
        problems.push({ file, reason: result.error });
        continue;
      }
      next.entries[name] = { size: info.size, mtimeMs: info.mtimeMs, summary: summarize(result.record, next.items) };
    } catch (error) {
      problems.push({ file, reason: error instanceof SyntaxError ? 'corrupt JSON' : asReadError(file, error).reason });
    }
  }
  if (changed || problems.length > 0 || index.dirMtimeMs !== dirMtimeMs || index.files !== names.length) {
    const files = problems.length === 0 ? names.length : -1; // a broken file keeps the full check on
    await writeFileAtomic(indexFile, JSON.stringify({ ...next, dirMtimeMs, files }), { keepFree: KEEP_FREE_FOR_SESSIONS }).catch(() => undefined);
  }
  return { summaries: sorted(next), items: next.items, problems };
}

function sorted(index: IndexFile): SessionSummary[] {
  return Object.values(index.entries)
    .map((e) => e.summary)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)));
}

async function readIndex(file: string): Promise<IndexFile> {
  try {
    const parsed = JSON.parse(await readTextFile(file, { maxBytes: 50 * MAX_SESSION_BYTES })) as IndexFile;
    if (parsed.schema === INDEX_SCHEMA && parsed.entries && parsed.items) return parsed;
  } catch {
    // missing or corrupt: rebuild
  }
  return { schema: INDEX_SCHEMA, entries: {}, items: {} };
}
