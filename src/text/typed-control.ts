/**
 * Removes terminal control strings from what a user types or pastes into a line question, whole, before a
 * key reader sees the keys: a key reader (node's readline) knows key sequences only, so it took the ESC of
 * "ESC ] 0;PWNED BEL" for Alt-], dropped it, and typed "0;PWNED" into the answer. Key sequences pass
 * through untouched, for the reader to act on: CSI (`ESC [` ...: arrows, Home, Delete), SS3 (`ESC O` x) and
 * ESC before one character (Alt-b, a lone Esc).
 *
 * Removed whole: the string sequences OSC, DCS, SOS, PM and APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _`,
 * or their 8-bit forms U+009D, U+0090, U+0098, U+009E, U+009F) up to BEL, ST (`ESC \` or U+009C) or the end
 * of the line (the Enter that ends it is kept, so Enter always answers); escape sequences with intermediate
 * bytes (`ESC ( B`); the 8-bit CSI (U+009B) with its parameters; any other C1 control. Works on text in
 * pieces as they arrive: a sequence split between two pieces is still removed whole. Pure state, no I/O.
 */
export class TypedControlFilter {
  private state: 'text' | 'esc' | 'string' | 'string-esc' | 'csi8' | 'intermediate' = 'text';

  /** The next piece of typed text, without control strings; an ESC at its very end is held for the next piece. */
  push(text: string): string {
    let out = '';
    for (const ch of text) out += this.step(ch);
    return out;
  }

  /** True when an ESC at the end of the last piece is held (a lone Esc key, or the start of a sequence). */
  holding(): boolean {
    return this.state === 'esc';
  }

  /** No more text came after a held ESC: it was the Esc key, given back. Other states are kept. */
  flush(): string {
    if (this.state !== 'esc') return '';
    this.state = 'text';
    return '\u001b';
  }

  private step(ch: string): string {
    const c = ch.codePointAt(0)!;
    switch (this.state) {
      case 'esc':
        if (ch === ']' || ch === 'P' || ch === 'X' || ch === '^' || ch === '_') {
          this.state = 'string';
          return '';
        }
        if (c >= 0x20 && c <= 0x2f) {
          this.state = 'intermediate';
          return '';
        }
        this.state = 'text';
        return `\u001b${this.step(ch)}`;
      case 'string':
        if (c === 0x07 || c === 0x9c) this.state = 'text';
        else if (c === 0x1b) this.state = 'string-esc';
        else if (c === 0x0d || c === 0x0a) {
          this.state = 'text';
          return ch;
        }
        return '';
      case 'string-esc':
        if (ch === '\\') {
          this.state = 'text';
          return '';
        }
        // Another escape begins: the string ended without its terminator.
        this.state = 'esc';
        return this.step(ch);
      case 'csi8':
        if (c >= 0x20 && c <= 0x3f) return '';
        this.state = 'text';
        return c >= 0x40 && c <= 0x7e ? '' : this.step(ch);
      case 'intermediate':
        if (c >= 0x20 && c <= 0x2f) return '';
        this.state = 'text';
        return c >= 0x30 && c <= 0x7e ? '' : this.step(ch);
      case 'text':
        if (c === 0x1b) {
          this.state = 'esc';
          return '';
        }
        if (c === 0x90 || c === 0x98 || c === 0x9d || c === 0x9e || c === 0x9f) {
          this.state = 'string';
          return '';
        }
        if (c === 0x9b) {
          this.state = 'csi8';
          return '';
        }
        return c >= 0x80 && c <= 0x9f ? '' : ch;
    }
  }
}
