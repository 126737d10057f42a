import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 14.1: commands compute and hand data to a view in src/ui/; colour and layout live only there.
const commands = join(new URL('../..', import.meta.url).pathname, 'src', 'commands');
const sources = readdirSync(commands, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(commands, f), 'utf8') }));

/** Every line of a source matching `pattern`, as "file:line: text", so a failure names the place. */
function offending(pattern: RegExp): string[] {
  return sources.flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
}

describe('no styling or layout in src/commands', () => {
  it('scans the command sources', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.some((s) => s.file === 'review.ts')).toBe(true);
  });

  it('no Style method is called or passed on (style.dim(...), x.map(style.cyan), stderrStyle(io).yellow(...))', () => {
    expect(offending(/\.(bold|dim|red|green|yellow|cyan|magenta)\b/)).toEqual([]);
  });

  it('no colour is made here: no createStyle, colorLevel, chalk, or escape sequence', () => {
    expect(offending(/\bcreateStyle\b|\bcolorLevel\b|['"]chalk['"]|\\u001b|\\x1b|\\033/)).toEqual([]);
  });

  it('no layout here: no wrap, padEnd, fitWidth or bar from ui/wrap', () => {
    expect(offending(/from '\.\.\/ui\/wrap\.js'/)).toEqual([]);
  });

  it('the scan would catch a style call (the pattern is not vacuous)', () => {
    const pattern = /\.(bold|dim|red|green|yellow|cyan|magenta)\b/;
    expect(pattern.test("io.stdout.write(style.dim('x'))")).toBe(true);
    expect(pattern.test('lines.map(style.cyan)')).toBe(true);
    expect(pattern.test("stderrStyle(io, options).yellow('warning')")).toBe(true);
  });
});
