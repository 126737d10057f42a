import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/commands/command-io.js';
import { fitHelpText } from '../../src/ui/help-layout.js';

// Tryout in a 40-column pty: `mlsd --help` and `mlsd score --help` cut words in the middle ("conti" /
// "nue an interrupted…"). Commander wrapped no description whose column was under 40 wide, so the terminal
// cut them. Help now wraps at spaces at any width from 30; only a word longer than a line may overflow.
async function help(argv: string[], columns?: number): Promise<string> {
  let out = '';
  const io: Io = {
    stdout: { write: (s: string) => (out += s), isTTY: columns !== undefined, ...(columns ? { columns } : {}) },
    stderr: { write: (s: string) => (out += s) },
    env: { NO_COLOR: '1', MLSD_PROMPTS_PATH: '' },
    now: () => new Date('2026-03-01T12:00:00Z'),
    random: Math.random,
  };
  expect(await main(argv, io, async () => '')).toBe(0);
  return out;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const pages = [['--help'], ['score', '--help'], ['practice', '--help'], ['interview', '--help'], ['review', '--help'], ['prompts', 'new', '--help'], ['schema', '--help']];

describe.each([30, 40])('help on a %i-column terminal', (columns) => {
  it.each(pages)('%s %s %s', async (...argv) => {
    const narrow = await help(argv, columns);
    for (const line of narrow.split('\n')) {
      // A line wider than the terminal is one word too long to break.
      if (line.length > columns) expect(words(line), line).toHaveLength(1);
    }
    // The same words as the help in a pipe, none cut.
    expect(words(narrow)).toEqual(words(await help(argv)));
  });
  it('keeps the words of a description together, in order', async () => {
    const text = (await help(['--help'], columns)).replace(/\s+/g, ' ');
    expect(text).toContain('resume [options] [session-id] continue an interrupted practice session or peer interview');
    expect(await help(['--help'], columns)).not.toMatch(/conti$/m);
  });
});

describe('help in a pipe or a wide terminal', () => {
  it('is laid out beside the options as before', async () => {
    const wide = await help(['score', '--help'], 120);
    expect(wide).toMatch(/^ {2}--save +save the scored answer in your history$/m);
    expect(await help(['score', '--help'])).toMatch(/^ {2}--save +save the scored answer in your history$/m);
  });
});

describe('fitHelpText', () => {
  it('keeps a table row\'s description column when there is room, else puts it below', () => {
    const row = '  Ctrl-W Ctrl-U     delete the word before; delete to the line\'s start';
    expect(fitHelpText(row, 50)).toBe('  Ctrl-W Ctrl-U     delete the word before; delete\n                    to the line\'s start');
    expect(fitHelpText(row, 30)).toBe('  Ctrl-W Ctrl-U\n      delete the word before;\n      delete to the line\'s\n      start');
  });
  it('reflows a paragraph with a line too wide, leaves what fits, and nothing in a pipe', () => {
    expect(fitHelpText('one two three\nfour five', 9)).toBe('one two\nthree\nfour five');
    expect(fitHelpText('short\n  fits', 9)).toBe('short\n  fits');
    expect(fitHelpText('one two three four five', undefined)).toBe('one two three four five');
  });
});
