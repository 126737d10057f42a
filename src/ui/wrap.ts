/** Word-wraps text to a width, indenting every line; long words are left whole. */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of words) {
    if (!empty && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

// Terminal escape sequences take no columns.
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)));
}

/** A horizontal bar for a 0-100 value. */
export function bar(value: number, width: number): { filled: string; empty: string } {
  const n = Math.max(0, Math.min(width, Math.round((value / 100) * width)));
  return { filled: '█'.repeat(n), empty: '░'.repeat(width - n) };
}
