import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { closeAll, runInTerminal } from './pty.js';

const root = new URL('../..', import.meta.url).pathname;
let home: string;
// The scored session the deck is made from is saved in-process (no second process to start); the drill runs in a terminal.
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-deck-e2e-'));
  const saved = await runInProcess(home, ['score', join(root, 'tests/fixtures/answers/ad-click-prediction.weak.md'), '--prompt', 'ad-click-prediction', '--save']);
  expect(saved.code, saved.stderr).toBe(0);
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

describe('mlsd drill with a damaged deck (issue 13.9)', () => {
  it('keeps the damaged deck under a new name, says where, and starts a new one', async () => {
    const damaged = '{ "schema": 1, "cards": { "drift": { "itemId": "drift", "fsrs": { "reps": 7 ';
    writeFileSync(join(home, 'drill.json'), damaged);
    const t = runInTerminal(['drill', '--limit', '1'], { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' });
    // On a terminal the warning is wrapped at spaces (the path stays whole).
    await t.waitFor(/corrupt JSON\);\s+it\s+was\s+kept\s+as\s+\S+drill\.json\.damaged-\S+\s+and\s+a\s+new\s+deck\s+was\s+started/);
    await t.waitFor(/Card 1 of 1/);
    // The answer box is listening once its key hint is drawn; a Ctrl-C before that would race its set-up.
    await t.waitFor(/Enter on an empty line: submit/);
    t.write('\u0003');
    expect(await t.exited).toBe(130);
    const aside = readdirSync(home).filter((n) => n.startsWith('drill.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(home, aside[0]!), 'utf8')).toBe(damaged);
    expect(JSON.parse(readFileSync(join(home, 'drill.json'), 'utf8'))).toMatchObject({ schema: 1 });
  });
});
