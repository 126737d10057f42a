import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promptSchema } from '../../src/content/schema.js';
import { LiveSession, editorProblem, type LiveDeps, type LiveView, type SignalName } from '../../src/interview/live-session.js';
import { createInterview, stageAnswer, type InterviewState, type Message } from '../../src/interview/interview-machine.js';
import type { SessionRecord } from '../../src/store/session-record.js';
import type { AnswerBox, BoxClock, BoxOptions, BoxOutcome } from '../../src/ui/answer-prompt.js';
import type { EditorResult } from '../../src/ui/external-editor.js';
import { testScope } from '../helpers/rubric.js';

const prompt = promptSchema.parse({
  id: 'test-prompt',
  title: 'Test prompt',
  prompt: 'Design ad click prediction for our feed.',
  difficulty: 'medium',
  clarifications: [{ topic: 'scale', patterns: ['how many users'], answer: 'About 300 million daily active users.' }],
  outline: { clarify: ['a'], frame: ['a'], data: ['a'], model: ['a'], evaluation: ['a'], serving: ['a'], monitoring: ['a'] },
});
const interview = createInterview(prompt, testScope);

/** A box the test drives by hand. */
class FakeBox implements AnswerBox {
  notices: string[] = [];
  clocks: BoxClock[] = [];
  typed = '';
  private resolve!: (o: BoxOutcome) => void;
  readonly result = new Promise<BoxOutcome>((r) => (this.resolve = r));
  constructor(readonly options: Omit<BoxOptions, 'style'>) {
    this.typed = options.initial ?? '';
  }
  type(text: string) {
    this.typed += text;
    this.options.onChange?.(this.typed);
  }
  setClock(clock: BoxClock) {
    this.clocks.push(clock);
  }
  notice(text: string) {
    this.notices.push(text);
  }
  close() {
    this.resolve({ kind: 'closed', text: this.typed });
  }
  asked = 0;
  askQuit() {
    this.asked++;
  }
  end(kind: 'submit' | 'quit') {
    this.resolve({ kind, text: this.typed });
  }
  text() {
    return this.typed;
  }
}

interface Harness {
  session: LiveSession;
  boxes: FakeBox[];
  printed: Message[];
  notes: string[];
  saved: SessionRecord[];
  syncSaved: SessionRecord[];
  removed: string[];
  recovered: SessionRecord[];
  exits: number[];
  signal(name: SignalName): void;
  failSaves: { on: boolean };
  /** While set, saves wait for it. */
  gate: { wait: Promise<void> | null };
  editorResults: EditorResult[];
  troubles: string[];
  nextBox(): Promise<FakeBox>;
}

function harness(options: { state?: InterviewState; useEditor?: boolean; trouble?: 'retry' | 'inline' | 'empty' | null } = {}): Harness {
  const boxes: FakeBox[] = [];
  const printed: Message[] = [];
  const notes: string[] = [];
  const saved: SessionRecord[] = [];
  const syncSaved: SessionRecord[] = [];
  const removed: string[] = [];
  const recovered: SessionRecord[] = [];
  const exits: number[] = [];
  const handlers = new Map<SignalName, () => void>();
  const failSaves = { on: false };
  const gate: { wait: Promise<void> | null } = { wait: null };
  const editorResults: EditorResult[] = [];
  const troubles: string[] = [];
  const view: LiveView = {
    print: (m) => printed.push(...m),
    note: (t) => notes.push(t),
    openBox: (o) => {
      const box = new FakeBox(o);
      boxes.push(box);
      return box;
    },
    edit: async () => editorResults.shift() ?? { text: '', changed: false, elapsedMs: 50 },
    editorTrouble: async (problem) => {
      troubles.push(problem);
      return options.trouble === undefined ? 'inline' : options.trouble;
    },
    restore: () => undefined,
  };
  const deps: LiveDeps = {
    interview,
    prompt,
    clock: {
      now: () => Date.now(),
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    store: {
      save: async (r) => {
        await gate.wait;
        if (failSaves.on) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        saved.push(structuredClone(r));
      },
      saveSync: (r) => {
        if (failSaves.on) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        syncSaved.push(structuredClone(r));
      },
      removeSync: (id) => removed.push(id),
      recover: (r) => {
        recovered.push(structuredClone(r));
        return '/tmp/mlsd-recovered-x.json';
      },
      where: (id) => `/home/u/.local/share/mlsd/sessions/${id}.json`,
    },
    view,
    signals: { on: (n, fn) => handlers.set(n, fn), off: (n) => handlers.delete(n) },
    exit: (code) => exits.push(code),
    useEditor: options.useEditor ?? false,
  };
  const state = options.state ?? interview.start({ id: 's1', level: 'senior', durationMinutes: 45, now: Date.now(), createdAt: new Date().toISOString() }).state;
  const session = new LiveSession(deps, state);
  let taken = 0;
  return {
    session,
    boxes,
    printed,
    notes,
    saved,
    syncSaved,
    removed,
    recovered,
    exits,
    failSaves,
    gate,
    editorResults,
    troubles,
    signal: (name) => handlers.get(name)?.(),
    async nextBox() {
      const index = taken++;
      await vi.waitFor(() => expect(boxes.length).toBeGreaterThan(index));
      return boxes[index]!;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the live session driver', () => {
  it('saves the draft within a second of typing, through reducer events', async () => {
    const h = harness();
    const run = h.session.run();
    const clarify = await h.nextBox();
    clarify.type('How many users');
    expect(h.saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(h.saved.at(-1)!.interview!.draft).toBe('How many users');
    expect(h.saved.at(-1)!.status).toBe('active');
    clarify.end('quit');
    await run;
  });

  it('shows warnings inside the open box when they happen, and the clock keeps running while it asks to quit', async () => {
    const startedAt = Date.now();
    const h = harness({ state: interview.start({ id: 's1', level: 'senior', durationMinutes: 45, now: startedAt, createdAt: '' }).state });
    const run = h.session.run();
    const box = await h.nextBox();
    box.type('typing slowly');
    await vi.advanceTimersByTimeAsync(5 * 60_000 + 1_500);
    expect(box.notices.some((n) => /past the 5:00 budget for Clarify requirements/.test(n))).toBe(true);
    expect(h.printed.some((m) => m.kind === 'warning')).toBe(false);
    const lastClock = box.clocks.at(-1)!;
    expect(lastClock.stageLeftMs).toBeLessThan(0);
    box.end('quit');
    const end = await run;
    expect(end.kind).toBe('quit');
    expect(end.state.status).toBe('interrupted');
    expect(end.state.usedMs).toBe(Date.now() - startedAt);
    expect(end.state.usedMs).toBeGreaterThanOrEqual(5 * 60_000 + 1_500);
  });

  it('asks several pasted questions one by one', async () => {
    const h = harness();
    const run = h.session.run();
    const box = await h.nextBox();
    box.type('How many users?\nWhat is the latency budget?\n\nWhich regions?');
    box.end('submit');
    const next = await h.nextBox();
    expect(h.session.current.clarify.map((e) => e.question)).toEqual(['How many users?', 'What is the latency budget?', 'Which regions?']);
    next.end('quit');
    await run;
  });

  it('keeps running when a save fails, says so once, retries, and says when saving works again', async () => {
    const h = harness();
    const run = h.session.run();
    const box = await h.nextBox();
    h.failSaves.on = true;
    box.type('an answer typed while the disk is full');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(box.notices.filter((n) => n.includes('Not saved'))).toHaveLength(1);
    // In words, with the file and what to do (tryout 12), short enough for the box's four notice rows at 80 columns.
    expect(box.notices[0]).toContain('Not saved: no space left on the device.');
    expect(box.notices[0]).not.toContain('ENOSPC');
    expect(box.notices[0]).toMatch(/Could not write \S+\.json\. Free some disk space/);
    expect(box.notices[0]!.length).toBeLessThanOrEqual(4 * 74);
    expect(h.session.current.draft).toBe('an answer typed while the disk is full');
    h.failSaves.on = false;
    await vi.advanceTimersByTimeAsync(4_000);
    expect(box.notices.at(-1)).toContain('Saving works again');
    expect(h.saved.at(-1)!.interview!.draft).toBe('an answer typed while the disk is full');
    box.end('quit');
    await run;
  });

  it('when the last save fails, writes the answers elsewhere and prints them', async () => {
    const h = harness();
    const run = h.session.run();
    const box = await h.nextBox();
    box.type('the only copy of my answer');
    h.failSaves.on = true;
    box.end('quit');
    await run;
    expect(h.recovered).toHaveLength(1);
    const said = h.notes.join('\n');
    expect(said).toContain('Could not save the session');
    expect(said).toContain('(no space left on the device)');
    expect(said).not.toContain('ENOSPC');
    expect(said).toContain('/tmp/mlsd-recovered-x.json');
    expect(said).toContain('the only copy of my answer');
    // The unsent text is named by the stage it was typed in (tryout 11), as the submitted parts are.
    expect(said).toContain('## clarify (being typed)\nthe only copy of my answer');
  });

  it('on SIGTERM and SIGHUP saves synchronously as interrupted with the exact time used, and exits', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const h = harness();
      const startedAt = h.session.current.clockAt!;
      void h.session.run();
      const box = await h.nextBox();
      await vi.advanceTimersByTimeAsync(12_345);
      box.type('typed just before the signal');
      const signalledAt = Date.now();
      h.signal(signal);
      expect(h.exits).toEqual([code]);
      const last = h.syncSaved.at(-1)!;
      expect(last.status).toBe('interrupted');
      expect(last.interview!.draft).toBe('typed just before the signal');
      expect(last.interview!.usedMs).toBe(signalledAt - startedAt);
      expect(last.interview!.usedMs).toBeGreaterThanOrEqual(12_345);
      expect(last.interview!.clockAt).toBeNull();
    }
  });

  it('on SIGTERM when the save fails too, writes the answers elsewhere and prints them, as at the end (tryout 4)', async () => {
    const h = harness();
    void h.session.run();
    const box = await h.nextBox();
    box.type('the only copy, typed before the signal');
    h.failSaves.on = true;
    h.signal('SIGTERM');
    expect(h.exits).toEqual([143]);
    expect(h.recovered).toHaveLength(1);
    const said = h.notes.join('\n');
    expect(said).toContain('/tmp/mlsd-recovered-x.json');
    expect(said).toMatch(/copy it to .*sessions\/.*\.json to keep the session/);
    expect(said).toContain('the only copy, typed before the signal');
  });

  it('a SIGINT asks whether to quit: in the open box, or in the next one when it came between boxes', async () => {
    const h = harness();
    const run = h.session.run();
    const first = await h.nextBox();
    h.signal('SIGINT');
    expect(first.asked).toBe(1);
    let open!: () => void;
    h.gate.wait = new Promise<void>((r) => (open = r));
    first.type('How many users?');
    first.end('submit');
    await vi.waitFor(() => expect(h.session.current.clarify).toHaveLength(1));
    h.signal('SIGINT'); // after the box closed, while the answer is being saved
    open();
    const second = await h.nextBox();
    expect(second.options.confirmQuit).toBe(true);
    second.end('quit');
    expect((await run).kind).toBe('quit');
  });

  it('keeps no session in which nothing was typed', async () => {
    const h = harness();
    const run = h.session.run();
    const box = await h.nextBox();
    await vi.advanceTimersByTimeAsync(10_000);
    box.end('quit');
    await run;
    expect(h.saved).toHaveLength(0);
    expect(h.removed).toEqual(['s1']);
    expect(h.notes.join()).toContain('not kept');
  });

  it('ends the box when time is up and keeps what was typed as the answer', async () => {
    const h = harness({ state: interview.start({ id: 's1', level: 'senior', durationMinutes: 1, now: Date.now(), createdAt: '' }).state });
    const run = h.session.run();
    const box = await h.nextBox();
    box.type('my assumption: 300 million users');
    await vi.advanceTimersByTimeAsync(61_000);
    const end = await run;
    expect(end.kind).toBe('over');
    expect(end.state.status).toBe('timed-out');
    expect(stageAnswer(end.state, 'clarify')).toBe('my assumption: 300 million users');
    expect(end.state.usedMs).toBe(60_000);
  });

  it('notices an editor that returns at once, says how to fix it and lets the user answer inline', async () => {
    const start = interview.start({ id: 's1', level: 'senior', durationMinutes: 45, now: Date.now(), createdAt: '' }).state;
    const state = interview.reduce(start, { type: 'submit', text: '', now: Date.now() }).state; // past clarify
    const h = harness({ state, useEditor: true, trouble: 'inline' });
    h.editorResults.push({ text: '', changed: false, elapsedMs: 80 });
    const run = h.session.run();
    const box = await h.nextBox();
    expect(h.troubles[0]).toMatch(/did not wait for you[\s\S]*code --wait/);
    expect(box.options.mode).toBe('multi');
    expect(stageAnswer(h.session.current, 'frame')).toBeUndefined();
    box.type('We predict a click probability.');
    box.end('submit');
    const next = await h.nextBox(); // inline from now on
    expect(stageAnswer(h.session.current, 'frame')).toBe('We predict a click probability.');
    next.end('quit');
    await run;
  });
});

describe('editorProblem', () => {
  it('accepts a real edit and flags a quick unchanged return, a failure and an empty answer', () => {
    expect(editorProblem({ text: 'answer', changed: true, elapsedMs: 100 })).toBeNull();
    expect(editorProblem({ text: '', changed: false, elapsedMs: 100 })).toMatch(/did not wait/);
    expect(editorProblem({ text: 'x', changed: true, elapsedMs: 100, error: '"vim" exited with status 1' })).toMatch(/failed/);
    expect(editorProblem({ text: '  ', changed: true, elapsedMs: 60_000 })).toMatch(/empty/);
  });
});
