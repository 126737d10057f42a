import { beforeAll, describe, expect, it } from 'vitest';
import { promptSchema } from '../../src/content/schema.js';
import { stageBudgets } from '../../src/interview/budgets.js';
import { createPeerSheet, type PeerSheetState, type SheetEvent } from '../../src/interview/peer-sheet.js';
import { clean } from '../../src/ui/peer-clean.js';
import { handleKey, initialView, type Key, type SheetView } from '../../src/ui/peer-keys.js';
import { clip, renderScreen, type Briefing } from '../../src/ui/peer-view.js';
import { createStyle, loadChalk, type Style } from '../../src/ui/style.js';
import { visibleLength } from '../../src/ui/wrap.js';
import { testScope } from '../helpers/rubric.js';

const prompt = promptSchema.parse({
  id: 'test-prompt',
  title: 'Test \u001b[31mprompt\u001b[0m',
  prompt: 'Design ad click prediction for our feed.\u0007',
  difficulty: 'medium',
  clarifications: [{ topic: 'scale', patterns: ['how many users', 'daily active users'], answer: 'About 300 million daily active users.' }],
  outline: { clarify: ['Ask the goal'], frame: ['a'], data: ['a'], model: ['a'], evaluation: ['a'], serving: ['a'], monitoring: ['a'] },
});
const sheet = createPeerSheet(prompt, testScope);
const briefing: Briefing = { title: prompt.title, prompt: prompt.prompt, outline: prompt.outline, facts: sheet.facts, level: 'senior', candidate: 'Sam', durationMs: 45 * 60_000, budgets: stageBudgets(45) };
const plain = createStyle(0);
let colour: Style;
beforeAll(async () => {
  await loadChalk();
  colour = createStyle(1);
});

/** Presses keys one after another, applying the sheet events they produce, as the command does. */
function press(keys: Array<string | Key>, start: { state: PeerSheetState | null; view: SheetView }) {
  let { state, view } = start;
  const effects: string[] = [];
  let now = 1_000;
  for (const k of keys) {
    const key: Key = typeof k === 'string' ? (k.length === 1 ? { name: k.toLowerCase(), sequence: k } : { name: k }) : k;
    now += 1_000;
    const result = handleKey(view, key, sheet, state, now);
    view = result.view;
    if (result.effect !== 'none') effects.push(result.effect);
    if (result.effect === 'start') state = sheet.start({ id: 'p1', level: 'senior', durationMinutes: 45, candidate: 'Sam', now, createdAt: '2026-01-01T00:00:00.000Z' }).state;
    for (const e of result.events as SheetEvent[]) {
      const step = sheet.reduce(state!, e);
      state = step.state;
      for (const m of step.messages) if (m.kind === 'fact') view = { ...view, fact: { question: e.type === 'fact' ? e.question : '', answer: m.text } };
    }
  }
  return { state, view, effects };
}

const type = (text: string): Key[] => [...text].map((c) => ({ name: c === ' ' ? 'space' : c.toLowerCase(), sequence: c }));

function screen(state: PeerSheetState | null, view: SheetView, width = 80, height = 24, style: Style = plain) {
  return renderScreen(state, view, { sheet, briefing, style, width, height });
}

describe('the keys of the sheet', () => {
  it('starts from the briefing, marks, undoes, notes, flags and looks up facts', () => {
    const { state, view, effects } = press(
      [
        'return',
        'c', // business-objective covered
        'down', 'p', // scale after prompting
        'p', // the same mark again takes it off
        'w', ...type('said DAU only'), 'return',
        'n', ...type('clear questions'), 'return',
        'f', ...type('how many users'), 'return',
        '3', 'w', ...type('random'), 'escape', // a wrong-note cancelled marks nothing
        'right', // model
        'end', 'w', 'return', // the last row is a red flag: heard, without a note
      ],
      { state: null, view: initialView(false) },
    );
    expect(effects).toEqual(['start']);
    expect(state!.marks['business-objective']!.mark).toBe('covered');
    expect(state!.marks.scale).toMatchObject({ mark: 'wrong', note: 'said DAU only' });
    expect(state!.marks.labels).toBeUndefined();
    expect(state!.notes.clarify).toBe('clear questions');
    expect(state!.facts[0]!.topic).toBe('scale');
    expect(state!.stage).toBe('model');
    // The stage's own flag (no-baseline) comes first, the anywhere flag last (tryout 12).
    expect(Object.keys(state!.flags)).toEqual(['accuracy-only']);
    expect(view.mode).toBe('sheet');
    expect(view.fact).toBeNull();
  });

  it('shows the fact to read out until the next key', () => {
    const started = press(['return'], { state: null, view: initialView(false) });
    const typing = press(['f', ...type('how many users')], started);
    expect(screen(typing.state, typing.view).at(-1)).toBe('→ scale: About 300 million daily active users.');
    const { state, view } = press(['f', ...type('how many users'), 'return'], started);
    const text = screen(state, view).join('\n');
    expect(text).toContain('Read out: About 300 million daily active users.');
    const after = press(['down'], { state, view });
    expect(screen(after.state, after.view).join('\n')).not.toContain('Read out:');
  });

  it('Ctrl-C quits from the briefing but pauses the interview; then q quits and another key carries on', () => {
    const ctrlC: Key = { name: 'c', ctrl: true };
    expect(press([ctrlC], { state: null, view: initialView(false) }).effects).toEqual(['quit']);
    const started = press(['return'], { state: null, view: initialView(false) });
    const paused = press([ctrlC], started);
    expect(paused.effects).toEqual(['pause']);
    expect(paused.view.mode).toBe('paused');
    expect(press(['x'], paused).effects).toEqual(['resume']);
    expect(press(['q'], paused).effects).toEqual(['quit']);
    expect(press([ctrlC], paused).effects).toEqual(['quit']);
    // A pause in the middle of a note keeps what was typed.
    const typing = press(['n', ...type('half a'), ctrlC, 'x', ...type(' note'), 'return'], started);
    expect(typing.effects).toEqual(['pause', 'resume']);
    expect(typing.state!.notes.clarify).toBe('half a note');
  });

  it('never takes pasted text for keys; in a text field a pasted newline is a space', () => {
    const started = press(['return'], { state: null, view: initialView(false) });
    const pasted = press(['paste-start', ...type('cpw3e'), 'return', 'paste-end'], started);
    expect(pasted.state!.marks).toEqual({});
    expect(pasted.state!.stage).toBe('clarify');
    expect(pasted.view.mode).toBe('sheet');
    const typed = press(['f', 'paste-start', ...type('how many'), 'return', ...type('users'), 'paste-end'], started);
    expect(typed.view.input).toEqual({ purpose: 'fact', text: 'how many users' });
    const asked = press(['return'], typed);
    expect(asked.state!.facts.map((f) => f.question)).toEqual(['how many users']);
  });

  it('asks before ending, and ends only on y', () => {
    const started = press(['return'], { state: null, view: initialView(false) });
    expect(press(['e', 'n'], started).effects).toEqual([]);
    const ended = press(['e', 'y'], started);
    expect(ended.effects).toEqual(['end']);
    expect(ended.state!.status).toBe('finished');
  });
});

describe('the screen', () => {
  const busy = press(['return', 'c', 'down', 'p', 'down', 'w', ...type('x'.repeat(200)), 'return', 'n', ...type('note '.repeat(40)), 'return', '3', 'c'], { state: null, view: initialView(false) });

  it('fits 80x24 (and smaller) in every mode, with colour or without', () => {
    const views: SheetView[] = [
      initialView(false),
      { ...initialView(false), outlineOpen: true, briefingScroll: 100 },
      busy.view,
      { ...busy.view, mode: 'input', input: { purpose: 'fact', text: 'y'.repeat(300) } },
      { ...busy.view, mode: 'paused' },
      { ...busy.view, mode: 'confirm-end' },
      { ...busy.view, message: { kind: 'warning', text: 'w'.repeat(200) } },
    ];
    for (const [w, h] of [[80, 24], [60, 16], [120, 40]] as const) {
      for (const style of [plain, colour]) {
        for (const view of views) {
          const lines = screen(view.mode === 'briefing' ? null : busy.state, view, w, h, style);
          expect(lines.length).toBeLessThanOrEqual(h);
          for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(w);
        }
      }
    }
  });

  it('keeps marks readable without colour: symbols and words', () => {
    const clarify = { ...busy.state!, stage: 'clarify' as const };
    const text = screen(clarify, busy.view).join('\n');
    expect(text).toMatch(/✓ business-objective\s+covered/);
    expect(text).toMatch(/½ scale\s+after prompting/);
    expect(text).toContain('Note: note note');
    expect(text).not.toContain('\u001b');
  });

  it('lists the follow-ups of the open items, heaviest first, and the red flags to listen for', () => {
    const started = press(['return', '4'], { state: null, view: initialView(false) });
    const text = screen(started.state, started.view).join('\n');
    expect(text).toContain('Ask next');
    expect(text.indexOf('follow-up baseline?')).toBeLessThan(text.indexOf('follow-up model-choice?'));
    expect(text).toMatch(/△ Deep model with no baseline\s+minor/);
    const marked = press(['c'], started);
    expect(screen(marked.state, marked.view).join('\n')).not.toContain('follow-up baseline?');
  });

  it('strips escape sequences and control characters from content', () => {
    const text = screen(null, initialView(false), 80, 24, colour).join('\n');
    expect(text).toContain('Test prompt');
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('\u001b[31m');
    expect(clean('a\u001b]0;title\u0007b\u009b2Jc\td')).toBe('abc d');
  });

  it('clips a styled line without cutting an escape sequence', () => {
    const line = `${colour.red('abcdef')}ghij`;
    const cut = clip(line, 5);
    expect(visibleLength(cut)).toBe(5);
    expect(cut.startsWith('\u001b[31mabcd')).toBe(true);
  });
});
