import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/commands/command-io.js';
import { checkKebab, WEIGHT_QUESTION } from '../../src/commands/new.js';
import { splitPoints } from '../../src/content/scaffold.js';
import { rubricItemSchema } from '../../src/content/schema.js';
import { openAnswerBox } from '../../src/ui/answer-prompt.js';
import { PLAIN_STYLE } from '../../src/ui/style.js';
import { mockTerminal } from '../helpers/box-terminal.js';

// Issue 14.10, small faults: each one checked where it lives.
const home = mkdtempSync(join(tmpdir(), 'mlsd-small-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' },
    now: () => new Date('2026-03-01T12:00:00Z'),
    random: Math.random,
  };
  return { code: await main(argv, io, async () => ''), ...out };
}

describe('prompts new', () => {
  it('splits outline points on ";" only, so a point keeps its commas', () => {
    expect(splitPoints('Ask the goal, then the scale; Predict clicks')).toEqual(['Ask the goal, then the scale', 'Predict clicks']);
  });

  it('suggests the kebab-case form of an id with spaces or capitals', () => {
    expect(checkKebab('Spam Filter')).toBe('use kebab-case (lowercase letters, digits and dashes): try spam-filter');
    expect(checkKebab('spam-filter')).toBe(true);
  });

  it('asks for weights over the range the schema allows (1..10)', () => {
    expect(WEIGHT_QUESTION.message).toContain('1 nice to have .. 10 must have');
    const item = { id: 'x', stage: 'data', label: 'X', phrases: ['x'], why: 'w', hint: 'h', followUp: 'f?' };
    expect(rubricItemSchema.safeParse({ ...item, weight: WEIGHT_QUESTION.max }).success).toBe(true);
    expect(rubricItemSchema.safeParse({ ...item, weight: WEIGHT_QUESTION.max + 1 }).success).toBe(false);
    expect(rubricItemSchema.safeParse({ ...item, weight: WEIGHT_QUESTION.min }).success).toBe(true);
  });
});

describe('prompts show --json', () => {
  it("has no interviewer's answers and no outline without --full", async () => {
    const r = await run(['prompts', 'show', 'ad-click-prediction', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const shown = JSON.parse(r.stdout) as Record<string, unknown> & { clarifications: Array<Record<string, unknown>> };
    expect(shown).not.toHaveProperty('outline');
    expect(shown.clarifications.length).toBeGreaterThan(0);
    for (const c of shown.clarifications) expect(c).not.toHaveProperty('answer');
    const full = JSON.parse((await run(['prompts', 'show', 'ad-click-prediction', '--json', '--full'])).stdout) as { outline: unknown; clarifications: Array<{ answer: string }> };
    expect(full.outline).toBeDefined();
    expect(full.clarifications[0]!.answer.length).toBeGreaterThan(0);
  });
});

describe('the CLI surface', () => {
  it('score --bogus names the unknown option, not --prompt', async () => {
    const r = await run(['score', 'x.md', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(r.stderr).not.toContain('--prompt');
  });

  it('prompts frob says unknown command', async () => {
    const r = await run(['prompts', 'frob']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: unknown command 'frob'");
  });

  it('the help footer lists exit code 130', async () => {
    const r = await run(['--help']);
    expect(r.stdout).toMatch(/Exit codes: 0 ok, 1 check failed, 2 usage or input error,\s+130 interrupted/);
  });
});

describe('plurals', () => {
  it('the answer box summary says "1 more line"', async () => {
    const t = mockTerminal(80, 24);
    const box = openAnswerBox(t.terminal, { label: 'Data', mode: 'multi', style: PLAIN_STYLE, clock: { leftMs: 60_000, stageLeftMs: 60_000 } });
    await t.type('\u001b[200~one\ntwo\nthree\nfour\u001b[201~');
    await t.type('\u0004');
    await box.result;
    const screen = (await t.allRows()).join('\n');
    expect(screen).toContain('│ … 1 more line');
    expect(screen).not.toContain('line(s)');
  });

  it('rubrics list says "1 item, 1 red flag" where there is one', async () => {
    const r = await run(['rubrics', 'list']);
    expect(r.stdout).not.toMatch(/\b1 items\b|\b1 red flags\b/);
    expect(r.stdout).toMatch(/\d+ items, \d+ red flags?/);
  });
});
