import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BoxOptions } from '../../src/ui/answer-prompt.js';
import { askPlainLine, askPlainYesNo, openPlainBox } from '../../src/ui/plain-input.js';

// The line-by-line input of a dumb terminal (TERM=dumb), on fake streams: what it reads, what it writes.

function terminal() {
  const input = new PassThrough();
  let written = '';
  const output = { write: (s: string) => (written += s) };
  return { terminal: { input, output }, input, written: () => written };
}

const clock = { leftMs: 600_000, stageLeftMs: 60_000 };
const options = (more: Partial<BoxOptions> = {}): Omit<BoxOptions, 'style'> => ({ label: 'Model development', mode: 'multi', clock, ...more });

describe('openPlainBox', () => {
  it('multi: keeps each line as it comes, submits on an empty line after text, and writes no escape sequence', async () => {
    const t = terminal();
    const changes: string[] = [];
    const box = openPlainBox(t.terminal, options({ onChange: (text) => changes.push(text) }));
    t.input.write('a baseline first\r\nthen trees\n\n');
    expect(await box.result).toEqual({ kind: 'submit', text: 'a baseline first\nthen trees' });
    expect(changes).toEqual(['a baseline first', 'a baseline first\nthen trees']);
    expect(t.written()).toBe('\nModel development (10:00 left · stage 1:00)\nType your answer line by line; an empty line after it submits. Ctrl-C: quit (asks first)\n');
  });

  it('multi: a first empty line is a blank line of the answer (as in the box), not a submission', async () => {
    const t = terminal();
    const box = openPlainBox(t.terminal, options());
    t.input.write('\nx\n\n');
    expect(await box.result).toEqual({ kind: 'submit', text: '\nx' });
  });

  it('line: each line is submitted; lines typed ahead wait for the next box', async () => {
    const t = terminal();
    const first = openPlainBox(t.terminal, options({ mode: 'line' }));
    t.input.write('How many users?\nWhat latency?\n');
    expect(await first.result).toEqual({ kind: 'submit', text: 'How many users?' });
    const second = openPlainBox(t.terminal, options({ mode: 'line' }));
    expect(await second.result).toEqual({ kind: 'submit', text: 'What latency?' });
  });

  it('shows a resumed draft and keeps it; drops control characters a dumb terminal passes on', async () => {
    const t = terminal();
    const box = openPlainBox(t.terminal, options({ initial: 'draft line' }));
    t.input.write('more \u001b[Atext\u0007\n\n');
    expect(await box.result).toEqual({ kind: 'submit', text: 'draft line\nmore text' });
    expect(t.written()).toContain('Your draft so far (1 line), kept:\ndraft line\n');
  });

  it('Ctrl-C (askQuit) asks; y quits with the text, anything else goes on without adding to it', async () => {
    const t = terminal();
    const box = openPlainBox(t.terminal, options());
    t.input.write('kept\n');
    await new Promise((r) => setImmediate(r));
    box.askQuit();
    t.input.write('\n');
    await new Promise((r) => setImmediate(r));
    box.askQuit();
    t.input.write('y\n');
    expect(await box.result).toEqual({ kind: 'quit', text: 'kept' });
    expect(t.written()).toMatch(/Quit the interview\? Type y and Enter to quit, or just Enter to keep going\.\nGoing on\.\n\nQuit the interview\?/);
  });

  it('closing from outside (time up) keeps the text; the end of input submits it, or quits an empty box', async () => {
    const t = terminal();
    const box = openPlainBox(t.terminal, options());
    t.input.write('line\n');
    await new Promise((r) => setImmediate(r));
    box.close();
    expect(await box.result).toEqual({ kind: 'closed', text: 'line' });
    const ended = terminal();
    const submitted = openPlainBox(ended.terminal, options());
    ended.input.end('last words');
    expect(await submitted.result).toEqual({ kind: 'submit', text: 'last words' });
    expect(await openPlainBox(ended.terminal, options()).result).toEqual({ kind: 'quit', text: '' });
  });

  it('prints warnings on a line of their own, and the clock only when it opens', async () => {
    const t = terminal();
    const box = openPlainBox(t.terminal, options());
    box.setClock({ leftMs: 1000, stageLeftMs: -5000 });
    box.notice('1 minute left');
    box.close();
    await box.result;
    expect(t.written()).toMatch(/\n! 1 minute left\n/);
    expect(t.written()).not.toMatch(/0:01/);
  });
});

describe('plain questions', () => {
  it('askPlainLine returns the line; an abort rejects as inquirer does (AbortPromptError)', async () => {
    const t = terminal();
    const asked = askPlainLine(t.terminal, 'Press Enter to start the clock');
    t.input.write('\n');
    expect(await asked).toBe('');
    const controller = new AbortController();
    const stopped = askPlainLine(t.terminal, 'Again', controller.signal);
    controller.abort();
    await expect(stopped).rejects.toMatchObject({ name: 'AbortPromptError' });
    expect(t.written()).toBe('Press Enter to start the clock Again ');
  });

  it('askPlainYesNo takes y/yes/n/no, an empty line as the default, and asks again otherwise', async () => {
    const t = terminal();
    const answer = askPlainYesNo(t.terminal, 'Delete?', false);
    t.input.write('maybe\nYES\n');
    expect(await answer).toBe(true);
    expect(t.written()).toBe('Delete? (y/N) Please type y or n.\nDelete? (y/N) ');
    const fallback = askPlainYesNo(t.terminal, 'Show?', true);
    t.input.write('\n');
    expect(await fallback).toBe(true);
  });
});

// Tryout 11, 3: in a terminal a paste arrives a line per read, all at once; its blank lines submitted the
// first paragraph and fed the rest to the follow-ups asked after it. On a terminal, an empty line followed
// at once by another line is a paragraph break; an empty line typed after the text still submits.
describe('openPlainBox on a terminal: a pasted answer', () => {
  function tty() {
    const t = terminal();
    Object.assign(t.input, { isTTY: true });
    return t;
  }

  it('keeps its blank lines and is submitted whole by the empty line typed after it', async () => {
    const t = tty();
    const box = openPlainBox(t.terminal, options());
    t.input.write('Paragraph one.\n\nParagraph two.\n\n\nParagraph three.\n');
    await new Promise((r) => setTimeout(r, 50));
    t.input.write('\n');
    expect(await box.result).toEqual({ kind: 'submit', text: 'Paragraph one.\n\nParagraph two.\n\n\nParagraph three.' });
  });

  it('leaves nothing for the next box', async () => {
    const t = tty();
    const first = openPlainBox(t.terminal, options());
    t.input.write('One.\n\nTwo.\n');
    await new Promise((r) => setTimeout(r, 50));
    t.input.write('\n');
    expect((await first.result).text).toBe('One.\n\nTwo.');
    const second = openPlainBox(t.terminal, options());
    t.input.write('Typed for the follow-up.\n');
    await new Promise((r) => setTimeout(r, 50));
    t.input.write('\n');
    expect(await second.result).toEqual({ kind: 'submit', text: 'Typed for the follow-up.' });
  });

  it('piped in (no terminal), each empty line still submits one answer', async () => {
    const t = terminal();
    const first = openPlainBox(t.terminal, options());
    t.input.write('First answer.\n\nSecond answer.\n\n');
    expect(await first.result).toEqual({ kind: 'submit', text: 'First answer.' });
    const second = openPlainBox(t.terminal, options());
    expect(await second.result).toEqual({ kind: 'submit', text: 'Second answer.' });
  });
});
