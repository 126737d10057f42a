import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, runInTerminal } from './pty.js';

// CLI faults from new-user tryout 5, each run on the built CLI (in a pseudo-terminal where the fault needs one).
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout5-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });

/** The built CLI's output, as printed (before the terminal wraps it), in a terminal `cols` wide. */
async function printed(args: string[], cols: number): Promise<string> {
  const t = runInTerminal(args, env(), { cols, rows: 50 });
  expect(await t.exited).toBe(0);
  return t.output().replace(/\n+$/, '');
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
/** The words of a text in order, whatever its line breaks and indents. */
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

describe('B8: list and show views fit a narrow terminal at words', () => {
  it.each([
    [['prompts', 'list'], '', [30, 40]],
    [['rubrics', 'list'], '', [30, 40]],
    // Its heading is laid out by width (one line or two): compare from the first stage on. At 30 columns a
    // 30-character red-flag id, four columns in, is cut like the file path: there is no space to break at.
    [['rubrics', 'show', 'framework'], 'Clarify requirements', [40]],
  ])('%s: every line fits and every word is whole', async (args, from, widths) => {
    const body = (text: string) => wordsOf(text.slice(text.indexOf(from)));
    const wide = body(await printed(args, 100));
    for (const cols of widths) {
      const text = await printed(args, cols);
      expect(widest(text)).toBeLessThanOrEqual(cols);
      // Tags one character a line, or "classificatio" / "n,", change the words; a wrap at spaces does not.
      expect(body(text)).toBe(wide);
    }
  });
});
