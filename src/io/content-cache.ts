import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog, ContentKind, Entry, Origin } from '../content/catalog.js';
import type { ContentIssue } from '../content/parse.js';
import type { Prompt, Rubric } from '../content/schema.js';
import { KEEP_FREE_FOR_SESSIONS, writeFileAtomic } from './atomic.js';
import { readTextFile } from './read.js';
import type { Place } from './content-files.js';

/**
 * A validated catalog kept on disk, so that `prompts list` and `score` skip parsing YAML and loading
 * the schema library when no content file changed. The key is every content file's path, size and
 * modification time plus the mlsd version: any edit, new file or upgrade rebuilds it. `validate`
 * never uses it.
 */

const FORMAT = 1;

export interface Listed {
  kind: ContentKind;
  file: string;
  origin: Origin;
  size: number;
  mtimeMs: number;
}

/** The content files of the places, without reading them. */
export async function listContent(places: readonly Place[]): Promise<Listed[]> {
  const perPlace = await Promise.all(
    places.map(async (place) => {
      let names: string[];
      try {
        names = (await readdir(place.dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
      } catch {
        return [place.dir];
      }
      return Promise.all(
        names.map(async (name) => {
          const file = join(place.dir, name);
          try {
            const info = await stat(file);
            return { kind: place.kind, file, origin: place.origin, size: info.size, mtimeMs: info.mtimeMs };
          } catch {
            return file;
          }
        }),
      );
    }),
  );
  // A directory or file that could not be read is part of the key too (as a bare string).
  return perPlace.flat() as Listed[];
}

export function cacheKey(version: string, listing: readonly Listed[]): string {
  return JSON.stringify([FORMAT, version, listing]);
}

interface Stored {
  key: string;
  prompts: Array<Omit<Entry<Prompt>, 'locate'>>;
  rubrics: Array<Omit<Entry<Rubric>, 'locate'>>;
  issues: ContentIssue[];
  notices: string[];
}

const nowhere = () => ({ line: 1, col: 1 });

export async function readCache(file: string, key: string): Promise<Catalog | null> {
  try {
    const stored = JSON.parse(await readTextFile(file, { maxBytes: 100_000_000 })) as Stored;
    if (stored.key !== key) return null;
    return {
      prompts: new Map(stored.prompts.map((e) => [e.value.id, { ...e, locate: nowhere }])),
      rubrics: new Map(stored.rubrics.map((e) => [e.value.id, { ...e, locate: nowhere }])),
      issues: stored.issues,
      notices: stored.notices,
    };
  } catch {
    return null;
  }
}

/** Best effort: a cache that cannot be written only makes the next start slower. */
export async function writeCache(file: string, key: string, catalog: Catalog): Promise<void> {
  const strip = <T>({ locate: _locate, ...rest }: Entry<T>) => rest;
  const stored: Stored = {
    key,
    prompts: [...catalog.prompts.values()].map(strip),
    rubrics: [...catalog.rubrics.values()].map(strip),
    issues: catalog.issues,
    notices: catalog.notices,
  };
  try {
    // Disposable: skipped when the disk is nearly full, so it never takes a session's room.
    await writeFileAtomic(file, JSON.stringify(stored), { keepFree: KEEP_FREE_FOR_SESSIONS });
  } catch {
    // read-only home, full disk: carry on without a cache
  }
}
