import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Runs the built CLI as a user would (`npm test` builds first): one or two runs of each command as a
// process. The commands' logic is tested in-process in tests/unit/commands/cli.test.ts.
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin', 'mlsd.cjs');
const fixtures = join(root, 'tests', 'fixtures', 'e2e');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-e2e-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

function mlsd(args: string[], options: { env?: Record<string, string | undefined>; input?: string } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const r = spawnSync(process.execPath, [bin, ...args], { env: env as NodeJS.ProcessEnv, input: options.input ?? '', encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mlsd basics', () => {
  it('prints the version', () => {
    const r = mlsd(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on an unknown command or option, with a suggestion', () => {
    const r = mlsd(['scor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean score?');
    expect(mlsd(['score', 'x.md', '--prompt', 'p', '--level', 'principal']).code).toBe(2);
  });
});

describe('help for nested commands (the built CLI)', () => {
  it('"prompts help list" and "help prompts list" are "prompts list --help"; an unknown subcommand exits 2', () => {
    const flag = mlsd(['prompts', 'list', '--help']);
    expect(flag.stdout).toMatch(/^Usage: mlsd prompts list /);
    for (const argv of [['prompts', 'help', 'list'], ['help', 'prompts', 'list']]) expect(mlsd(argv)).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
    for (const argv of [['help', 'prompts', 'nosuch'], ['prompts', 'nosuch'], ['history', 'nosuch']]) {
      const r = mlsd(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: unknown command 'nosuch' for 'mlsd (prompts|history)'/);
    }
  });
});

describe('validate counts each distinct file once (the built CLI)', () => {
  it('a folder and a file in it (named twice) are one file; the subfolder it does not read is named', () => {
    const dir = join(home, 'p');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(join(fixtures, 'pack', 'prompts', 'mini-ads.yaml'), join(dir, 'mini-ads.yaml'));
    copyFileSync(join(fixtures, 'pack', 'prompts', 'mini-ads.yaml'), join(dir, 'sub', 'mini-ads.yaml'));
    const r = mlsd(['prompts', 'validate', dir, join(dir, 'mini-ads.yaml'), join(dir, 'sub', '..', 'mini-ads.yaml')]);
    expect(r.stdout).toBe(`1 file checked (1 prompt, 0 rubrics): 0 errors, 0 warnings\nNot read: ${join(dir, 'sub')}/. mlsd reads the .yaml files directly inside a folder, never its subfolders; name a subfolder to check it.\n`);
    expect(r.code).toBe(0);
  });
});

describe('mlsd prompts and rubrics', () => {
  it('lists the built-in prompts, as text and JSON', () => {
    const text = mlsd(['prompts', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('ad-click-prediction');
    expect(text.stdout).toContain('video-recommendation');
    const json = JSON.parse(mlsd(['prompts', 'list', '--json']).stdout) as Array<{ id: string; origin: string }>;
    expect(json.map((p) => p.id)).toEqual(expect.arrayContaining(['ad-click-prediction', 'video-recommendation']));
    expect(json.every((p) => p.origin === 'built-in')).toBe(true);
  });

  it('reports every problem of a broken file with file:line:col and exits 1', () => {
    const r = mlsd(['prompts', 'validate', join(fixtures, 'broken-pack', 'prompts')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.yaml:4:13 difficulty: expected easy, medium or hard/);
    expect(r.stdout).toMatch(/broken\.yaml:9:5 clarifications\[0\]: unknown field "answr" \(did you mean "answer"\?\)/);
    expect(r.stdout).toMatch(/outline\.frame: missing required field "frame"/);
    const json = JSON.parse(mlsd(['prompts', 'validate', '--json', join(fixtures, 'broken-pack', 'prompts')]).stdout) as { ok: boolean; errors: unknown[] };
    expect(json.ok).toBe(false);
    expect(json.errors.length).toBeGreaterThanOrEqual(3);
  });

  it('prints the JSON Schema of a content file', () => {
    const r = mlsd(['schema', 'rubric']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe('mlsd rubric');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'items', 'redFlags']));
    expect(mlsd(['schema', 'answer']).code).toBe(2);
  });

});

describe('mlsd score', () => {
  it('prints a report for a Markdown answer, with the section mapping', () => {
    const r = mlsd(['score', join(fixtures, 'answer.md'), '--prompt', 'ad-click-prediction']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Overall\s+\d+\/100/);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('"Metrics" → evaluation');
    expect(flat).toContain('"Feature engineering" → data');
    expect(flat).toContain('"Prediction service" → serving');
    expect(r.stdout).toContain('✓ ');
    expect(r.stdout).toContain('Verdict');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('scores a YAML answer and reads stdin with -', () => {
    const yaml = mlsd(['score', join(fixtures, 'answer.yaml'), '--prompt', 'ad-click-prediction', '--json']);
    expect(yaml.code).toBe(0);
    expect((JSON.parse(yaml.stdout) as { format: string }).format).toBe('yaml');
    const piped = mlsd(['score', '-', '--prompt', 'video-recommendation', '--json'], { input: readFileSync(join(fixtures, 'answer.md'), 'utf8') });
    expect(piped.code).toBe(0);
    expect((JSON.parse(piped.stdout) as { prompt: string }).prompt).toBe('video-recommendation');
  });

  it('saves the scored answer with --save', () => {
    const r = mlsd(['score', join(fixtures, 'answer.md'), '--prompt', 'ad-click-prediction', '--save', '--json']);
    expect(r.code).toBe(0);
    const id = (JSON.parse(r.stdout) as { session: string }).session;
    expect(r.stderr).toContain(`saved session ${id}`);
    const files = readdirSync(join(home, 'sessions'));
    expect(files).toEqual([`${id}.json`]);
    const record = JSON.parse(readFileSync(join(home, 'sessions', files[0]!), 'utf8')) as { schema: number; prompt: string; report: { overall: number }; answers: { sections: Record<string, string> } };
    expect(record).toMatchObject({ schema: 2, prompt: 'ad-click-prediction' });
    expect(record.answers.sections.model).toContain('logistic regression');
    expect(record.report.overall).toBe((JSON.parse(r.stdout) as { overall: number }).overall);
  });

  it('respects NO_COLOR, FORCE_COLOR and --no-color', () => {
    const args = ['score', join(fixtures, 'answer.md'), '--prompt', 'ad-click-prediction'];
    expect(mlsd(args, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(mlsd(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
    expect(mlsd([...args, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });
});
