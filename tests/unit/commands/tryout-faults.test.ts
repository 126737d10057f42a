import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root } from '../../helpers/cli.js';
import { runInProcess } from '../../helpers/in-process.js';
import { main } from '../../../src/cli.js';
import type { Io } from '../../../src/commands/command-io.js';

// Faults a new-user tryout found (the cli helper's list), each run in-process through the Io seam.
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));
const mlsd = (args: string[], input?: string) => runInProcess(home, args, { input });

const PLAIN = 'We optimise click-through while keeping advertisers happy.\nLabels come from impression logs joined with clicks.\n';

describe('review shows an answer that is not split into stages (tryout 1)', () => {
  it('a plain-text answer from stdin appears in the text review, and no stage claims "(not answered)"', async () => {
    expect((await mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--save'], PLAIN)).code).toBe(0);
    const review = await mlsd(['review', 'last']);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toContain('Answer not split into stages');
    expect(review.stdout).toContain('impression logs joined with clicks');
    expect(review.stdout).not.toContain('(not answered)');
  });

  it('the Markdown review quotes the intro under a document title', async () => {
    writeFileSync(join(home, 'a.md'), '# My design\n\nAn intro paragraph about serving latency budgets.\n\n## Evaluation\n\nAUC and log loss offline.\n');
    expect((await mlsd(['score', join(home, 'a.md'), '--prompt', 'ad-click-prediction', '--save'])).code).toBe(0);
    const review = await mlsd(['review', 'last', '--format', 'md']);
    expect(review.code, review.stderr).toBe(0);
    // The answer was split (an Evaluation section): the intro is the part outside the sections (tryout 5).
    expect(review.stdout).toContain('## Outside the stage sections');
    expect(review.stdout).toMatch(/^> An intro paragraph about serving latency budgets\.$/m);
    expect(review.stdout).toMatch(/^> AUC and log loss offline\.$/m);
  });
});

describe('a prompt naming an unknown rubric is really skipped (tryout 2)', () => {
  const badPrompt = () => {
    const dir = join(home, 'prompts');
    mkdirSync(dir);
    const text = readFileSync(join(root, 'prompts', 'ad-click-prediction.yaml'), 'utf8').replace(/^id: .*$/m, 'id: norubric').replace(/^rubrics: .*$/m, 'rubrics: [nope-rubric]');
    writeFileSync(join(dir, 'norubric.yaml'), text);
    return dir;
  };

  it('prompts list warns and leaves it out; score refuses it with exit 2; validate still reports it', async () => {
    const dir = badPrompt();
    const list = await mlsd(['--prompts-dir', dir, 'prompts', 'list']);
    expect(list.code).toBe(0);
    expect(list.stderr).toContain('skipped');
    expect(list.stderr).toContain('unknown rubric "nope-rubric"');
    expect(list.stdout).not.toMatch(/^norubric\b/m);
    const score = await mlsd(['--prompts-dir', dir, 'score', '-', '--prompt', 'norubric'], PLAIN);
    expect(score.code).toBe(2);
    expect(score.stdout).toBe('');
    const validate = await mlsd(['--prompts-dir', dir, 'prompts', 'validate', join(dir, 'norubric.yaml')]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('unknown rubric "nope-rubric"');
  });
});

describe('prompts new --out names the file after the id (tryout 3)', () => {
  it('a kebab-case .yaml name is the id; any other name is refused with the name to use', async () => {
    const { idFromOutFile } = await import('../../../src/commands/new.js');
    expect(idFromOutFile('/x/card-fraud.yaml')).toEqual({ id: 'card-fraud' });
    expect(idFromOutFile('rubrics/spam.yml')).toEqual({ id: 'spam' });
    expect(idFromOutFile('/x/My Prompt.yaml')).toEqual({ problem: expect.stringContaining('try --out /x/my-prompt.yaml') as unknown });
    expect(idFromOutFile('/x/notes.txt')).toEqual({ problem: expect.stringContaining('end in .yaml') as unknown });
  });

  it('refuses a bad --out name before asking anything (exit 2), even without a terminal', async () => {
    const r = await mlsd(['prompts', 'new', '--out', join(home, 'My Prompt.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file name is the id');
    expect(r.stderr).toContain('my-prompt.yaml');
    expect(r.stdout).toBe('');
  });
});

describe('files written for the user (tryout 4)', () => {
  const twoSessions = async () => {
    const ids: string[] = [];
    for (const text of [PLAIN, `${PLAIN}We would calibrate with isotonic regression.\n`]) {
      const r = await mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--save', '--json'], text);
      ids.push((JSON.parse(r.stdout) as { session: string }).session);
    }
    return ids as [string, string];
  };

  it('review --out is created 0666 less the umask, like any file the user shares; the session stays private', async () => {
    const [, after] = await twoSessions();
    const out = join(home, 'r.md');
    expect((await mlsd(['review', 'last', '--out', out])).code).toBe(0);
    const umask = process.umask();
    expect(statSync(out).mode & 0o777).toBe(0o666 & ~umask);
    expect(statSync(join(home, 'sessions', `${after}.json`)).mode & 0o777).toBe(0o600);
  });

  it('review --compare --out cmp.md writes Markdown (a heading and a table)', async () => {
    const [before, after] = await twoSessions();
    const out = join(home, 'cmp.md');
    expect((await mlsd(['review', '--compare', before, after, '--out', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(new RegExp(`^# Compare ${before} `));
    expect(text).toContain('| **Overall** |');
    expect(text).toMatch(/^## Gained \(\d+\)$/m);
    expect(statSync(out).mode & 0o777).toBe(0o666 & ~process.umask());
  });
});

describe('error messages in words (tryout 5)', () => {
  it('score --save when "sessions" is a regular file says a file is in the way, not "it already exists"', async () => {
    writeFileSync(join(home, 'sessions'), 'not a directory');
    const r = await mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--save'], PLAIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(home, 'sessions')} is a file, not a directory`);
    expect(r.stderr).not.toContain('already exists');
  });

  it('prompts validate of a file that is not there: "no such file", exit 2', async () => {
    const r = await mlsd(['prompts', 'validate', join(home, 'nonexist.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nonexist.yaml: no such file or directory');
    expect(r.stderr + r.stdout).not.toContain('ENOENT');
  });

  it('a missing or mistyped field is said in YAML words, not zod words', async () => {
    const file = join(home, 'p.yaml');
    const text = readFileSync(join(root, 'prompts', 'ad-click-prediction.yaml'), 'utf8').replace(/^id: .*$/m, 'id: p');
    writeFileSync(file, text.replace(/^outline:/m, 'not_outline:').replace(/^tags: .*$/m, 'tags: ads'));
    const r = await mlsd(['prompts', 'validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('missing required field "outline": expected a mapping of fields (key: value lines)');
    expect(r.stdout).toContain('tags: expected a list of tags'); // the schema's own words are kept
    expect(r.stdout).not.toMatch(/Invalid input|received undefined/);
  });

  it('every escape sequence in a field is named, not only the first', async () => {
    const file = join(home, 'p.yaml');
    const text = readFileSync(join(root, 'prompts', 'ad-click-prediction.yaml'), 'utf8').replace(/^id: .*$/m, 'id: p');
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: "A\\e]0;x\\aB\\e[2JC\\aD"'));
    const r = await mlsd(['prompts', 'validate', file]);
    expect(r.stdout).toMatch(/title: contains an escape sequence \(OSC\), an escape sequence \(CSI\) and BEL \(U\+0007\)/);
  });
});

describe('an answers file on standard input (tryout 6)', () => {
  it('YAML with a typo in a stage key is the same clear error as from a .yaml file (exit 2), with how to read it as prose', async () => {
    const yaml = 'clarify: we ask who clicks and how often\nmodle: gradient boosted trees on user and ad features\n';
    const piped = await mlsd(['score', '-', '--prompt', 'ad-click-prediction'], yaml);
    expect(piped.code).toBe(2);
    expect(piped.stdout).toBe('');
    expect(piped.stderr).toContain('unknown stage "modle"');
    expect(piped.stderr).toContain('--format md');
    writeFileSync(join(home, 'a.yaml'), yaml);
    const named = await mlsd(['score', join(home, 'a.yaml'), '--prompt', 'ad-click-prediction']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('unknown stage "modle"');
  });

  it('prose with a colon on standard input is still read as Markdown', async () => {
    const r = await mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--json'], 'Goal: more clicks.\n\nWe would log impressions and clicks, then train a model.\n');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { format: string }).format).not.toBe('yaml');
  });
});

describe('cosmetic faults (tryout 7)', () => {
  it('a stage with no section that still earns points says "no section", never a score beside "not answered"', async () => {
    writeFileSync(join(home, 'a.md'), '## Clarify requirements\n\nWe optimise click-through. Offline we evaluate with AUC and log loss, then run an A/B test online. Labels come from impression logs joined with clicks; features include user history and ad category.\n');
    const r = await mlsd(['score', join(home, 'a.md'), '--prompt', 'ad-click-prediction']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/\s[1-9]\d* not answered/);
    expect(r.stdout).toMatch(/^ {2}Evaluation\s+[█░]+\s+[1-9]\d* no section$/m);
    expect(r.stdout).toMatch(/^Evaluation {2}[1-9]\d*\/100 {2}no section of its own · \d+% of its checklist$/m);
  });
});

describe('long error lines on a terminal (tryout 7)', () => {
  const run = async (args: string[], stderrTTY: boolean) => {
    let stderr = '';
    const io: Io = {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (text: string) => (stderr += text), isTTY: stderrTTY, columns: 50 },
      env: { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' },
      now: () => new Date(),
      random: Math.random,
    };
    return { code: await main(args, io), stderr };
  };

  it('practice --tag nope lists the tags wrapped at spaces to the terminal, no word cut', async () => {
    const r = await run(['practice', '--tag', 'nope'], true);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    // Every tag is whole on one line.
    expect(r.stderr).toMatch(/(^|\s)representation-learning,/m);
    expect(r.stderr).toMatch(/(^|\s)trust-and-safety/m);
  });

  it('in a pipe the message stays one line', async () => {
    const r = await run(['practice', '--tag', 'nope'], false);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('review re-wraps an answer once (tryout 7)', () => {
  it('joins the hard line breaks inside a paragraph, keeps list items and blank lines', async () => {
    const { joinParagraphLines } = await import('../../../src/ui/wrap.js');
    expect(joinParagraphLines('We log impressions\nand clicks.\n\n- one\n  more\n- two\n## Model\nGBDT')).toEqual([
      'We log impressions and clicks.',
      '',
      '- one more',
      '- two',
      '## Model',
      'GBDT',
    ]);
    expect(joinParagraphLines('```\na\nb\n```')).toEqual(['```', 'a', 'b', '```']);
  });

  it('a paragraph typed with short hard-wrapped lines reviews as full lines, not ragged ones', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const hardWrapped = `## Data and features\n\n${words.map((w, i) => (i % 5 === 4 ? `${w}\n` : `${w} `)).join('')}`;
    writeFileSync(join(home, 'a.md'), hardWrapped);
    expect((await mlsd(['score', join(home, 'a.md'), '--prompt', 'ad-click-prediction', '--save'])).code).toBe(0);
    const review = await mlsd(['review', 'last']);
    const boxed = review.stdout.split('\n').filter((l) => l.startsWith('  │ word'));
    // 40 words of 5 or 6 characters fill 80 columns in about four lines, not eight short ones.
    expect(boxed.length).toBeLessThanOrEqual(5);
    expect(boxed.join(' ').replace(/ {2}│ /g, '').split(/\s+/)).toEqual(words);
  });
});

describe('review keeps the line breaks typed in the practice box (tryout 7, second session)', () => {
  const lines = ['Users: 100M daily', 'Latency: 100 ms p99', 'Goal: watch time, not clicks'];
  const record = (kind: 'practice' | 'score') => ({
    id: 'm8qaetrekb2s',
    kind,
    createdAt: '2026-11-30T10:00:00.000Z',
    updatedAt: '2026-11-30T10:30:00.000Z',
    prompt: 'video-recommendation',
    level: 'senior' as const,
    status: 'finished' as const,
    answers: { sections: { clarify: lines.join('\n') } },
  });
  const boxed = async (kind: 'practice' | 'score') => {
    const { renderSessionText } = await import('../../../src/ui/session-view.js');
    const { PLAIN_STYLE } = await import('../../../src/ui/style.js');
    return renderSessionText(record(kind), null, null, PLAIN_STYLE, 80).filter((l) => l.startsWith('  │ '));
  };

  it('a practice answer shows each line as typed: the box wraps by itself, so every break is the candidate\'s', async () => {
    expect(await boxed('practice')).toEqual(lines.map((l) => `  │ ${l}`));
  });

  it('a scored file still joins the lines of a paragraph (an editor\'s hard wrap)', async () => {
    expect(await boxed('score')).toEqual([`  │ ${lines.join(' ')}`]);
  });

  it('a nested list keeps its nesting, and a wrapped item hangs under its text', async () => {
    const { renderSessionText } = await import('../../../src/ui/session-view.js');
    const { PLAIN_STYLE } = await import('../../../src/ui/style.js');
    const nested = '- Features\n  - velocity counts per card over the last hour and the last day\n    1. amount\n- Labels';
    const r = { ...record('score'), answers: { sections: { data: nested } } };
    expect(renderSessionText(r, null, null, PLAIN_STYLE, 40).filter((l) => l.startsWith('  │ '))).toEqual([
      '  │ - Features',
      '  │   - velocity counts per card over',
      '  │     the last hour and the last day',
      '  │     1. amount',
      '  │ - Labels',
    ]);
  });
});

describe('a prompt whose rubric has an error is skipped too (tryout 2)', () => {
  it('the rubric is warned about, the prompt is not listed or scored, and validate names both', async () => {
    const prompts = join(home, 'p');
    const rubrics = join(home, 'r');
    mkdirSync(prompts);
    mkdirSync(rubrics);
    const rubric = readFileSync(join(root, 'rubrics', 'ad-click-prediction.yaml'), 'utf8').replace(/^id: .*$/m, 'id: adx').replace(/unlessItems: \[[^\]]*\]/, 'unlessItems: [nope-item]');
    expect(rubric).toContain('nope-item');
    writeFileSync(join(rubrics, 'adx.yaml'), rubric);
    writeFileSync(join(prompts, 'pad.yaml'), readFileSync(join(root, 'prompts', 'ad-click-prediction.yaml'), 'utf8').replace(/^id: .*$/m, 'id: pad').replace(/^rubrics: .*$/m, 'rubrics: [adx]'));
    const dirs = ['--prompts-dir', prompts, '--rubrics-dir', rubrics];
    const list = await mlsd([...dirs, 'prompts', 'list']);
    expect(list.stderr).toContain('unknown item "nope-item"');
    expect(list.stdout).not.toMatch(/^pad\b/m);
    expect((await mlsd([...dirs, 'score', '-', '--prompt', 'pad'], PLAIN)).code).toBe(2);
    const validate = await mlsd([...dirs, 'prompts', 'validate', prompts]);
    expect(validate.stdout).toContain('rubric "adx" has errors');
    // rubrics list still shows the rubric (its author looks for it) but says no prompt uses it.
    const rubricsList = await mlsd([...dirs, 'rubrics', 'list']);
    expect(rubricsList.stdout).toMatch(/^adx\b.*has errors, so unused/m);
    expect(rubricsList.stdout).toMatch(/^ad-click-prediction\b.*used by ad-click-prediction/m);
    const listed = JSON.parse((await mlsd([...dirs, 'rubrics', 'list', '--json'])).stdout) as { id: string; errors: boolean }[];
    expect(listed.find((r) => r.id === 'adx')?.errors).toBe(true);
    expect(listed.find((r) => r.id === 'framework')?.errors).toBe(false);
  });
});

describe('a loop of symbolic links among content files is skipped and named, with the cache on (tryout 3)', () => {
  it('prompts list and score go on, and warn about the looping file, whether it is in a pack or the home', async () => {
    const pack = join(home, 'pack');
    mkdirSync(join(pack, 'prompts'), { recursive: true });
    symlinkSync('b.yaml', join(pack, 'prompts', 'a.yaml'));
    symlinkSync('a.yaml', join(pack, 'prompts', 'b.yaml'));
    mkdirSync(join(home, 'rubrics'));
    symlinkSync('loop.yaml', join(home, 'rubrics', 'loop.yaml'));
    const env = { MLSD_PROMPTS_PATH: pack };
    for (let run = 0; run < 2; run++) {
      const list = await runInProcess(home, ['prompts', 'list'], { env });
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toMatch(/^ad-click-prediction\b/m);
      expect(list.stderr).toMatch(/a\.yaml.*loop of symbolic links/);
      expect(list.stderr).toMatch(/loop\.yaml.*loop of symbolic links/);
    }
    const score = await runInProcess(home, ['score', '-', '--prompt', 'ad-click-prediction'], { env, input: PLAIN });
    expect(score.code, score.stderr).toBe(0);
    expect(score.stdout).toMatch(/Overall/);
  });
});
