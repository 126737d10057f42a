import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSessionRecord } from '../helpers/session-file.js';
import { runInProcess } from '../helpers/in-process.js';
import { closeAll, fixtures, runInTerminal, words, type Terminal } from './pty.js';

// A dumb terminal (TERM=dumb: Emacs's shell, `script`, a serial console) can print lines and nothing else.
// The answer box moved the cursor there with escape sequences. Now every view mlsd reads answers in is
// plain lines: not one escape byte, and nothing typed is lost.

const root = new URL('../..', import.meta.url).pathname;
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-dumb-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
// Colour is not turned off by hand here: TERM=dumb alone must do it.
const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, TERM: 'dumb' });
const noEscapes = (t: Terminal) => expect(JSON.stringify(t.raw().match(/\u001b.{0,8}/g) ?? [])).toBe('[]');
const sessionFile = () => join(home, 'sessions', readdirSync(join(home, 'sessions')).find((f) => f.endsWith('.json'))!);

describe('TERM=dumb', () => {
  it('practice reads line by line, saves every line, quits and resumes, and never writes an escape sequence', async () => {
    const t = runInTerminal(['practice', 'mini-ads', '--duration', '10', ...pack], env());
    await t.waitFor(/type your answer line by line/);
    expect(t.output()).not.toMatch(/Ctrl-W/); // the box's keys are not offered
    await t.waitFor(/Press Enter to start the clock/);
    t.write('\r');
    let at = await t.waitFor(/Ask one question per line; an empty line moves on\./);
    t.line('How many daily active users are there?');
    at = await t.waitFor(/About 300 million daily active users\./, { from: at });
    at = await t.waitFor(/Ask one question per line/, { from: at });
    t.write('\r');
    at = await t.waitFor(/Frame as an ML task \(\d+:\d\d left · stage \d+:\d\d\)\nType your answer line by line; an empty line after it submits\. Ctrl-C: quit \(asks first\)/, { from: at });
    t.line('We predict the probability of a click:');
    t.line('binary classification of user and ad pairs.');
    t.write('\r');
    at = await t.waitFor(/Type your answer line by line/, { from: at }); // the next question (a follow-up or the next stage)
    t.line('half an answer, typed and saved');
    // Each line reaches the session file within the autosave's second.
    await expect.poll(() => readFileSync(sessionFile(), 'utf8'), { timeout: 10_000 }).toContain('half an answer, typed and saved');
    t.write('\u0003'); // the terminal's own Ctrl-C: SIGINT
    at = await t.waitFor(/Quit the interview\? Type y and Enter to quit, or just Enter to keep going\./, { from: at });
    t.line('y');
    expect(await t.exited).toBe(130);
    noEscapes(t);
    const saved = readSessionRecord(sessionFile());
    expect(saved.status).toBe('interrupted');
    expect(saved.answers.sections.clarify).toContain('How many daily active users are there?');
    expect(saved.answers.sections.frame).toContain('We predict the probability of a click:\nbinary classification of user and ad pairs.');
    expect(saved.interview?.draft).toBe('half an answer, typed and saved');

    // resume shows the draft it kept, and an empty line submits it.
    const r = runInTerminal(['resume', ...pack], env());
    await r.waitFor(/Your draft so far \(1 line\), kept:\nhalf an answer, typed and saved/);
    r.write('\r');
    await r.waitFor(/Type your answer line by line[\s\S]*Type your answer line by line/);
    r.kill('SIGTERM');
    expect(await r.exited).toBe(143);
    noEscapes(r);
    const resumed = readSessionRecord(sessionFile());
    expect(JSON.stringify(resumed.answers)).toContain('half an answer, typed and saved');
  });

  // Tryout 11, 3: a pasted answer of three paragraphs was cut at its first blank line, and the rest fed to
  // the follow-ups asked after it. The terminal hands the paste over a line per read, all at once.
  it('a pasted answer keeps its paragraphs; the empty line typed after it submits it whole', async () => {
    const t = runInTerminal(['practice', 'mini-ads', '--duration', '10', ...pack], env());
    await t.waitFor(/Press Enter to start the clock/);
    t.write('\r');
    let at = await t.waitFor(/Ask one question per line; an empty line moves on\./);
    t.write('\r');
    at = await t.waitFor(/Frame as an ML task \(/, { from: at });
    t.write('Paragraph one: we predict a click.\r\rParagraph two: logistic regression first.\r\rParagraph three: then trees.\r');
    await expect.poll(() => readFileSync(sessionFile(), 'utf8'), { timeout: 10_000 }).toContain('Paragraph three: then trees.');
    t.write('\r');
    at = await t.waitFor(/Type your answer line by line/, { from: at });
    await expect.poll(() => readSessionRecord(sessionFile()).answers.sections.frame ?? '', { timeout: 10_000 }).toBe(
      'Paragraph one: we predict a click.\n\nParagraph two: logistic regression first.\n\nParagraph three: then trees.',
    );
    t.write('\u0003');
    await t.waitFor(/Quit the interview\?/, { from: at });
    t.line('y');
    expect(await t.exited).toBe(130);
    expect((readSessionRecord(sessionFile()).answers.followUps ?? []).map((f) => f.text)).not.toContainEqual(expect.stringContaining('Paragraph'));
  });

  it('drill reads its answer line by line; Ctrl-C stops it', async () => {
    const saved = await runInProcess(home, ['score', join(root, 'tests/fixtures/answers/ad-click-prediction.weak.md'), '--prompt', 'ad-click-prediction', '--save']);
    expect(saved.code, saved.stderr).toBe(0);
    const t = runInTerminal(['drill', '--limit', '2'], env());
    let at = await t.waitFor(/Card 1 of 2 · A\/B test[\s\S]*an empty line after it submits\. Ctrl-C: stop/);
    expect(t.output()).toMatch(/Your answer \(\d:\d\d left for this card\)/);
    t.line('We would run an A/B test with a control group and check statistical significance before launch.');
    t.write('\r');
    at = await t.waitFor(/rated (good|easy); next review/, { from: at });
    await t.waitFor(/Card 2 of 2[\s\S]*Ctrl-C: stop/, { from: at });
    t.write('\u0003');
    await t.waitFor(/Stopped after 1 card/);
    expect(await t.exited).toBe(130);
    noEscapes(t);
  });

  it('history delete asks its question as a plain line', async () => {
    const saved = await runInProcess(home, ['score', join(root, 'tests/fixtures/answers/ad-click-prediction.weak.md'), '--prompt', 'ad-click-prediction', '--save']);
    expect(saved.code, saved.stderr).toBe(0);
    const id = readdirSync(join(home, 'sessions'))[0]!.replace(/\.json$/, '');
    const t = runInTerminal(['history', 'delete', id], env());
    await t.waitFor(/This cannot be undone\. \(y\/N\)/);
    t.line('y');
    await t.waitFor(/Deleted session/);
    expect(await t.exited).toBe(0);
    noEscapes(t);
  });

  it('the interviewer\'s full-screen sheet and prompts new are refused with what to do instead, exit 2', async () => {
    for (const args of [['interview', 'mini-ads', ...pack], ['prompts', 'new']]) {
      const t = runInTerminal(args, env());
      await t.waitFor(words('needs a terminal that can move its cursor, and TERM=dumb says this one cannot.'));
      expect(await t.exited).toBe(2);
      noEscapes(t);
    }
  });
});
