import * as B from './buffer.js';
import { cursorPlace, moveVertical } from './layout.js';

/**
 * What the editing keys do to the buffer, as a pure function: typing, moving (Up and Down by screen
 * rows, keeping the column the user started from), deleting. Enter, Ctrl-D and Ctrl-C belong to the
 * box, which decides about submitting and quitting.
 */

/** A keypress as Node's readline reports it. */
export interface Key {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** The buffer, and the column that Up and Down aim for (null until one of them is pressed). */
export interface EditState {
  buffer: B.TextBuffer;
  goalX: number | null;
}

/** Keys that edit or move within a line, and what they do. */
const EDIT_KEYS: Array<{ name: string; ctrl?: boolean; meta?: boolean; apply: (b: B.TextBuffer) => B.TextBuffer }> = [
  { name: 'backspace', apply: B.deleteBackward },
  { name: 'backspace', meta: true, apply: B.deleteWordBackward },
  { name: 'h', ctrl: true, apply: B.deleteBackward },
  { name: 'delete', apply: B.deleteForward },
  { name: 'left', apply: B.moveLeft },
  { name: 'right', apply: B.moveRight },
  { name: 'left', ctrl: true, apply: B.moveWordLeft },
  { name: 'right', ctrl: true, apply: B.moveWordRight },
  { name: 'left', meta: true, apply: B.moveWordLeft },
  { name: 'right', meta: true, apply: B.moveWordRight },
  { name: 'b', meta: true, apply: B.moveWordLeft },
  { name: 'f', meta: true, apply: B.moveWordRight },
  { name: 'home', apply: B.moveLineStart },
  { name: 'end', apply: B.moveLineEnd },
  { name: 'a', ctrl: true, apply: B.moveLineStart },
  { name: 'e', ctrl: true, apply: B.moveLineEnd },
  { name: 'home', ctrl: true, apply: B.moveToStart },
  { name: 'end', ctrl: true, apply: B.moveToEnd },
  { name: 'u', ctrl: true, apply: B.deleteToLineStart },
  { name: 'k', ctrl: true, apply: B.deleteToLineEnd },
  { name: 'w', ctrl: true, apply: B.deleteWordBackward },
];

/** Applies one key; keys it does not know leave the state as it was. */
export function editKey(state: EditState, ch: string | undefined, key: Key, width: number, pageRows: number): EditState {
  const name = key.name ?? '';
  if (name === 'up' || name === 'down' || name === 'pageup' || name === 'pagedown') {
    const goalX = state.goalX ?? cursorPlace(state.buffer, width).x;
    const dir = name === 'up' || name === 'pageup' ? -1 : 1;
    const steps = name === 'pageup' || name === 'pagedown' ? pageRows : 1;
    let buffer = state.buffer;
    for (let i = 0; i < steps; i++) buffer = moveVertical(buffer, dir, width, goalX);
    return { buffer, goalX };
  }
  const edit = EDIT_KEYS.find((k) => k.name === name && !!k.ctrl === !!key.ctrl && !!k.meta === !!key.meta);
  if (edit) return { buffer: edit.apply(state.buffer), goalX: null };
  if (ch && !key.ctrl && !key.meta && ch >= ' ' && ch !== '\u007f') return { buffer: B.insertText(state.buffer, ch), goalX: null };
  return state;
}
