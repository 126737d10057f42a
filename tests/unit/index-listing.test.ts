import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkFile } from '../../src/store/index-check.js';
import { loadSummaries } from '../../src/store/index-cache.js';
import { saveSession } from '../../src/store/session-files.js';
import type { SessionRecord } from '../../src/store/session-record.js';
import { score } from '../helpers/rubric.js';

// readdir counts its calls and, when told, fails as on a directory that cannot be read; the rest of node:fs/promises is the real one.
const listing = { calls: 0, fail: '' };
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    readdir: async (...args: Parameters<typeof real.readdir>) => {
      listing.calls++;
      if (listing.fail) throw Object.assign(new Error(`${listing.fail}: permission denied, scandir '${String(args[0])}'`), { code: listing.fail });
      return real.readdir(...args);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'mlsd-listing-')), 'sessions');
  listing.calls = 0;
  listing.fail = '';
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

const record = (id: string): SessionRecord => ({
  id, kind: 'score', createdAt: `2026-01-01T00:00:0${id.length}.000Z`, updatedAt: `2026-01-01T00:00:0${id.length}.000Z`, prompt: 'p', level: 'senior', status: 'finished',
  answers: { sections: { model: 'We use a neural network.' } }, report: score({ sections: { model: 'We use a neural network.' } }),
});

/** Long after the directory last changed, so a listing is trusted next time. */
const options = { checkAll: 1, sweepRuns: 1000, recent: 0, now: () => Date.now() + 60_000 };

describe('listing the sessions directory while the index is read', () => {
  it('lists a directory that changed once, and one that did not change not at all', async () => {
    for (const id of ['a', 'bb']) await saveSession(dir, record(id));
    await loadSummaries(dir, options);
    expect(JSON.parse(readFileSync(checkFile(dir), 'utf8'))).toMatchObject({ trusted: true });
    listing.calls = 0;
    expect((await loadSummaries(dir, options)).summaries.map((s) => s.id)).toEqual(['bb', 'a']);
    expect(listing.calls).toBe(0);
    await saveSession(dir, record('ccc'));
    expect((await loadSummaries(dir, options)).summaries.map((s) => s.id)).toEqual(['ccc', 'bb', 'a']);
    expect(listing.calls).toBe(1);
  });

  it('lists the directory after all when the check file says it did not change but the index it was written for is gone', async () => {
    for (const id of ['a', 'bb']) await saveSession(dir, record(id));
    await loadSummaries(dir, options);
    await loadSummaries(dir, options);
    rmSync(`${dir}.index.jsonl`);
    listing.calls = 0;
    expect((await loadSummaries(dir, options)).summaries.map((s) => s.id)).toEqual(['bb', 'a']);
    expect(listing.calls).toBe(1);
  });

  it('says the directory cannot be read when the listing started early fails, as a ReadError naming it', async () => {
    await saveSession(dir, record('a'));
    listing.fail = 'EACCES';
    await expect(loadSummaries(dir, options)).rejects.toMatchObject({ name: 'ReadError', reason: expect.stringMatching(/^cannot read the sessions directory: /) });
    expect(listing.calls).toBe(1);
  });
});
