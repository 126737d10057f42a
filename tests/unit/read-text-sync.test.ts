import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextFile, readTextFileSync, type ReadOptions } from '../../src/files/read.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-read-sync-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What a read gave: the text, or the ReadError's code and reason. */
async function outcome(read: () => string | Promise<string>): Promise<{ text: string } | { code: string; reason: string }> {
  try {
    return { text: await read() };
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
}

describe('readTextFileSync reads and refuses exactly as readTextFile (files/read.ts)', () => {
  it('gives the same text or the same error for files, links to devices, FIFOs, big files and non-text', async () => {
    writeFileSync(join(dir, 'answer.md'), '# Data\nlogs, café ✓\n');
    writeFileSync(join(dir, 'bom.md'), '\uFEFF# Model\nGBDT\n');
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(2000));
    writeFileSync(join(dir, 'nul.md'), 'a\0b');
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    const cases: Array<[string, ReadOptions]> = [
      ['answer.md', { maxBytes: 1000 }],
      ['answer.md', { maxBytes: 1000, textOnly: true }],
      ['bom.md', { maxBytes: 1000, textOnly: true }],
      ['empty.md', { maxBytes: 1000, textOnly: true }],
      ['big.md', { maxBytes: 1000 }],
      ['big.md', { maxBytes: 2000 }],
      ['big.md', { maxBytes: 1999, allowPipes: true }],
      ['nul.md', { maxBytes: 1000, textOnly: true }],
      ['latin1.md', { maxBytes: 1000, textOnly: true }],
      ['zero.md', { maxBytes: 1000 }],
      ['zero.md', { maxBytes: 1000, allowPipes: true }],
      ['fifo.md', { maxBytes: 1000 }],
      ['missing.md', { maxBytes: 1000 }],
      ['.', { maxBytes: 1000 }],
    ];
    for (const [name, options] of cases) {
      const file = join(dir, name);
      const sync = await outcome(() => readTextFileSync(file, options));
      expect(sync, `${name} ${JSON.stringify(options)}`).toEqual(await outcome(() => readTextFile(file, options)));
    }
    expect(readTextFileSync(join(dir, 'answer.md'), { maxBytes: 1000, textOnly: true })).toBe('# Data\nlogs, café ✓\n');
    expect(await outcome(() => readTextFileSync(join(dir, 'big.md'), { maxBytes: 1000 }))).toEqual({ code: 'EFBIG', reason: 'larger than 1 KB' });
    expect(await outcome(() => readTextFileSync(join(dir, 'fifo.md'), { maxBytes: 1000 }))).toEqual({ code: 'ENOTREG', reason: 'not a regular file (a FIFO)' });
  });

  it('reads a pipe the user named until its writer closes it, and refuses one that says too much', async () => {
    const fifo = join(dir, 'answer.fifo');
    execFileSync('mkfifo', [fifo]);
    const text = 'line\n'.repeat(30_000);
    const writer = spawn('sh', ['-c', 'cat "$SRC" > "$FIFO"'], { env: { ...process.env, SRC: writeSource(text), FIFO: fifo }, stdio: 'ignore' });
    expect(readTextFileSync(fifo, { maxBytes: 1_000_000, allowPipes: true, textOnly: true })).toBe(text);
    await new Promise((done) => writer.on('close', done));
    const again = spawn('sh', ['-c', 'cat "$SRC" > "$FIFO"'], { env: { ...process.env, SRC: writeSource(text), FIFO: fifo }, stdio: 'ignore' });
    expect(await outcome(() => readTextFileSync(fifo, { maxBytes: 100_000, allowPipes: true }))).toEqual({ code: 'EFBIG', reason: 'larger than 100 KB' });
    again.kill();
    await new Promise((done) => again.on('close', done));
  });
});

function writeSource(text: string): string {
  const file = join(dir, 'source.txt');
  writeFileSync(file, text);
  return file;
}
