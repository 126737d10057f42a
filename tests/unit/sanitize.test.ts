import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findControl, jsonMayHoldControl, sanitizeDeep, stripControl } from '../../src/text/sanitize.js';

const ESC = '\u001b';

describe('stripControl', () => {
  it('removes the sequences a hostile file uses: clipboard, title, clear screen, alternate screen', () => {
    expect(stripControl(`a${ESC}]52;c;cm0gLXJmIH4=${ESC}\\b`)).toBe('ab'); // OSC 52 with ST
    expect(stripControl(`a${ESC}]0;pwned\u0007b`)).toBe('ab'); // OSC 0 with BEL
    expect(stripControl(`a${ESC}[2J${ESC}[H${ESC}[?1049hb`)).toBe('ab'); // CSI
    expect(stripControl(`a${ESC}Pq#0;2;0;0;0${ESC}\\b`)).toBe('ab'); // DCS (sixel)
    expect(stripControl(`a${ESC}_x${ESC}\\b${ESC}^y${ESC}\\c${ESC}Xz${ESC}\\d`)).toBe('abcd'); // APC, PM, SOS
    expect(stripControl(`a${ESC}cb${ESC}(0c${ESC}7d`)).toBe('abcd'); // reset, charset, save cursor
    expect(stripControl(`a${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\b`)).toBe('alinkb'); // hyperlink
  });

  it('removes 8-bit C1 sequences and lone C1 characters', () => {
    expect(stripControl('a\u009b2Jb')).toBe('ab');
    expect(stripControl('a\u009d0;title\u009cb')).toBe('ab');
    expect(stripControl('a\u0085b\u0080c')).toBe('abc');
  });

  it('removes C0 controls and DEL but keeps tab and newline; CRLF becomes a newline, a lone CR goes', () => {
    expect(stripControl('a\u0007b\u0000c\u0008d\u007fe')).toBe('abcde');
    expect(stripControl('one\ttwo\nthree')).toBe('one\ttwo\nthree');
    expect(stripControl('one\r\ntwo')).toBe('one\ntwo');
    expect(stripControl('safe text\rrm -rf ~')).toBe('safe textrm -rf ~');
  });

  it('removes bidirectional overrides and isolates, which reorder what is shown, but keeps joiners', () => {
    expect(stripControl('safe\u202eevil\u202c text\u2066x\u2069')).toBe('safeevil textx');
    expect(findControl('a\u202eb')).toEqual({ index: 1, name: 'the bidirectional control U+202E' });
    expect(stripControl('👩\u200d💻 עברית')).toBe('👩\u200d💻 עברית');
  });

  it('swallows an unterminated string sequence to the end, as a terminal would', () => {
    expect(stripControl(`title${ESC}]0;rest of it`)).toBe('title');
  });

  it('keeps colour only when asked, and only colour', () => {
    const styled = `${ESC}[1mbold${ESC}[22m`;
    expect(stripControl(styled)).toBe('bold');
    expect(stripControl(`${styled}${ESC}[2J${ESC}]0;x\u0007`, { keepStyle: true })).toBe(styled);
  });

  it('leaves ordinary text alone, Unicode included', () => {
    const text = 'Résumé “quoted” — 日本語 ✓ 🟡';
    expect(stripControl(text)).toBe(text);
  });

  it('never leaves a control character behind, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(ESC, '\u009b', '\u009d', '\u0007', '\r', '\n', '\\', '[', ']', 'P', ';', 'm', '2', 'x'), fc.string()), { maxLength: 60 }), (parts) => {
        const out = stripControl(parts.join(''));
        expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(out)).toBe(false);
        expect(stripControl(out)).toBe(out);
      }),
    );
  });
});

describe('findControl', () => {
  it('names the first control sequence and where it is', () => {
    expect(findControl('plain')).toBeNull();
    expect(findControl('a\r\nb')).toBeNull();
    expect(findControl(`abc${ESC}]52;c;x\u0007`)).toEqual({ index: 3, name: 'an escape sequence (OSC)' });
    expect(findControl('ab\u0007')).toEqual({ index: 2, name: 'BEL (U+0007)' });
    expect(findControl('x\ry')?.name).toContain('carriage return');
  });
});

describe('sanitizeDeep', () => {
  it('strips every string of a value and says where each was', () => {
    const value = { title: `T${ESC}]0;x\u0007`, items: [{ label: 'ok' }, { label: `L${ESC}[2J` }], n: 3, [`k${ESC}[1m`]: 'v' };
    const { value: clean, found } = sanitizeDeep(value);
    expect(clean).toEqual({ title: 'T', items: [{ label: 'ok' }, { label: 'L' }], n: 3, k: 'v' });
    expect(found.map((f) => f.path)).toEqual([['title'], ['items', 1, 'label'], [`k${ESC}[1m`]]);
  });

  it('returns the same object when there is nothing to strip', () => {
    const value = { a: ['x', { b: 'y' }] };
    expect(sanitizeDeep(value).value).toBe(value);
  });
});

describe('jsonMayHoldControl', () => {
  it('is true for every JSON text that decodes to a control character', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('\u001b[2J', '\r', '\u0085', '\u202e', '\u007f', '\b', '\f')), { maxLength: 5 }), (parts) => {
        const text = JSON.stringify({ parts });
        const dirty = sanitizeDeep(JSON.parse(text) as unknown).found.length > 0;
        if (dirty) expect(jsonMayHoldControl(text)).toBe(true);
      }),
    );
    expect(jsonMayHoldControl(JSON.stringify({ a: 'plain\ttext\nwith “quotes” and \\ backslashes' }))).toBe(false);
    expect(jsonMayHoldControl('{"a":"\\u001b[2J"}')).toBe(true);
  });
});

describe('the report view', () => {
  it('shows evidence typed or pasted with escape sequences without them', async () => {
    const { renderReport } = await import('../../src/ui/report.js');
    const { createStyle, loadChalk } = await import('../../src/ui/style.js');
    await loadChalk();
    const { score } = await import('../helpers/rubric.js');
    const report = score({ sections: { model: 'We start with a simple baseline\u001b]0;pwned\u0007\u001b[2J first, then a logistic regression.' } });
    expect(JSON.stringify(report)).toContain('\\u001b]0;pwned');
    const lines = renderReport(report, createStyle(1), { width: 80 });
    const text = lines.join('\n');
    expect(text).toContain('simple baseline first');
    expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
