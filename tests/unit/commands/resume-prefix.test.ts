import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rubricsFor } from '../../../src/content/catalog.js';
import { createInterview } from '../../../src/interview/interview-machine.js';
import { compileRubrics } from '../../../src/scoring/compile.js';
import type { SessionRecord } from '../../../src/store/session-record.js';
import { saveSession } from '../../../src/store/session-files.js';
import { builtinCatalog, scoreBuiltin } from '../../helpers/builtin.js';
import { runInProcess as runMlsd } from '../../helpers/in-process.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-resume-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const T = '2026-01-01T10:00:00.000Z';

/** An interrupted practice session with a half-typed draft, as the reducer saves it. */
function interrupted(id: string): SessionRecord {
  const prompt = builtinCatalog.prompts.get('ad-click-prediction')!.value;
  const interview = createInterview(prompt, compileRubrics(rubricsFor(builtinCatalog, prompt)));
  let state = interview.start({ id, level: 'senior', durationMinutes: 45, now: 0, createdAt: T }).state;
  for (const event of [{ type: 'draft', text: 'How many users?' }, { type: 'interrupt', now: 3000 }] as const) state = interview.reduce(state, event).state;
  return { id, kind: 'practice', createdAt: T, updatedAt: T, prompt: prompt.id, level: 'senior', status: state.status, answers: interview.answerSet(state), interview: state };
}

function finished(id: string): SessionRecord {
  const text = '## Model\nWe start with a logistic regression baseline.';
  return { id, kind: 'score', createdAt: T, updatedAt: T, prompt: 'ad-click-prediction', level: 'senior', status: 'finished', answers: { sections: { model: text } }, report: scoreBuiltin('ad-click-prediction', text) };
}

describe('mlsd resume <prefix>', () => {
  it('picks the one resumable session a prefix names, though finished sessions share it', async () => {
    const dir = join(home, 'sessions');
    await saveSession(dir, finished('m8p41aaaaaaa'));
    await saveSession(dir, interrupted('m8p41bbbbbbb'));
    await saveSession(dir, finished('m8p41ccccccc'));
    // Without a terminal, resume stops at its terminal check: it got past choosing the session.
    const r = await runMlsd(home, ['resume', 'm8p4']);
    expect(r.stderr).not.toMatch(/matches several sessions/);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(r.code).toBe(2);
  });

  it('still names every match when a prefix fits several resumable sessions', async () => {
    const dir = join(home, 'sessions');
    await saveSession(dir, interrupted('m8p41bbbbbbb'));
    await saveSession(dir, interrupted('m8p41ddddddd'));
    const r = await runMlsd(home, ['resume', 'm8p4']);
    expect(r.stderr).toMatch(/matches several sessions: .*m8p41bbbbbbb.*m8p41ddddddd|matches several sessions: .*m8p41ddddddd.*m8p41bbbbbbb/);
  });

  it('says a finished session cannot be resumed', async () => {
    await saveSession(join(home, 'sessions'), finished('m8p41aaaaaaa'));
    const r = await runMlsd(home, ['resume', 'm8p41a']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is finished and cannot be resumed/);
  });
});

describe('mlsd review of an interrupted practice session', () => {
  it('shows what was typed but not submitted, in text and Markdown', async () => {
    await saveSession(join(home, 'sessions'), interrupted('m8p41bbbbbbb'));
    const text = await runMlsd(home, ['review', 'm8p41bbbbbbb']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/typed but not submitted when the session stopped[\s\S]*│ How many users\?/);
    const md = await runMlsd(home, ['review', 'm8p41bbbbbbb', '--format', 'md']);
    expect(md.stdout).toMatch(/_Typed but not submitted when the session stopped:_\n\n> How many users\?/);
  });
});
