import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type WriteFn } from '../../src/files/atomic.js';
import { newSessionId } from '../../src/store/session-record.js';
import { parseSession } from '../../src/store/session-schema.js';
import { findById } from '../../src/store/session-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The writer whose text `text` is, when it is one writer's text whole: "version 7 " 1,000 times; else null. */
function wholeWriter(text: string): number | null {
  const match = /^version (\d+) /.exec(text);
  return match && text === match[0].repeat(1000) ? Number(match[1]) : null;
}

describe('atomic writes', () => {
  it('the check tells a whole text from a mix of two writers and from a cut-off tail', () => {
    const whole = (i: number) => `version ${i} `.repeat(1000);
    expect(wholeWriter(whole(7))).toBe(7);
    expect(wholeWriter(whole(7).slice(0, 5000) + whole(12).slice(5000))).toBeNull();
    expect(wholeWriter(whole(1).slice(0, 5000) + whole(10).slice(5000))).toBeNull();
    expect(wholeWriter(whole(7).slice(0, -3))).toBeNull();
  });

  it('replaces a file whole and leaves no temporary file behind', async () => {
    const file = join(dir, 'nested', 'a.json');
    await writeFileAtomic(file, 'first');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(file, `version ${i} `.repeat(1000))));
    // Whole: one writer's text from start to end, never a mix of two or a cut-off tail.
    expect(wholeWriter(readFileSync(file, 'utf8'))).toEqual(expect.any(Number));
    expect(readdirSync(join(dir, 'nested'))).toEqual(['a.json']);
  });

  it('leaves the old file as it was when a write stops halfway (a torn write)', async () => {
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'version 1 '.repeat(1000));
    const tearing: WriteFn = async (path, content) => {
      writeFileSync(path, content.slice(0, content.length / 2));
      throw Object.assign(new Error('disk gone'), { code: 'EIO' });
    };
    await expect(writeFileAtomic(file, 'version 2 '.repeat(1000), { write: tearing })).rejects.toMatchObject({ name: 'WriteError', code: 'EIO' });
    expect(wholeWriter(readFileSync(file, 'utf8'))).toBe(1);
    expect(readdirSync(dir)).toEqual(['a.json']);
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
