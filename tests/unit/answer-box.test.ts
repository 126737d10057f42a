import { describe, expect, it } from 'vitest';
import { BOX_KEYS_MULTI, BOX_KEYS_MULTI_STOP, keyRows, openAnswerBox, type BoxOptions } from '../../src/ui/answer-prompt.js';
import { clockWords } from '../../src/ui/box-clock.js';
import { createStyle } from '../../src/ui/style.js';
import { mockTerminal, type MockTerminal } from '../helpers/box-terminal.js';

const PASTE = (text: string) => `\u001b[200~${text}\u001b[201~`;
const UP = '\u001b[A';
const DOWN = '\u001b[B';
const HOME = '\u001b[H';
const END = '\u001b[F';
const BACKSPACE = '\u007f';
const CTRL_C = '\u0003';

function open(t: MockTerminal, options: Partial<BoxOptions> = {}) {
  const changes: string[] = [];
  const box = openAnswerBox(t.terminal, {
    label: 'Data and features',
    mode: 'multi',
    style: createStyle(0),
    clock: { leftMs: 30 * 60_000, stageLeftMs: 5 * 60_000 },
    onChange: (text) => changes.push(text),
    ...options,
  });
  return { box, changes };
}

const clockRows = (rows: string[]) => rows.filter((r) => r.includes('⏱'));

describe('the clock line says whose time it is', () => {
  it('an interview: time left and the stage\'s time', async () => {
    const t = mockTerminal();
    open(t);
    expect(clockRows(await t.screen())).toEqual([expect.stringMatching(/^Data and features\s+⏱ 30:00 left · stage 5:00$/)]);
  });
  it('a drill card (one clock, its own): "left for this card", never "stage"', async () => {
    const t = mockTerminal();
    open(t, { label: 'Your answer', timer: 'card', clock: { leftMs: 3 * 60_000, stageLeftMs: 3 * 60_000 } });
    const rows = clockRows(await t.screen());
    expect(rows).toEqual([expect.stringMatching(/^Your answer\s+⏱ 3:00 left for this card$/)]);
    expect(rows.join('')).not.toMatch(/stage/);
  });
  it('clockWords gives both boxes the same words', () => {
    expect(clockWords({ leftMs: 61_000, stageLeftMs: -5_000 })).toEqual({ left: '1:01 left', stage: { text: 'stage over by 0:05', over: true } });
    expect(clockWords({ leftMs: 61_000, stageLeftMs: 61_000 }, 'card')).toEqual({ left: '1:01 left for this card', stage: null });
  });
});

describe('the answer box', () => {
  it('keeps a bracketed paste whole, with blank lines and CRLF, and never submits on it', async () => {
    const t = mockTerminal();
    const { box, changes } = open(t);
    await t.type(PASTE('first line\r\nsecond line\r\n\r\nfourth line\r\nfifth line'));
    let settled = false;
    void box.result.then(() => (settled = true));
    await t.type('');
    expect(settled).toBe(false);
    expect(changes.at(-1)).toBe('first line\nsecond line\n\nfourth line\nfifth line');
    const screen = (await t.screen()).join('\n');
    expect(screen).toContain('│ fifth line');
    expect(screen).toContain('│ first line');
    await t.type('\r');
    await t.type('\r');
    await expect(box.result).resolves.toEqual({ kind: 'submit', text: 'first line\nsecond line\n\nfourth line\nfifth line' });
  });

  it('reads keys after an Enter in one burst as a paste without brackets: line breaks, not a submit', async () => {
    const t = mockTerminal();
    const { box } = open(t, { mode: 'line' });
    await t.type('How many users?\rWhat latency?\rWhich regions?\r');
    await expect(box.result).resolves.toEqual({ kind: 'submit', text: 'How many users?\nWhat latency?\nWhich regions?' });
  });

  it('scrolls a tall answer inside the screen: the clock line stays visible and nothing is copied into the scrollback', async () => {
    const t = mockTerminal(80, 24);
    const { box } = open(t);
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1} of a long answer`);
    await t.type(PASTE(lines.join('\n')));
    for (let s = 0; s < 5; s++) box.setClock({ leftMs: 29 * 60_000 - s * 1000, stageLeftMs: 60_000 });
    await t.type('x');
    const screen = await t.screen();
    expect(clockRows(screen)).toHaveLength(1);
    expect(screen.join('\n')).toContain('line 60 of a long answerx');
    expect(screen[0]).toMatch(/⏱ 28:56 left · stage 1:00  line 60\/60$/);
    // One box, one clock line, in the whole terminal history.
    expect(clockRows(await t.allRows())).toHaveLength(1);
    // Up past the top of the window scrolls back to earlier lines.
    for (let i = 0; i < 59; i++) t.send(UP);
    await t.type('');
    const top = (await t.screen()).join('\n');
    expect(top).toContain('│ line 1 of a long answer');
    expect(top).not.toContain('line 60 of');
    expect(clockRows(await t.allRows())).toHaveLength(1);
    box.close();
    await box.result;
  });

  it('edits across lines: Up/Down reach earlier lines, Backspace at a line start joins, Home/End and Delete', async () => {
    const t = mockTerminal();
    const { box } = open(t);
    await t.type('first line');
    await t.type('\r');
    await t.type('second line');
    await t.type(UP + END + ' more');
    await t.type(DOWN + HOME + 'X');
    await t.type(HOME + BACKSPACE); // joins "Xsecond line" to the line above
    expect(box.text()).toBe('first line moreXsecond line');
    await t.type('\u001b[3~'); // Delete removes the X
    expect(box.text()).toBe('first line moresecond line');
    await t.type('\u0017'); // Ctrl-W deletes the word before the cursor
    expect(box.text()).toBe('first line second line');
    box.close();
    await expect(box.result).resolves.toEqual({ kind: 'closed', text: 'first line second line' });
  });

  it('puts the cursor on the right row of a wrapped line after Home and End', async () => {
    const t = mockTerminal(40, 20);
    const { box } = open(t);
    const long = 'word '.repeat(20).trim(); // wraps over three rows at 37 columns
    await t.type(long);
    const atEnd = await t.cursor();
    await t.type(HOME);
    const atHome = await t.cursor();
    expect(atHome.y).toBeLessThan(atEnd.y);
    expect(atHome.x).toBe(2); // right after "│ "
    const screen = await t.screen();
    expect(screen[atHome.y]).toMatch(/^│ word word/);
    await t.type(END);
    expect(await t.cursor()).toEqual(atEnd);
    box.close();
    await box.result;
  });

  it('counts wide characters as two columns, so the cursor lands after them', async () => {
    const t = mockTerminal(40, 20);
    const { box } = open(t);
    await t.type('数据 and 特征');
    expect((await t.cursor()).x).toBe(2 + 4 + 5 + 4);
    await t.type(PASTE('长'.repeat(30))); // sixty columns: wraps at the box's 37
    const screen = await t.screen();
    expect(screen.every((r) => r.length <= 40)).toBe(true);
    expect(clockRows(await t.allRows())).toHaveLength(1);
    box.close();
    await box.result;
  });

  it('shows a warning inside the box at once, readable without colour', async () => {
    const t = mockTerminal();
    const { box } = open(t);
    await t.type('typing');
    box.notice('You are past the 8:00 budget for Data and features.');
    await t.type('');
    const screen = (await t.screen()).join('\n');
    expect(screen).toContain('⚠ You are past the 8:00 budget for Data and features.');
    expect(screen).not.toContain('\u001b');
    box.setClock({ leftMs: 20_000, stageLeftMs: -90_000 });
    await t.type('');
    expect((await t.screen()).join('\n')).toMatch(/⏱ 0:20 left · stage over by 1:30/);
    box.close();
    await box.result;
  });

  it('asks before quitting on Ctrl-C, keeps the text when the answer is no, and quits on yes', async () => {
    const t = mockTerminal();
    const { box } = open(t);
    await t.type('half an answer');
    await t.type(CTRL_C);
    expect((await t.screen()).join('\n')).toContain('Quit the interview?');
    box.setClock({ leftMs: 29 * 60_000, stageLeftMs: 4 * 60_000 }); // the clock keeps running while it asks
    await t.type('');
    expect((await t.screen()).join('\n')).toMatch(/⏱ 29:00 left[\s\S]*Quit the interview\?/);
    await t.type('n');
    expect((await t.screen()).join('\n')).not.toContain('Quit the interview?');
    await t.type(CTRL_C);
    await t.type('y');
    await expect(box.result).resolves.toEqual({ kind: 'quit', text: 'half an answer' });
  });

  it('submits with Ctrl-D and keeps a resumed draft', async () => {
    const t = mockTerminal();
    const { box } = open(t, { initial: 'resumed\ndraft' });
    expect((await t.screen()).join('\n')).toContain('│ draft');
    await t.type(' text\u0004');
    await expect(box.result).resolves.toEqual({ kind: 'submit', text: 'resumed\ndraft text' });
  });

  it('redraws only what changed: a keypress and a clock tick with 5,000 words in the box write under 2 KB', async () => {
    const t = mockTerminal(80, 24);
    const words = Array.from({ length: 5000 }, (_, i) => (i % 12 === 11 ? 'end.\n' : 'word'));
    const { box } = open(t, { initial: words.join(' ') });
    await t.type('');
    t.takeBytes();
    await t.type('a');
    expect(t.takeBytes()).toBeLessThan(2048);
    box.setClock({ leftMs: 20 * 60_000, stageLeftMs: 60_000 });
    await t.type('');
    expect(t.takeBytes()).toBeLessThan(2048);
    box.close();
    await box.result;
  });

  it('scrolls by shifting rows in the terminal: a new line at the bottom of a full box is cheap and the screen stays right', async () => {
    const t = mockTerminal(120, 40);
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`);
    const { box } = open(t, { initial: lines.join('\n') });
    await t.type('');
    t.takeBytes();
    for (let i = 101; i <= 105; i++) await t.type(`\rline ${i}`);
    expect(t.takeBytes() / 5).toBeLessThan(600);
    let screen = await t.screen();
    let body = screen.filter((r) => r.startsWith('│ ')).map((r) => r.slice(2));
    expect(body.at(-1)).toBe('line 105');
    expect(body).toEqual(Array.from({ length: body.length }, (_, i) => `line ${106 - body.length + i}`));
    // Ctrl-C asks whether to quit (tryout 3: the hint said "pause").
    expect(screen.filter((r) => r.trim()).at(-1)).toBe('Enter on an empty line: submit · Ctrl-C: quit (asks first)');
    // Scrolling back up shifts the other way.
    for (let i = 0; i < body.length + 3; i++) t.send(UP);
    await t.type('');
    screen = await t.screen();
    body = screen.filter((r) => r.startsWith('│ ')).map((r) => r.slice(2));
    expect(body).toEqual(Array.from({ length: body.length }, (_, i) => `line ${105 - body.length - 3 + i}`));
    expect(clockRows(await t.allRows())).toHaveLength(1);
    box.close();
    await box.result;
  });

  it('redraws whole after the terminal is resized, with one clock line', async () => {
    const t = mockTerminal(120, 40);
    const { box } = open(t);
    await t.type(PASTE(Array.from({ length: 10 }, (_, i) => `row ${i} `.repeat(8)).join('\n')));
    t.resize(60, 20);
    await t.type('');
    const screen = await t.screen();
    expect(clockRows(screen)).toHaveLength(1);
    expect(screen.every((r) => r.length <= 60)).toBe(true);
    box.close();
    await box.result;
  });

  it('a box left with Ctrl-C before anything was typed leaves no "(nothing)" behind; an empty submit says what it did', async () => {
    const quit = mockTerminal();
    const { box } = open(quit, { mode: 'line', askBeforeQuit: false });
    await quit.type(CTRL_C);
    await expect(box.result).resolves.toMatchObject({ kind: 'quit' });
    expect((await quit.screen()).join('\n')).not.toContain('(nothing)');
    const submitted = mockTerminal();
    const empty = open(submitted, { mode: 'line' });
    await submitted.type('\r');
    await expect(empty.box.result).resolves.toMatchObject({ kind: 'submit', text: '' });
    // In clarify an empty Enter moves on (tryout 3: it said "(nothing)"); an empty answer elsewhere is "(nothing)".
    expect((await submitted.screen()).join('\n')).toContain('│ (no more questions: on to the next stage)');
    const answer = mockTerminal();
    const emptyAnswer = open(answer, { mode: 'multi' });
    await answer.type('\u0004');
    await expect(emptyAnswer.box.result).resolves.toMatchObject({ kind: 'submit', text: '' });
    expect((await answer.screen()).join('\n')).toContain('│ (nothing)');
  });

  it('lays the key help out on a narrow screen by whole parts, one row each, never cutting or dropping a key', () => {
    expect(keyRows(BOX_KEYS_MULTI, 80)).toEqual([BOX_KEYS_MULTI]);
    expect(keyRows(BOX_KEYS_MULTI, 40)).toEqual(['Enter on an empty line: submit', 'Ctrl-C: quit (asks first)']);
    // Drill at 30 columns (a row of 29): the first part wraps at a space, and Ctrl-C still shows.
    expect(keyRows(BOX_KEYS_MULTI_STOP, 29)).toEqual(['Enter on an empty line:', '  submit · Ctrl-C: stop']);
    for (const width of [12, 20, 29, 40]) {
      const rows = keyRows(BOX_KEYS_MULTI, width);
      expect(rows.every((r) => r.length <= width)).toBe(true);
      expect(rows.join(' ').split(/[\s·]+/).filter(Boolean)).toEqual(BOX_KEYS_MULTI.split(/[\s·]+/).filter(Boolean));
    }
  });

  it.each([30, 40])('at %i columns the clock and the keys are on screen whole: wrapped, not cut', async (cols) => {
    const t = mockTerminal(cols, 24);
    open(t, { label: 'Your answer', timer: 'card', askBeforeQuit: false, clock: { leftMs: 3 * 60_000, stageLeftMs: 3 * 60_000 } });
    const screen = await t.screen();
    expect(screen.every((r) => r.length < cols)).toBe(true);
    expect(screen.join('\n')).not.toContain('…');
    // One row where both fit (40 columns), the label above the clock where they do not (30).
    expect(screen.join(' ')).toMatch(/Your answer\s+⏱ 3:00 left for this card/);
    // Whole keys, one part a row or two parts joined by " · ".
    expect(screen.join(' ').replace(/\s+·\s+|\s+/g, ' ')).toContain('Enter on an empty line: submit Ctrl-C: stop');
    const interview = mockTerminal(cols, 24);
    open(interview);
    const rows = (await interview.screen()).join(' ').replace(/\s+/g, ' ');
    expect(rows).toMatch(/Data and features ⏱ 30:00 left · stage 5:00/);
    expect(rows).toContain('Ctrl-C: quit (asks first)');
  });
});
