import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { migrateSession } from './session.js';
import { summarize, type ItemInfo, type SessionSummary } from './summary.js';

/**
 * Summaries of every saved session, kept in sessions.index.json beside the sessions directory and
 * checked against each file's
 * size and modification time, so history and stats over thousands of sessions parse only what
 * changed. The session files stay the truth: a lost or stale index is simply rebuilt.
 */

const INDEX_SCHEMA = 1;

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
  } catch {
    return { summaries: [], items: {}, problems: [] };
  }
  const indexFile = `${dir}.index.json`;
  const index = await readIndex(indexFile);
  // Taken before the scan: a session saved meanwhile changes it, and the next run checks again.
  const dirMtimeMs = (await stat(dir)).mtimeMs;
  if (index.dirMtimeMs === dirMtimeMs && index.files === names.length && names.every((n) => index.entries[n])) {
    return { summaries: sorted(index), items: index.items, problems: [] };
  }
  const next: IndexFile = { schema: INDEX_SCHEMA, entries: {}, items: index.items };
  const problems: Summaries['problems'] = [];
  let changed = false;
  const infos = await Promise.all(names.map(async (name) => ({ name, info: await stat(join(dir, name)).catch(() => null) })));
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
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      const record = migrateSession(parsed);
      if (!record) {
        problems.push({ file, reason: 'not an mlsd session, or one written by a newer mlsd' });
        continue;
      }
      next.entries[name] = { size: info.size, mtimeMs: info.mtimeMs, summary: summarize(record, next.items) };
    } catch (error) {
      problems.push({ file, reason: error instanceof SyntaxError ? 'corrupt JSON' : String((error as NodeJS.ErrnoException).code ?? error) });
    }
  }
  if (changed || problems.length > 0 || index.dirMtimeMs !== dirMtimeMs || index.files !== names.length) {
    const files = problems.length === 0 ? names.length : -1; // a broken file keeps the full check on
    await writeFileAtomic(indexFile, JSON.stringify({ ...next, dirMtimeMs, files })).catch(() => undefined);
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
    const parsed = JSON.parse(await readFile(file, 'utf8')) as IndexFile;
    if (parsed.schema === INDEX_SCHEMA && parsed.entries && parsed.items) return parsed;
  } catch {
    // missing or corrupt: rebuild
  }
  return { schema: INDEX_SCHEMA, entries: {}, items: {} };
}
