import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { bin, closeAll, runInTerminal } from './pty.js';

const root = new URL('../..', import.meta.url).pathname;
let home: string;
// The scored session the deck is made from is saved in-process (no second process to start); the drill runs in a terminal.
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-drill-'));
  const saved = await runInProcess(home, ['score', join(root, 'tests/fixtures/answers/ad-click-prediction.weak.md'), '--prompt', 'ad-click-prediction', '--save']);
  expect(saved.code, saved.stderr).toBe(0);
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

describe('mlsd drill', () => {
  // Cards created together are asked in item-id order, so the first card is the weak answer's first missed item: ab-test.
  it("asks a missed item's follow-up, rates a full answer good or better and reschedules the card", async () => {
    const t = runInTerminal(['drill', '--limit', '1'], { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' });
    await t.waitFor(/Card 1 of 1 · A\/B test/);
    await t.waitFor(/Enter on an empty line: submit/);
    // The card has one clock of its own: the box says so, and never calls it a stage.
    expect(t.output()).toMatch(/⏱ \d:\d\d left for this card/);
    expect(t.output()).not.toMatch(/stage/);
    t.line('We would run an A/B test with a control group and check statistical significance before launch.');
    t.write('\r');
    await t.waitFor(/✓ covered/);
    await t.waitFor(/rated (good|easy); next review/);
    await t.waitFor(/1 card practised/);
    expect(await t.exited).toBe(0);
    const deck = JSON.parse(readFileSync(join(home, 'drill.json'), 'utf8')) as { cards: Record<string, { itemId: string; fsrs: { reps: number; due: string } }> };
    const reviewed = Object.values(deck.cards).filter((c) => c.fsrs.reps === 1);
    expect(reviewed.map((c) => c.itemId)).toEqual(['ab-test']);
    // Good or Easy schedules the next review at least a day out.
    expect(new Date(reviewed[0]!.fsrs.due).getTime() - Date.now()).toBeGreaterThan(20 * 3600_000);
    expect(Object.keys(deck.cards).length).toBeGreaterThan(10);
  });

  it('rates an answer that misses the item "again" and keeps the card due soon', async () => {
    const t = runInTerminal(['drill', '--limit', '1'], { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' });
    await t.waitFor(/Card 1 of 1 · A\/B test/);
    // Ctrl-C ends a drill at once (progress is saved per card), and the hint says so.
    await t.waitFor(/Enter on an empty line: submit · Ctrl-C: stop/);
    t.line('I am not sure, maybe look at the dashboard.');
    t.write('\r');
    await t.waitFor(/✗ not yet/);
    await t.waitFor(/rated again; next review/);
    expect(await t.exited).toBe(0);
    const deck = JSON.parse(readFileSync(join(home, 'drill.json'), 'utf8')) as { cards: Record<string, { fsrs: { reps: number; due: string } }> };
    const card = deck.cards['ab-test']!;
    expect(card.fsrs.reps).toBe(1);
    expect(new Date(card.fsrs.due).getTime() - Date.now()).toBeLessThan(3600_000);
  });

  // Tryout 8 (F19): a card last missed in a prompt from a pack since removed was skipped, though installed prompts hold its item.
  it('asks a card whose last prompt is gone in another installed prompt, and skips only a card no prompt holds, outside --limit', async () => {
    const pack = mkdtempSync(join(tmpdir(), 'mlsd-drill-pack-'));
    const yaml = readFileSync(join(root, 'prompts/ad-click-prediction.yaml'), 'utf8').replace(/^# yaml-language-server.*\n/m, '').replace(/^id: ad-click-prediction$/m, 'id: pack-ads');
    writeFileSync(join(pack, 'pack-ads.yaml'), yaml);
    const weak = join(root, 'tests/fixtures/answers/ad-click-prediction.weak.md');
    const saved = await runInProcess(home, ['score', weak, '--prompt', 'pack-ads', '--save'], { env: { MLSD_PROMPTS_PATH: pack } });
    expect(saved.code, saved.stderr).toBe(0);
    rmSync(pack, { recursive: true, force: true });
    // The deck, as the drill made it, plus a card whose item no installed prompt holds.
    const first = runInTerminal(['drill', '--limit', '1'], { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' });
    await first.waitFor(/Card 1 of 1/);
    first.write('\x03');
    await first.exited;
    const file = join(home, 'drill.json');
    const deck = JSON.parse(readFileSync(file, 'utf8')) as { cards: Record<string, { itemId: string; prompt: string }> };
    expect(deck.cards['ab-test']!.prompt).toBe('pack-ads');
    deck.cards['no-such-item'] = { ...deck.cards['ab-test']!, itemId: 'no-such-item' };
    writeFileSync(file, JSON.stringify(deck));
    const t = runInTerminal(['drill', '--limit', '1'], { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' });
    await t.waitFor(/Card 1 of 1 · A\/B test/);
    await t.waitFor(/missed\s+in\s+pack-ads,\s+which\s+is\s+no\s+longer\s+installed/);
    expect(t.output()).toMatch(/Skipping no-such-item: its prompt pack-ads is no longer installed/);
    expect(t.output()).not.toMatch(/Skipping ab-test/);
    t.write('\x03');
    await t.exited;
  });

  it('needs a terminal', () => {
    const r = spawnSync(process.execPath, [bin, 'drill'], { env: { ...process.env, MLSD_HOME: home }, input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('needs a terminal');
  });
});
