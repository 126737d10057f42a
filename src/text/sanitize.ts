/**
 * Neutralises terminal control in text that came from outside mlsd (content files, session files,
 * answers, file names), so that printing it can never set the clipboard, retitle the window, clear
 * the screen or hide a line. Pure and linear: one pass of one regular expression whose alternatives
 * each start with a different character and never backtrack.
 *
 * Removed: escape sequences (CSI `ESC [`, and its 8-bit form U+009B; OSC `ESC ]`, DCS, SOS, PM and
 * APC strings up to their terminator, 7- or 8-bit; every other `ESC x`), the C0 controls except tab
 * and newline, DEL, the C1 controls (U+0080-U+009F), and a carriage return that does not start a CRLF
 * (CRLF becomes a newline). Used wherever content or user text reaches a terminal or a text file;
 * `mlsd validate` reports what it removed from content files.
 */

// Alternatives, in order: string sequences (OSC, DCS, SOS, PM, APC) up to BEL, ST or the end; CSI
// with its parameters; any other escape; CRLF; a lone CR; any other control character.
const CONTROL =
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// A quick test first: almost all text has no control character at all, and then nothing is copied.
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

// Select Graphic Rendition (colours, bold): what mlsd's own styling emits.
const SGR = /^\u001b\[[0-9;]*m$/;

export interface StripOptions {
  /** Keep colour and bold sequences (ESC [ ... m): for mlsd's own styled output, never for content. */
  keepStyle?: boolean;
}

/** The text without terminal control; tab and newline are kept, CRLF becomes a newline. */
export function stripControl(text: string, options: StripOptions = {}): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(CONTROL, (match) => (match === '\r\n' ? '\n' : options.keepStyle && SGR.test(match) ? match : ''));
}

/** The first control character in the text (not tab, newline or a CRLF pair), or null. */
export function findControl(text: string): { index: number; name: string } | null {
  if (!ANY_CONTROL.test(text)) return null;
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    if (m[0] === '\r\n') continue;
    CONTROL.lastIndex = 0;
    return { index: m.index, name: controlName(m[0]) };
  }
  CONTROL.lastIndex = 0;
  return null;
}

/** A readable name for a control sequence: "an escape sequence (OSC)", "BEL (U+0007)". */
export function controlName(sequence: string): string {
  const first = sequence.charCodeAt(0);
  const hex = `U+${first.toString(16).toUpperCase().padStart(4, '0')}`;
  if (first === 0x1b) {
    const kind = { ']': 'OSC', '[': 'CSI', P: 'DCS', X: 'SOS', '^': 'PM', _: 'APC' }[sequence[1] ?? ''];
    return `an escape sequence${kind ? ` (${kind})` : ''}`;
  }
  if (first === 0x0d) return 'a carriage return (U+000D) not followed by a newline';
  if (first === 0x07) return `BEL (${hex})`;
  if (first === 0x7f) return `DEL (${hex})`;
  if (first >= 0x80) return `the C1 control character ${hex}`;
  return `the control character ${hex}`;
}

/** A control sequence found in a string inside a structured value, with the path to that string. */
export interface FoundControl {
  path: Array<string | number>;
  name: string;
}

/**
 * A copy of a JSON-like value (objects, arrays, strings, numbers...) with every string stripped of
 * control; `found` lists each string that had some. Object keys are stripped too. The value itself
 * is returned unchanged (same reference) when nothing was found.
 */
export function sanitizeDeep<T>(value: T): { value: T; found: FoundControl[] } {
  const found: FoundControl[] = [];
  const walk = (v: unknown, path: Array<string | number>): unknown => {
    if (typeof v === 'string') {
      const hit = findControl(v);
      if (!hit) return v;
      found.push({ path, name: hit.name });
      return stripControl(v);
    }
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x, i) => {
        const y = walk(x, [...path, i]);
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const key = stripControl(k);
        const y = walk(x, [...path, k]);
        if (y !== x || key !== k) changed = true;
        const inKey = findControl(k);
        if (inKey) found.push({ path: [...path, k], name: `${inKey.name} in the field name` });
        out[key] = y;
      }
      return changed ? out : v;
    }
    return v;
  };
  return { value: walk(value, []) as T, found };
}
