import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as B from '../../src/ui/editor/buffer.js';
import { cursorPlace, moveVertical, rowsBack, rowsFrom, scrollTop, wrapLine, wrapOffsets } from '../../src/ui/editor/layout.js';
import { displayWidth } from '../../src/ui/editor/width.js';
import { editorPreamble, stripPreamble } from '../../src/ui/external-editor.js';

describe('the text buffer', () => {
  it('normalises pasted line endings and drops control sequences', () => {
    expect(B.normalizeInput('a\r\nb\rc\n\nd\te')).toBe('a\nb\nc\n\nd    e');
    expect(B.normalizeInput('red \u001b[31mtext\u001b[0m\u0007 \u001b]52;c;cm0gLXJm\u0007end')).toBe('red text end');
  });

  it('inserts multi-line text at the cursor and puts the cursor after it', () => {
    const b = B.insertText(B.moveTo(B.createBuffer('start end'), 0, 6), 'one\ntwo\n');
    expect(b.lines).toEqual(['start one', 'two', 'end']);
    expect([b.row, b.col]).toEqual([2, 0]);
  });

  it('joins lines with Backspace at a line start and Delete at a line end', () => {
    const b = B.createBuffer('ab\ncd');
    const joined = B.deleteBackward(B.moveTo(b, 1, 0));
    expect(joined.lines).toEqual(['abcd']);
    expect([joined.row, joined.col]).toEqual([0, 2]);
    expect(B.deleteForward(B.moveTo(b, 0, 2)).lines).toEqual(['abcd']);
  });

  it('never splits a surrogate pair', () => {
    const b = B.createBuffer('a😀');
    expect(B.deleteBackward(b).lines).toEqual(['a']);
    expect(B.moveLeft(b).col).toBe(1);
  });

  it('round-trips any text typed or pasted (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é') }), { maxLength: 8 }), (chunks) => {
        let b = B.createBuffer('');
        for (const c of chunks) b = B.insertText(b, c);
        expect(B.bufferText(b)).toBe(chunks.join(''));
      }),
    );
  });
});

describe('the layout', () => {
  it('wraps at spaces within the width and cuts words longer than it', () => {
    expect(wrapLine('aaa bbb ccc', 6)).toEqual(['aaa ', 'bbb ', 'ccc']);
    expect(wrapLine('aaa bbb ccc', 7)).toEqual(['aaa ', 'bbb ccc']);
    expect(wrapLine('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapOffsets('', 10)).toEqual([0]);
  });

  it('every wrapped row fits the width and together they are the line (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ') , maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (line, width) => {
        const parts = wrapLine(line, width);
        expect(parts.join('')).toBe(line);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('places the cursor on the right wrapped row, and Up/Down walk rows keeping the column', () => {
    const b = B.createBuffer('one two three four\nfive');
    const atEnd = B.moveTo(b, 0, 18);
    expect(cursorPlace(atEnd, 8)).toEqual({ sub: 2, x: 4 }); // rows: "one two ", "three ", "four"
    const up = moveVertical(atEnd, -1, 8, 4);
    expect([up.row, up.col]).toEqual([0, 12]);
    const down = moveVertical(B.moveTo(b, 0, 18), 1, 8, 4);
    expect([down.row, down.col]).toEqual([1, 4]);
    expect(moveVertical(B.moveTo(b, 0, 2), -1, 8, 2).col).toBe(0);
  });

  it('scrolls the window just enough to keep the cursor in view', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const b = B.createBuffer(lines.join('\n'));
    const top = scrollTop(b, { row: 0, sub: 0 }, 10, 40);
    expect(top).toEqual({ row: 40, sub: 0 });
    expect(rowsFrom(b.lines, top, 10, 40).at(-1)!.text).toBe('line 49');
    const upTop = scrollTop(B.moveTo(b, 35, 0), top, 10, 40);
    expect(upTop).toEqual({ row: 35, sub: 0 });
    expect(rowsBack(b.lines, { row: 2, sub: 0 }, 5, 40)).toEqual({ row: 0, sub: 0 });
  });
});

describe('the editor file', () => {
  it('opens with the question as a comment that is stripped on reading', () => {
    const file = `${editorPreamble('How would you evaluate it? -->')}Offline AUC, then an A/B test.\n`;
    expect(file).toContain('How would you evaluate it?');
    expect(stripPreamble(file)).toBe('Offline AUC, then an A/B test.');
    expect(stripPreamble('# Heading\nno comment here')).toBe('# Heading\nno comment here');
  });
});

describe('wide characters', () => {
  it('take two columns when wrapping and placing the cursor', () => {
    const line = '数据和特征数据和特征'; // ten wide characters, twenty columns
    expect(wrapLine(line, 8)).toEqual(['数据和特', '征数据和', '特征']);
    expect(cursorPlace(B.createBuffer(line), 8)).toEqual({ sub: 2, x: 4 });
    const up = moveVertical(B.createBuffer(line), -1, 8, 4);
    expect([up.row, up.col]).toEqual([0, 6]);
  });

  it('every wrapped row of mixed text fits the width in columns (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '数', '😀', 'é'), maxLength: 120 }), fc.integer({ min: 2, max: 20 }), (line, width) => {
        const parts = wrapLine(line, width);
        expect(parts.join('')).toBe(line);
        for (const p of parts) expect(displayWidth(p)).toBeLessThanOrEqual(width);
      }),
    );
  });
});
