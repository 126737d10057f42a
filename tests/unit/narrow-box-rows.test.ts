import { describe, expect, it } from 'vitest';
import xterm from '@xterm/headless';
import { openAnswerBox, wrapRows, type BoxOptions } from '../../src/ui/answer-prompt.js';
import { cutRow, LiveRegion, visibleLength } from '../../src/ui/live-region.js';
import { displayWidth } from '../../src/ui/editor/width.js';
import { createStyle } from '../../src/ui/style.js';
import { mockTerminal, type MockTerminal } from '../helpers/box-terminal.js';

// Tryout 12: moving on from clarify at 40 columns left "│ (no more questions: on to the next sta" / "ge)er: ask"
// on screen. The kind: a row of the redrawn block wider than the terminal, which the terminal wraps into a row
// the block does not know of. Every transient row must fit, and the block must cut any row that does not.

function open(t: MockTerminal, options: Partial<BoxOptions> = {}) {
  return openAnswerBox(t.terminal, {
    label: 'Clarify requirements',
    mode: 'line',
    style: createStyle(0),
    clock: { leftMs: 44 * 60_000, stageLeftMs: 4 * 60_000 },
    ...options,
  });
}

/** The screen's rows joined, runs of spaces as one, for reading a wrapped message. */
const joined = (rows: string[]) => rows.join(' ').replace(/\s+/g, ' ');

describe.each([40, 30, 24])('the answer box on a %i-column terminal leaves no stale text', (columns) => {
  it('clarify: an empty Enter says "no more questions" whole, and no key help is left under it', async () => {
    const t = mockTerminal(columns, 20);
    const box = open(t);
    await t.type('\r');
    await expect(box.result).resolves.toEqual({ kind: 'submit', text: '' });
    const rows = await t.screen();
    for (const row of rows) expect(displayWidth(row)).toBeLessThan(columns);
    expect(joined(rows).replace(/│ /g, '')).toContain('(no more questions: on to the next stage)');
    expect(joined(rows)).not.toMatch(/Enter: ask|move on|er: ask/);
  });

  it('an empty multi-line answer submitted says "(nothing)", and the hint rows are gone', async () => {
    const t = mockTerminal(columns, 20);
    const box = open(t, { label: 'Data and features', mode: 'multi' });
    await t.type('\u0004');
    await expect(box.result).resolves.toMatchObject({ kind: 'submit' });
    const rows = await t.screen();
    expect(joined(rows)).toContain('│ (nothing)');
    expect(joined(rows)).not.toMatch(/submit|Ctrl-C/);
  });

  it('a long label wraps at its words rather than being cut', async () => {
    const t = mockTerminal(columns, 20);
    open(t, { label: 'Frame as an ML task · follow-up', mode: 'multi' });
    const rows = await t.screen();
    for (const row of rows) expect(displayWidth(row)).toBeLessThan(columns);
    expect(joined(rows)).toContain('Frame as an ML task · follow-up');
  });

  it('a warning is shown whole on up to three rows', async () => {
    const t = mockTerminal(columns, 20);
    const box = open(t, { label: 'Data', mode: 'multi' });
    box.notice('You are past the 0:11 budget for Frame as an ML task.');
    const rows = await t.screen();
    for (const row of rows) expect(displayWidth(row)).toBeLessThan(columns);
    expect(joined(rows)).toContain('⚠ You are past the 0:11 budget for Frame as an ML task.');
  });

  it('a question in wide characters is cut to the width in the summary, the rows below it cleared', async () => {
    const t = mockTerminal(columns, 20);
    const box = open(t);
    await t.type('需要多少用户需要多少用户需要多少用户需要多少用户需要多少用户');
    await t.type('\r');
    await expect(box.result).resolves.toMatchObject({ kind: 'submit' });
    const rows = await t.screen();
    for (const row of rows) expect(displayWidth(row)).toBeLessThan(columns);
    expect(rows.filter((r) => r.startsWith('│ 需要'))).toHaveLength(1);
    expect(joined(rows)).not.toMatch(/Enter: ask|move on/);
  });
});

describe('LiveRegion cuts a row wider than the terminal (the safety net under every caller)', () => {
  /** A region on a headless terminal `cols` wide. */
  function region(cols: number) {
    const emulator = new xterm.Terminal({ cols, rows: 12, allowProposedApi: true });
    const output = { columns: cols, write: (s: string) => emulator.write(s) };
    const screen = async () => {
      await new Promise<void>((r) => emulator.write('', r));
      const b = emulator.buffer.active;
      return Array.from({ length: b.length }, (_, i) => b.getLine(i)?.translateToString(true) ?? '').filter((r) => r !== '');
    };
    return { live: new LiveRegion(output), screen };
  }

  it('an over-wide row drawn over a taller block leaves nothing of the old rows', async () => {
    const { live, screen } = region(20);
    live.render({ rows: ['header', '│ typed', 'keys one', 'keys two'], cursor: { row: 1, col: 2 } });
    live.finish(['header', '│ a summary row far wider than twenty columns']);
    const rows = await screen();
    expect(rows).toEqual(['header', '│ a summary row fa…']);
  });

  it('a styled over-wide row keeps its colour codes, is cut by what shows, and its style is reset', () => {
    const row = '\u001b[2m│ the rest of this row is dim and long\u001b[22m';
    const cut = cutRow(row, 12);
    expect(visibleLength(cut)).toBe(12);
    expect(cut.startsWith('\u001b[2m│ the rest')).toBe(true);
    expect(cut.endsWith('…\u001b[0m')).toBe(true);
  });

  it('wide characters count two columns each when cut', () => {
    const cut = cutRow('│ 我们需要多少用户的数据', 10);
    expect(displayWidth(cut)).toBeLessThanOrEqual(10);
    expect(cut).toBe('│ 我们需…');
  });

  it('a row that fits is drawn as it is', () => {
    expect(cutRow('\u001b[1mFraming\u001b[22m', 7)).toBe('\u001b[1mFraming\u001b[22m');
    expect(cutRow('exactly ten', 11)).toBe('exactly ten');
  });
});

describe('wrapRows', () => {
  it('wraps at spaces and marks the rows left off with an ellipsis', () => {
    expect(wrapRows('one two three four five six', 10, 2)).toEqual(['one two', '  three …']);
    expect(wrapRows('short', 10, 2)).toEqual(['short']);
  });
  it('cuts a word wider than the row', () => {
    expect(wrapRows('supercalifragilistic word', 8, 3)).toEqual(['superca…', '  word']);
  });
});

describe('control strings typed into the answer box are removed whole (the kind of tryout 12 finding 10)', () => {
  it.each([
    ['an OSC title string', 'Loan \u001b]0;PWNED\u0007default', 'Loan default'],
    ['an OSC hyperlink ended by ST', 'see \u001b]8;;http://x.example\u001b\\docs\u001b]8;;\u001b\\ here', 'see docs here'],
    ['a DCS string', 'a\u001bP+q544e\u001b\\b', 'ab'],
  ])('%s', async (_name, typed, kept) => {
    const t = mockTerminal(80, 24);
    const box = open(t, { mode: 'line' });
    await t.type(typed);
    expect(box.text()).toBe(kept);
    await t.type('\r');
    await expect(box.result).resolves.toEqual({ kind: 'submit', text: kept });
  });
  it('arrow keys still move the cursor', async () => {
    const t = mockTerminal(80, 24);
    const box = open(t, { mode: 'line' });
    await t.type('ac\u001b[Db');
    expect(box.text()).toBe('abc');
    box.close();
  });
});
