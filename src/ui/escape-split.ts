/**
 * Esc pressed just before a control key. Node's keypress decoder (readline's emitKeypressEvents) waits
 * half a second after an Esc for the rest of an escape sequence; a control key typed in that time comes
 * as one key, "\u001b" + the key, read as Alt plus that key: Esc then Ctrl-C arrives as a nameless key
 * with `meta` set, and the Ctrl-C is lost (tryout 5: the interview sheet's Ctrl-C stopped quitting).
 * A terminal sends Alt-Ctrl-<key> the same way, and nothing in mlsd uses Alt with a control key, so
 * such a key is taken as what was typed: Esc, then the control key.
 */

/** A key in Node's keypress shape (name, sequence, modifiers). */
export interface PressedKey {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** A keypress event: the character Node passes (undefined for most named keys) and the key. */
export interface Keypress {
  ch: string | undefined;
  key: PressedKey | undefined;
}

const ESC = '\u001b';

/**
 * The keys one keypress event stands for: Esc followed by a control character (C0 other than Esc, or
 * DEL) as two keys, Escape and the control key as Node names it alone (Ctrl-<letter>, return, enter,
 * tab, backspace); any other event as it is. Pure.
 */
export function splitEscapedControl(ch: string | undefined, key: PressedKey | undefined): Keypress[] {
  const sequence = key?.sequence;
  if (sequence === undefined || sequence.length !== 2 || sequence[0] !== ESC) return [{ ch, key }];
  const control = sequence[1]!;
  const code = control.charCodeAt(0);
  if (!((code < 0x20 && code !== 0x1b) || code === 0x7f)) return [{ ch, key }];
  return [
    { ch: undefined, key: { name: 'escape', sequence: ESC, ctrl: false, meta: false, shift: false } },
    { ch: control, key: controlKey(control) },
  ];
}

/** A control character as Node's decoder names it when it comes alone. */
function controlKey(control: string): PressedKey {
  const plain = (name: string): PressedKey => ({ name, sequence: control, ctrl: false, meta: false, shift: false });
  if (control === '\r') return plain('return');
  if (control === '\n') return plain('enter');
  if (control === '\t') return plain('tab');
  if (control === '\b' || control === '\u007f') return plain('backspace');
  return { name: String.fromCharCode(control.charCodeAt(0) + 96), sequence: control, ctrl: true, meta: false, shift: false };
}
