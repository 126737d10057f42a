import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/files/atomic.js';
import { newSessionId } from '../../src/store/session-record.js';
import { parseSession } from '../../src/store/session-schema.js';
import { findById } from '../../src/store/session-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('replaces a file whole and leaves no temporary file behind', async () => {
    const file = join(dir, 'nested', 'a.json');
    await writeFileAtomic(file, 'first');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(file, `version ${i} `.repeat(1000))));
    // Whole: one writer's text from start to end, never a mix of two or a cut-off tail.
    const text = readFileSync(file, 'utf8');
    const first = /^version (\d+) /.exec(text)?.[0];
    expect(first).toBeDefined();
    expect(text).toBe(first!.repeat(1000));
    expect(readdirSync(join(dir, 'nested'))).toEqual(['a.json']);
  });
});

describe('session records', () => {
  it('loads an early file without status or updatedAt', () => {
    const old = { schema: 1, id: 'abc', kind: 'score', createdAt: '2026-01-01T00:00:00.000Z', prompt: 'p', level: 'mid', answers: { sections: {} } };
    expect(parseSession(old)).toMatchObject({ record: { status: 'finished', updatedAt: '2026-01-01T00:00:00.000Z' } });
  });

  it('refuses foreign files and files from a newer mlsd', () => {
    expect(parseSession({ hello: 'world' })).toMatchObject({ error: expect.stringMatching(/^not a valid mlsd session/) });
    expect(parseSession({ schema: 3, id: 'x', kind: 'score', prompt: 'p', createdAt: '' })).toEqual({ error: 'written by a newer mlsd (session format 3); upgrade mlsd to read it' });
    expect(parseSession(null)).toMatchObject({ error: expect.stringMatching(/^not a valid mlsd session/) });
  });

  it('makes short ids that sort by time and are found by a unique prefix', () => {
    const a = newSessionId(new Date('2026-01-01T00:00:00Z'), () => 0.1);
    const b = newSessionId(new Date('2026-01-01T00:01:00Z'), () => 0.9);
    expect(a).toHaveLength(12);
    expect(a < b).toBe(true);
    const sessions = [{ id: a }, { id: b }];
    expect(findById(sessions, b.slice(0, 9))).toEqual({ session: { id: b } });
    expect(findById(sessions, a.slice(0, 3))).toMatchObject({ error: 'ambiguous' });
    expect(findById(sessions, 'zz')).toMatchObject({ error: 'none' });
  });
});
