import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSummaries } from '../../src/store/index-cache.js';
import type { SessionRecord } from '../../src/store/session.js';
import { saveSession } from '../../src/store/sessions.js';
import { score } from '../helpers/rubric.js';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'mlsd-index-')), 'sessions');
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

const at = (id: string) => `2026-01-01T00:00:0${id.length % 10}.000Z`;
const record = (id: string, text: string): SessionRecord => ({
  schema: 1, id, kind: 'score', createdAt: at(id), updatedAt: at(id), prompt: 'p', level: 'senior', status: 'finished',
  answers: { sections: { model: text } }, report: score({ sections: { model: text } }),
});

describe('the session index', () => {
  it('summarizes sessions and notices edits, new files and corrupt ones', async () => {
    await saveSession(dir, record('a', 'We use a neural network.'));
    await saveSession(dir, record('bb', 'We start with a logistic regression baseline.'));
    const first = await loadSummaries(dir);
    expect(first.summaries.map((s) => s.id)).toEqual(['bb', 'a']);
    expect(first.summaries.find((s) => s.id === 'a')!.notCovered.map((n) => n.id)).toContain('baseline');
    expect(first.items.baseline).toEqual({ label: 'baseline', hint: 'hint baseline' });

    await saveSession(dir, record('a', 'A logistic regression baseline first.'));
    writeFileSync(join(dir, 'zz.json'), '{ broken');
    const second = await loadSummaries(dir);
    expect(second.summaries.find((s) => s.id === 'a')!.notCovered.map((n) => n.id)).not.toContain('baseline');
    expect(second.problems).toEqual([{ file: join(dir, 'zz.json'), reason: 'corrupt JSON' }]);

    rmSync(`${dir}.index.json`);
    rmSync(join(dir, 'zz.json'));
    const rebuilt = await loadSummaries(dir);
    expect(rebuilt.summaries).toEqual(second.summaries);
    expect(rebuilt.problems).toEqual([]);
  });

  it('is empty, not an error, when nothing was saved yet', async () => {
    expect(await loadSummaries(dir)).toEqual({ summaries: [], items: {}, problems: [] });
  });
});
