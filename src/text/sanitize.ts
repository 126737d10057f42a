/**
 * Neutralises terminal control in text that came from outside mlsd (content files, session files,
 * answers, file names), so that printing it can never set the clipboard, retitle the window, clear
 * the screen or hide a line. Pure and linear: one pass of one regular expression whose alternatives
 * each start with a different character and never backtrack.
 *
 * Removed: escape sequences (CSI `ESC [`, and its 8-bit form U+009B; OSC `ESC ]`, DCS, SOS, PM and
 * APC strings up to their terminator, 7- or 8-bit; every other `ESC x`), the C0 controls except tab
 * and newline, DEL, the C1 controls (U+0080-U+009F), a carriage return that does not start a CRLF
 * (CRLF becomes a newline), and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069) that make text display in an order other than the one it is read in. Used wherever content or user text reaches a terminal or a text file;
 * `mlsd validate` reports what it removed from content files.
 */

// Alternatives, in order: string sequences (OSC, DCS, SOS, PM, APC) up to BEL, ST or the end; CSI
// with its parameters; any other escape; CRLF; a lone CR; any other control character.
const CONTROL =
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// A quick test first: almost all text has no control character at all, and then nothing is copied.
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

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

/**
 * Every control sequence in the text, named once each with how often it occurs (tab, newline and CRLF
 * pairs are not control here), in words for one message: "an escape sequence (OSC)", "an escape
 * sequence (CSI) ×3 and BEL (U+0007)". Null when there is none.
 */
export function describeControl(text: string): string | null {
  if (!ANY_CONTROL.test(text)) return null;
  const counts = new Map<string, number>();
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    if (m[0] === '\r\n') continue;
    const name = controlName(m[0]);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  CONTROL.lastIndex = 0;
  const names = [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name));
  if (names.length === 0) return null;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
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
  if (first >= 0x2000) return `the bidirectional control ${hex}`;
  if (first >= 0x80) return `the C1 control character ${hex}`;
  return `the control character ${hex}`;
}

// In JSON text: a raw control character, or an escape that decodes to one (\u001b, \r, \u009b, \u202e...).
const JSON_CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\\u00[0189][0-9a-fA-F]|\\u007[fF]|\\u20(?:2[a-eA-E]|6[6-9])|\\[bfr]/;

/**
 * False when JSON text certainly decodes to no control character, so `sanitizeDeep` can be skipped
 * on the parsed value (the common case: one regular-expression scan instead of a walk). May be true
 * for clean text (an escaped backslash before "r", say); then the walk decides.
 */
export function jsonMayHoldControl(text: string): boolean {
  return JSON_CONTROL.test(text);
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
  // Paths are built only for what is found: a linked list of keys costs nothing on clean values.
  type Trail = { up: Trail; key: string | number } | null;
  const pathOf = (trail: Trail): Array<string | number> => {
    const keys: Array<string | number> = [];
    for (let t = trail; t; t = t.up) keys.push(t.key);
    return keys.reverse();
  };
  const walk = (v: unknown, trail: Trail): unknown => {
    if (typeof v === 'string') {
      const hit = describeControl(v);
      if (!hit) return v;
      found.push({ path: pathOf(trail), name: hit });
      return stripControl(v);
    }
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const y = walk(v[i], { up: trail, key: i });
        if (y !== v[i]) (out ??= v.slice())[i] = y;
      }
      return out ?? v;
    }
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      let out: Record<string, unknown> | null = null;
      const entries = Object.entries(v);
      for (const [k, x] of entries) {
        const y = walk(x, { up: trail, key: k });
        const inKey = findControl(k);
        if (inKey) found.push({ path: pathOf({ up: trail, key: k }), name: `${inKey.name} in the field name` });
        if (y !== x || inKey) {
          out ??= Object.fromEntries(entries);
          if (inKey) delete out[k];
          out[inKey ? stripControl(k) : k] = y;
        }
      }
      return out ?? v;
    }
    return v;
  };
  return { value: walk(value, null) as T, found };
}
