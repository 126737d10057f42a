import type { Mark, PeerSheet, PeerSheetState, SheetEvent, SheetItem, SheetRedFlag } from '../interview/peer-sheet.js';
import { STAGE_IDS, type StageId } from '../stages.js';

/**
 * What the interviewer's keys do, as a pure function: a key and the view go in; the next view, the
 * sheet events to apply and what the command must do (start, pause, quit, end) come out.
 */

/** A key as the terminal reports it (Node's keypress shape, trimmed). */
export interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  sequence?: string;
}

export type InputPurpose = 'fact' | 'note' | 'flag-note' | 'wrong-note';

/** What the screen shows besides the sheet itself. */
export interface SheetView {
  mode: 'briefing' | 'sheet' | 'input' | 'confirm-end' | 'paused';
  /** The clock has started: the briefing is being looked at again, not read before the start. */
  started: boolean;
  cursor: Partial<Record<StageId, number>>;
  input: { purpose: InputPurpose; text: string; target?: string } | null;
  /** The last fact looked up, shown until the next key. */
  fact: { question: string; answer: string } | null;
  /** The last warning or notice, shown until replaced. */
  message: { kind: 'warning' | 'info'; text: string } | null;
  briefingScroll: number;
  outlineOpen: boolean;
  /** Inside a bracketed paste: pasted text never runs the sheet's keys, and Enter in it is a space. */
  pasting?: boolean;
}

export type Effect = 'none' | 'start' | 'pause' | 'resume' | 'quit' | 'end';

export interface KeyResult {
  view: SheetView;
  events: SheetEvent[];
  effect: Effect;
}

/** The rows of a stage's sheet, in the order the cursor moves through them. */
export type Row = { kind: 'item'; item: SheetItem } | { kind: 'flag'; flag: SheetRedFlag };

export function sheetRows(sheet: PeerSheet, state: PeerSheetState, stage: StageId = state.stage): Row[] {
  return [...sheet.items(stage, state.level).map((item) => ({ kind: 'item' as const, item })), ...sheet.flags(stage).map((flag) => ({ kind: 'flag' as const, flag }))];
}

/** A row's lasting name, as the sheet keeps the pointer (`item:<id>`, `flag:<id>`): indexes shift when rubrics change. */
export function rowId(row: Row): string {
  return row.kind === 'item' ? `item:${row.item.id}` : `flag:${row.flag.id}`;
}

/** The pointer's row in the stage on screen, by name (null: no rows). */
export function pointerRow(view: SheetView, sheet: PeerSheet, state: PeerSheetState): string | null {
  const rows = sheetRows(sheet, state);
  const row = rows[Math.min(view.cursor[state.stage] ?? 0, Math.max(0, rows.length - 1))];
  return row ? rowId(row) : null;
}

/** The cursor of each stage where the sheet's saved pointer was (a row no longer on the sheet: the first). */
export function cursorFromPointer(sheet: PeerSheet, state: PeerSheetState): SheetView['cursor'] {
  const cursor: SheetView['cursor'] = {};
  for (const [stage, id] of Object.entries(state.pointer ?? {}) as Array<[StageId, string]>) {
    const index = sheetRows(sheet, state, stage).findIndex((row) => rowId(row) === id);
    if (index > 0) cursor[stage] = index;
  }
  return cursor;
}

export function initialView(started: boolean): SheetView {
  return { mode: started ? 'sheet' : 'briefing', started, cursor: {}, input: null, fact: null, message: null, briefingScroll: 0, outlineOpen: false };
}

const MARK_KEYS: Record<string, Mark> = { c: 'covered', p: 'prompted', w: 'wrong' };
const INPUT_MAX = 300;

/** Before the clock starts (`state` null) only the briefing's keys work. */
export function handleKey(view: SheetView, pressed: Key, sheet: PeerSheet, state: PeerSheetState | null, now: number): KeyResult {
  let key = pressed;
  const none = (v: SheetView = view, events: SheetEvent[] = [], effect: Effect = 'none'): KeyResult => ({ view: v, events, effect });
  const name = key.name ?? '';
  const ctrlC = key.ctrl && name === 'c';
  if (name === 'paste-start' || name === 'paste-end') return none({ ...view, pasting: name === 'paste-start' });
  if (view.pasting && !ctrlC) {
    if (view.mode !== 'input' || !view.input) return none();
    if (name === 'return' || name === 'enter') key = { name: 'space', sequence: ' ' };
  }

  if (view.mode === 'paused') {
    if (ctrlC || name === 'q') return none(view, [], 'quit');
    // Carry on where the pause came: a half-typed note or question is still there.
    return none({ ...view, mode: view.input ? 'input' : 'sheet' }, [], 'resume');
  }
  if (ctrlC) {
    // Ctrl-C never loses anything: before the clock starts there is nothing to lose; after, it pauses.
    if (!view.started) return none(view, [], 'quit');
    return none({ ...view, mode: 'paused', input: view.mode === 'input' ? view.input : null, fact: null }, [], 'pause');
  }

  if (view.mode === 'briefing') {
    if (name === 'up' || name === 'k') return none({ ...view, briefingScroll: Math.max(0, view.briefingScroll - 1) });
    if (name === 'down' || name === 'j') return none({ ...view, briefingScroll: view.briefingScroll + 1 });
    if (name === 'pageup') return none({ ...view, briefingScroll: Math.max(0, view.briefingScroll - 10) });
    if (name === 'pagedown' || name === 'space') return none({ ...view, briefingScroll: view.briefingScroll + 10 });
    if (name === 'o') return none({ ...view, outlineOpen: !view.outlineOpen });
    if (name === 'return' || name === 'enter' || (view.started && (name === 'escape' || name === 'b'))) {
      return none({ ...view, mode: 'sheet', started: true }, [], view.started ? 'none' : 'start');
    }
    if (!view.started && name === 'q') return none(view, [], 'quit');
    return none();
  }

  if (!state) return none();
  if (view.mode === 'input' && view.input) return inputKey(view, view.input, key, state, now);

  if (view.mode === 'confirm-end') {
    if (name === 'y') return none({ ...view, mode: 'sheet' }, [{ type: 'finish', now }], 'end');
    return none({ ...view, mode: 'sheet' });
  }

  // The sheet. Any key puts a looked-up fact away.
  const v: SheetView = { ...view, fact: null };
  const rows = sheetRows(sheet, state);
  const cursor = Math.min(view.cursor[state.stage] ?? 0, Math.max(0, rows.length - 1));
  const row = rows[cursor];
  const at = (c: number): SheetView => ({ ...v, cursor: { ...v.cursor, [state.stage]: Math.max(0, Math.min(rows.length - 1, c)) } });

  if (name === 'up' || name === 'k') return none(at(cursor - 1));
  if (name === 'down' || name === 'j') return none(at(cursor + 1));
  if (name === 'home') return none(at(0));
  if (name === 'end') return none(at(rows.length - 1));
  if (name === 'right' || name === 'tab' || name === 'l' || key.sequence === ']') {
    if (state.stage === STAGE_IDS.at(-1)) return none({ ...v, message: { kind: 'info', text: 'This is the last stage: e ends the interview and shows the report.' } });
    return none(v, [{ type: 'next', now }]);
  }
  if (name === 'left' || name === 'h' || key.sequence === '[') return none(v, [{ type: 'prev', now }]);
  const digit = key.sequence && /^[1-7]$/.test(key.sequence) ? Number(key.sequence) : 0;
  if (digit) return none(v, [{ type: 'goto', stage: STAGE_IDS[digit - 1]!, now }]);

  if (row && MARK_KEYS[name]) {
    const mark = MARK_KEYS[name];
    if (row.kind === 'flag') {
      if (mark !== 'wrong') return none({ ...v, message: { kind: 'info', text: 'c and p mark checklist items; w marks a red flag as heard.' } });
      if (state.flags[row.flag.id]) return none(v, [{ type: 'unflag', flag: row.flag.id, now }]);
      return none({ ...v, mode: 'input', input: { purpose: 'flag-note', text: '', target: row.flag.id } });
    }
    const current = state.marks[row.item.id]?.mark;
    // Pressing the mark an item already has takes it off again.
    if (current === mark) return none(v, [{ type: 'clear', item: row.item.id, now }]);
    if (mark === 'wrong') return none({ ...v, mode: 'input', input: { purpose: 'wrong-note', text: '', target: row.item.id } });
    return none(v, [{ type: 'mark', item: row.item.id, mark, now }]);
  }
  if (row && (name === 'space' || name === 'backspace' || name === 'delete' || name === 'u' || name === 'x')) {
    if (row.kind === 'item') return none(v, state.marks[row.item.id] ? [{ type: 'clear', item: row.item.id, now }] : []);
    return none(v, state.flags[row.flag.id] ? [{ type: 'unflag', flag: row.flag.id, now }] : []);
  }
  if (name === 'n') return none({ ...v, mode: 'input', input: { purpose: 'note', text: state.notes[state.stage] ?? '' } });
  if (name === 'f' || key.sequence === '?') return none({ ...v, mode: 'input', input: { purpose: 'fact', text: '' } });
  if (name === 'b') return none({ ...v, mode: 'briefing', briefingScroll: 0 });
  if (name === 'e') return none({ ...v, mode: 'confirm-end' });
  return none(v);
}

function inputKey(view: SheetView, input: NonNullable<SheetView['input']>, key: Key, state: PeerSheetState, now: number): KeyResult {
  const name = key.name ?? '';
  const back: SheetView = { ...view, mode: 'sheet', input: null };
  if (name === 'escape') return { view: back, events: [], effect: 'none' };
  if (name === 'return' || name === 'enter') {
    const text = input.text.trim();
    switch (input.purpose) {
      case 'fact':
        return { view: back, events: text ? [{ type: 'fact', question: text, now }] : [], effect: 'none' };
      case 'note':
        return { view: back, events: [{ type: 'note', stage: state.stage, text, now }], effect: 'none' };
      case 'flag-note':
        return { view: back, events: [{ type: 'flag', flag: input.target!, now, ...(text ? { note: text } : {}) }], effect: 'none' };
      case 'wrong-note':
        return { view: back, events: [{ type: 'mark', item: input.target!, mark: 'wrong', now, ...(text ? { note: text } : {}) }], effect: 'none' };
    }
  }
  if (name === 'backspace') return { view: { ...view, input: { ...input, text: [...input.text].slice(0, -1).join('') } }, events: [], effect: 'none' };
  if (key.ctrl && name === 'u') return { view: { ...view, input: { ...input, text: '' } }, events: [], effect: 'none' };
  if (key.ctrl && name === 'w') return { view: { ...view, input: { ...input, text: input.text.replace(/\S+\s*$/, '') } }, events: [], effect: 'none' };
  const typed = key.ctrl || key.meta ? '' : printable(key.sequence ?? '');
  if (!typed) return { view, events: [], effect: 'none' };
  return { view: { ...view, input: { ...input, text: (input.text + typed).slice(0, INPUT_MAX) } }, events: [], effect: 'none' };
}

// eslint-disable-next-line no-control-regex
const NOT_PRINTABLE = /[\u0000-\u001f\u007f-\u009f]/g;

function printable(sequence: string): string {
  if (sequence.startsWith('\u001b')) return '';
  return sequence.replace(/[\r\n\t]/g, ' ').replace(NOT_PRINTABLE, '');
}
