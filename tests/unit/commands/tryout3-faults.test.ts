import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../../src/files/paths.js';
import { runInProcess as runMlsd } from '../../helpers/in-process.js';

// Faults a new user's tryout found (the third round): each test failed before its fix.

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout3-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('XDG directories', () => {
  it('ignores a relative XDG_*_HOME, as the spec says, and falls back to the default', () => {
    const paths = resolvePaths({ HOME: '/h', XDG_CONFIG_HOME: 'rel/config', XDG_DATA_HOME: 'rel/data', XDG_CACHE_HOME: './cache' }, 'linux');
    expect(paths).toMatchObject({ config: '/h/.config/mlsd', data: '/h/.local/share/mlsd', cache: '/h/.cache/mlsd' });
  });
  it('uses an absolute XDG_*_HOME', () => {
    expect(resolvePaths({ HOME: '/h', XDG_DATA_HOME: '/d' }, 'linux').data).toBe('/d/mlsd');
  });
  it('takes a relative MLSD_HOME from the current directory', () => {
    expect(resolvePaths({ MLSD_HOME: 'rel/home' }, 'linux').data).toBe(resolve('rel/home'));
  });
  it('reads a leading "~" in MLSD_HOME as the home directory, and a blank MLSD_HOME as unset (tryout 4)', () => {
    expect(resolvePaths({ HOME: '/h', MLSD_HOME: '~/x' }, 'linux').data).toBe('/h/x');
    expect(resolvePaths({ HOME: '/h', MLSD_HOME: '~' }, 'linux').data).toBe('/h');
    expect(resolvePaths({ HOME: '/h', MLSD_HOME: ' ' }, 'linux').data).toBe('/h/.local/share/mlsd');
    expect(resolvePaths({ HOME: '/h', MLSD_HOME: '~user/x' }, 'linux').data).toBe(resolve('~user/x'));
  });
});

describe('an empty or blank id is a usage error, never "the latest" or "any"', () => {
  const cases: string[][] = [
    ['review', ''],
    ['review', '--compare', '', 'm8p41aaaaaaa'],
    ['review', '--compare', 'm8p41aaaaaaa', ' '],
    ['resume', ''],
    ['history', 'delete', ' ', '--yes'],
    ['history', '--prompt', ''],
    ['practice', ''],
    ['interview', ' '],
    ['practice', '--tag', ''],
    ['score', 'x.md', '--prompt', ''],
    ['prompts', 'show', ''],
    ['rubrics', 'show', '\t'],
  ];
  it.each(cases)('mlsd %s %s …', async (...args) => {
    const r = await runMlsd(home, args);
    expect(r.stderr).toMatch(/is invalid.*Expected a (session|prompt|rubric) id|tag; it is empty/);
    expect(r.stderr).toMatch(/it is empty/);
    expect(r.code).toBe(2);
  });
});

describe('mlsd help <unknown>', () => {
  it('is the same unknown-command error as mlsd <unknown>, with the suggestion, exit 2', async () => {
    const direct = await runMlsd(home, ['histroy']);
    const viaHelp = await runMlsd(home, ['help', 'histroy']);
    expect(viaHelp.stderr).toMatch(/unknown command 'histroy'/);
    expect(viaHelp.stderr).toMatch(/Did you mean history\?/);
    expect(viaHelp.stderr).toBe(direct.stderr);
    expect(viaHelp.stdout).toBe('');
    expect(viaHelp.code).toBe(2);
    expect((await runMlsd(home, ['help', 'nope'])).code).toBe(2);
  });
  it('still shows a known command\'s help', async () => {
    const r = await runMlsd(home, ['help', 'score']);
    expect(r.stdout).toMatch(/Usage: mlsd score/);
    expect(r.code).toBe(0);
  });
});

describe('stats with nothing scored', () => {
  it('--json gives null for an average of nothing, every stage and overall alike', async () => {
    const r = await runMlsd(home, ['stats', '--json']);
    const stats = JSON.parse(r.stdout) as { averageOverall: number | null; stages: Array<{ average: number | null; count: number }> };
    expect(stats.averageOverall).toBeNull();
    expect(stats.stages).toHaveLength(7);
    for (const s of stats.stages) expect(s).toMatchObject({ average: null, count: 0 });
  });
  it('the text view says none is scored yet', async () => {
    const r = await runMlsd(home, ['stats']);
    expect(r.stdout).toMatch(/No scored sessions yet/);
    expect(r.code).toBe(0);
  });
});

describe('drill with a deck that cannot be saved', () => {
  it('warns once that progress cannot be saved and goes on, instead of stopping before the first card', async () => {
    const { deckSaver } = await import('../../../src/commands/drill.js');
    const { emptyDeck } = await import('../../../src/progress/drill.js');
    let stderr = '';
    let writes = 0;
    const io = {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      env: { NO_COLOR: '1' },
      now: () => new Date(),
      random: Math.random,
      writeFile: async () => {
        writes++;
        const error = new Error('read-only') as NodeJS.ErrnoException;
        error.code = 'EROFS';
        throw error;
      },
    };
    const saver = deckSaver(join(home, 'drill.json'), io, {});
    await saver.save(emptyDeck());
    await saver.save(emptyDeck());
    expect(stderr).toMatch(/warning: cannot write .*drill\.json: .*read-only.*; the drill goes on, but its progress cannot be saved/);
    expect(stderr.match(/warning/g)).toHaveLength(1);
    expect(writes).toBe(1);
    expect(saver.saving()).toBe(false);
  });
});

describe('score: the format of an answer whose name says nothing', () => {
  const yaml = 'clarify: |\n  How many users? What latency budget?\nmodel: |\n  We start with a logistic regression baseline, then a gradient boosted tree.\n';
  it.each(['answer', 'answer.v2', 'answer.out'])('reads %s (no or an unknown extension) as YAML when it is a stage mapping', async (name) => {
    const { writeFileSync } = await import('node:fs');
    const file = join(home, name);
    writeFileSync(file, yaml);
    const r = await runMlsd(home, ['score', file, '--prompt', 'news-feed', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { format: string };
    expect(report.format).toBe('yaml');
  });
  it('still reads a .md or .txt file as Markdown, whatever it holds', async () => {
    const { writeFileSync } = await import('node:fs');
    for (const name of ['a.md', 'a.txt']) {
      writeFileSync(join(home, name), yaml);
      const r = await runMlsd(home, ['score', join(home, name), '--prompt', 'news-feed', '--json']);
      expect((JSON.parse(r.stdout) as { format: string }).format).not.toBe('yaml');
    }
  });
  it('reads YAML through a named pipe (score <(cat a.yaml)) as YAML', async () => {
    const { execFileSync, spawn } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const fifo = join(home, 'pipe');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(join(home, 'a.yaml'), yaml);
    const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', join(home, 'a.yaml'), fifo]);
    const r = await runMlsd(home, ['score', fifo, '--prompt', 'news-feed', '--json']);
    writer.kill();
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { format: string }).format).toBe('yaml');
  });
});

describe('a prompt whose rubric file was read but rejected', () => {
  it('is told the rubric has errors (and where), not that it is unknown', async () => {
    const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const fixtures = new URL('../../fixtures/e2e/pack/prompts/', import.meta.url).pathname;
    mkdirSync(join(home, 'pack', 'prompts'), { recursive: true });
    mkdirSync(join(home, 'pack', 'rubrics'), { recursive: true });
    writeFileSync(join(home, 'pack', 'prompts', 'mini-ads.yaml'), readFileSync(join(fixtures, 'mini-ads.yaml'), 'utf8').replace('rubrics: []', 'rubrics: [r6]'));
    writeFileSync(join(home, 'pack', 'rubrics', 'r6.yaml'), 'id: r6\ntitle: R6\nitems: 3\n');
    const r = await runMlsd(home, ['prompts', 'validate', join(home, 'pack')]);
    expect(r.stdout + r.stderr).toMatch(/rubric "r6" has errors \(.*r6\.yaml\), so this prompt cannot be scored; fix the rubric first/);
    expect(r.stdout + r.stderr).not.toMatch(/unknown rubric "r6"/);
    expect(r.code).toBe(1);
  });
});

describe('prompts validate output', () => {
  const miniAds = () => new URL('../../fixtures/e2e/pack/prompts/mini-ads.yaml', import.meta.url).pathname;
  it('counts every file it looked at, and says how many could not be read', async () => {
    const { copyFileSync, execFileSync, mkdirSync, writeFileSync } = await import('node:fs').then(async (fs) => ({ ...fs, execFileSync: (await import('node:child_process')).execFileSync }));
    const dir = join(home, 'p');
    mkdirSync(join(dir, 'dir.yaml'), { recursive: true });
    copyFileSync(miniAds(), join(dir, 'mini-ads.yaml'));
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    writeFileSync(join(dir, 'big.yaml'), 'a'.repeat(1_100_000));
    const r = await runMlsd(home, ['prompts', 'validate', dir]);
    expect(r.stdout).toMatch(/4 files checked \(1 prompt, 0 rubrics, 3 could not be read\): 3 errors/);
    const json = JSON.parse((await runMlsd(home, ['prompts', 'validate', dir, '--json'])).stdout) as { unreadable: string[] };
    expect(json.unreadable).toHaveLength(3);
  });
  it.each([
    ['flow', `id: x\ntitle: ${'['.repeat(3000)}${']'.repeat(3000)}\n`],
    ['block', `id: x\nt:\n${Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i + 1)}a:\n`).join('')}`],
  ])('says a deeply nested (%s) document is nested too deeply, with its line, never an internal error', async (_kind, text) => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(home, 'deep.yaml'), text);
    const r = await runMlsd(home, ['prompts', 'validate', join(home, 'deep.yaml')]);
    expect(r.stdout).toMatch(/deep\.yaml:\d+:\d+ nested too deeply \(more than 64 levels of mappings and lists\)/);
    expect(r.stdout).not.toMatch(/call stack/i);
    expect(r.code).toBe(1);
  });
  it('says a missing field with a few allowed values is missing', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(join(home, 'mini-ads.yaml'), readFileSync(miniAds(), 'utf8').replace(/^difficulty:.*\n/m, ''));
    const r = await runMlsd(home, ['prompts', 'validate', join(home, 'mini-ads.yaml')]);
    expect(r.stdout).toMatch(/difficulty: missing required field "difficulty": expected easy, medium or hard/);
  });
});

describe('a session whose file is damaged', () => {
  it('review, resume and history delete say its file is damaged and where, not that there is no such session', async () => {
    const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const answer = new URL('../../fixtures/answers/ad-click-prediction.weak.md', import.meta.url).pathname;
    const saved = await runMlsd(home, ['score', answer, '--prompt', 'ad-click-prediction', '--save', '--json']);
    const id = (JSON.parse(saved.stdout) as { session: string }).session;
    const file = join(home, 'sessions', `${id}.json`);
    mkdirSync(join(home, 'sessions'), { recursive: true });
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200)); // cut short
    for (const args of [['review', id], ['review', id.slice(0, 6)], ['resume', id], ['history', 'delete', id, '--yes']]) {
      const r = await runMlsd(home, args);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`session "${id}" cannot be read: its file .*${id}\\.json is damaged`));
      expect(r.stderr).not.toMatch(/no session/);
      expect(r.code).toBe(2);
    }
  });
});

describe('what practice says about saving matches what it does', () => {
  it('--help and the README say a quarter of a second, the autosave delay', async () => {
    const { AUTOSAVE_DELAY_MS } = await import('../../../src/store/autosave.js');
    const { readFileSync } = await import('node:fs');
    expect(AUTOSAVE_DELAY_MS).toBe(250);
    const help = await runMlsd(home, ['practice', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('What you type is saved within a quarter of a second.');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(readme).not.toMatch(/within a second|a quarter of a second after you stop/);
    expect(readme).toContain('Paste several lines and press Enter: each is asked in turn.');
  });
});
