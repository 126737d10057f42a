import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/in-process.js';

// The commands' logic, run in-process through the Io seam; tests/e2e/cli.test.ts keeps a few spawned runs of the built CLI.
const root = new URL('../../..', import.meta.url).pathname;
const fixtures = join(root, 'tests', 'fixtures', 'e2e');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-commands-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

/** mlsd in this process (tests/helpers/in-process.ts), colour left to the environment as a user's shell would. */
function mlsd(args: string[], options: { env?: Record<string, string | undefined>; input?: string } = {}) {
  return runInProcess(home, args, { ...options, env: { NO_COLOR: undefined, ...options.env } });
}

describe('mlsd basics', () => {
  it('prints the version', async () => {
    const r = await mlsd(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('shows help with no command, and for every command', async () => {
    const r = await mlsd([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: mlsd');
    expect(r.stdout).toMatch(/Exit codes: 0 ok, 1 check failed, 2 usage or input error,\s+130 interrupted/);
    for (const command of ['score', 'practice', 'resume', 'schema', 'prompts', 'rubrics', 'prompts list', 'prompts show', 'prompts validate', 'rubrics list', 'rubrics show', 'rubrics validate']) {
      const help = await mlsd([...command.split(' '), '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`Usage: mlsd ${command}`);
    }
  });

  it('exits 2 on an unknown command or option, with a suggestion', async () => {
    const r = await mlsd(['scor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean score?');
    expect((await mlsd(['score', 'x.md', '--prompt', 'p', '--level', 'principal'])).code).toBe(2);
  });
});

describe('mlsd prompts and rubrics', () => {
  it('lists the built-in prompts, as text and JSON', async () => {
    const text = await mlsd(['prompts', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('ad-click-prediction');
    expect(text.stdout).toContain('video-recommendation');
    const json = JSON.parse((await mlsd(['prompts', 'list', '--json'])).stdout) as Array<{ id: string; origin: string }>;
    expect(json.map((p) => p.id)).toEqual(expect.arrayContaining(['ad-click-prediction', 'video-recommendation']));
    expect(json.every((p) => p.origin === 'built-in')).toBe(true);
  });

  it('shows a prompt, and suggests the id when it is misspelt', async () => {
    const r = await mlsd(['prompts', 'show', 'ad-click-prediction']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Clarifications the interviewer can answer');
    const typo = await mlsd(['prompts', 'show', 'ad-click-predction']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean "ad-click-prediction"?');
  });

  it('lists and shows rubrics', async () => {
    expect((await mlsd(['rubrics', 'list'])).stdout).toContain('framework');
    const shown = JSON.parse((await mlsd(['rubrics', 'show', 'framework', '--json'])).stdout) as { items: Array<{ id: string }> };
    expect(shown.items.map((i) => i.id)).toEqual(expect.arrayContaining(['baseline', 'drift', 'ab-test']));
  });

  it('keeps a long label apart from its item id in rubrics show', async () => {
    const r = await mlsd(['rubrics', 'show', 'rag-support-assistant']);
    const rubric = JSON.parse((await mlsd(['rubrics', 'show', 'rag-support-assistant', '--json'])).stdout) as { items: Array<{ id: string }> };
    for (const { id } of rubric.items) expect(r.stdout).toMatch(new RegExp(`\\s{2}${id} · weight`));
  });

  it('validates the built-in content', async () => {
    const r = await mlsd(['prompts', 'validate']);
    expect(r.stdout).toMatch(/0 errors/);
    expect(r.code).toBe(0);
  });

  it('warns about a copy that overrides a built-in, but not about the built-in file itself', async () => {
    const itself = await mlsd(['rubrics', 'validate', 'rubrics/framework.yaml']);
    expect(itself.stdout).toMatch(/0 errors, 0 warnings/);
    mkdirSync(join(home, 'copy'));
    writeFileSync(join(home, 'copy', 'framework.yaml'), readFileSync(join(root, 'rubrics', 'framework.yaml'), 'utf8'));
    const copy = await mlsd(['rubrics', 'validate', join(home, 'copy', 'framework.yaml')]);
    expect(copy.stdout).toMatch(/"framework" overrides the built-in one/);
    expect(copy.code).toBe(0);
  });

  it('fails validate on a topic that names no item, naming file, line and field', async () => {
    mkdirSync(join(home, 'copy'));
    const source = readFileSync(join(root, 'rubrics', 'framework.yaml'), 'utf8');
    const broken = source.replace('  - topic: scale\n    covers: [scale]', '  - topic: scale\n    covers: [scal]');
    expect(broken).not.toBe(source);
    writeFileSync(join(home, 'copy', 'framework.yaml'), broken);
    const line = broken.split('\n').indexOf('    covers: [scal]') + 1;
    const r = await mlsd(['rubrics', 'validate', join(home, 'copy', 'framework.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`framework.yaml:${line}:14 topics[2].covers[0]: unknown item "scal" (did you mean "scale"?)`);
  });

  it('reports every problem of a broken file with file:line:col and exits 1', async () => {
    const r = await mlsd(['prompts', 'validate', join(fixtures, 'broken-pack', 'prompts')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.yaml:4:13 difficulty: expected easy, medium or hard/);
    expect(r.stdout).toMatch(/broken\.yaml:9:5 clarifications\[0\]: unknown field "answr" \(did you mean "answer"\?\)/);
    expect(r.stdout).toMatch(/outline\.frame: missing required field "frame"/);
    const json = JSON.parse((await mlsd(['prompts', 'validate', '--json', join(fixtures, 'broken-pack', 'prompts')])).stdout) as { ok: boolean; errors: unknown[] };
    expect(json.ok).toBe(false);
    expect(json.errors.length).toBeGreaterThanOrEqual(3);
  });

  it('validates a whole pack and reports every kind of problem at its line', async () => {
    const r = await mlsd(['rubrics', 'validate', join(fixtures, 'broken-pack')]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/broken-rubric\.yaml:14:12 items\[1\]\.stage: expected one of the stage ids/);
    expect(out).toMatch(/broken-rubric\.yaml:16:13 items\[1\]\.weight: weight must be greater than 0/);
    expect(out).toMatch(/broken-rubric\.yaml:\d+:\d+ items\[1\]: unknown field "followup" \(did you mean "followUp"\?\)/);
    expect(out).toMatch(/wrong-name\.yaml:1:5 id: id "not-the-file-name" must equal the file name "wrong-name"/);
    expect(out).toMatch(/broken\.yaml:4:13 difficulty/);
    expect(out).toMatch(/\d+ files checked \(1 prompt, 2 rubrics\): \d+ errors/);
    // Fix the schema errors and the cross-file checks show: duplicate ids, dead phrases, unknown items.
    const fixed = readFileSync(join(fixtures, 'broken-pack', 'rubrics', 'broken-rubric.yaml'), 'utf8').replace('stage: modeling', 'stage: model').replace('weight: 0', 'weight: 1').replace('followup:', 'followUp:');
    mkdirSync(join(home, 'pack', 'rubrics'), { recursive: true });
    writeFileSync(join(home, 'pack', 'rubrics', 'broken-rubric.yaml'), fixed);
    const second = await mlsd(['rubrics', 'validate', join(home, 'pack'), '--json']);
    expect(second.code).toBe(1);
    const messages = (JSON.parse(second.stdout) as { errors: Array<{ message: string }> }).errors.map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringContaining('duplicate item id "same-id"'),
      expect.stringContaining('phrase "???" has no letters or digits'),
      expect.stringContaining('unknown item "no-such-item"'),
    ]));
  });

  it("keeps the interviewer's answers and the outline out of prompts show --json unless --full", async () => {
    const brief = JSON.parse((await mlsd(['prompts', 'show', 'ad-click-prediction', '--json'])).stdout) as { outline?: unknown; clarifications: Array<Record<string, unknown>> };
    expect(brief.outline).toBeUndefined();
    expect(brief.clarifications.length).toBeGreaterThan(0);
    for (const c of brief.clarifications) {
      expect(c.answer).toBeUndefined();
      expect(c.topic).toMatch(/^[a-z0-9-]+$/);
    }
    const full = JSON.parse((await mlsd(['prompts', 'show', 'ad-click-prediction', '--json', '--full'])).stdout) as { outline?: Record<string, string[]>; clarifications: Array<{ answer?: string }> };
    expect(Object.keys(full.outline ?? {})).toContain('monitoring');
    expect(full.clarifications.every((c) => typeof c.answer === 'string' && c.answer.length > 0)).toBe(true);
  });

  it('skips a broken user file, keeps the built-ins working, and notices overrides', async () => {
    mkdirSync(join(home, 'prompts'), { recursive: true });
    writeFileSync(join(home, 'prompts', 'mine.yaml'), 'id: mine\ntitle: [broken\n');
    const shown = await mlsd(['prompts', 'show', 'ad-click-prediction', '--json']);
    const original = JSON.parse(shown.stdout) as Record<string, unknown>;
    writeFileSync(join(home, 'prompts', 'ad-click-prediction.yaml'), readFileSync(join(root, 'prompts', 'ad-click-prediction.yaml'), 'utf8').replace(/^title: .*$/m, 'title: My own ads prompt'));
    const r = await mlsd(['prompts', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('video-recommendation');
    expect(r.stdout).toContain('My own ads prompt');
    expect(r.stdout).toContain('user, overrides built-in');
    expect(r.stderr).toMatch(/warning: skipped .*mine\.yaml:\d+:\d+/);
    expect(r.stderr).toMatch(/notice: prompt "ad-click-prediction" from .* overrides/);
    expect(original.title).not.toBe('My own ads prompt');
  });

  it('reads prompt packs from MLSD_PROMPTS_PATH and says where each prompt comes from', async () => {
    const r = await mlsd(['prompts', 'list', '--json'], { env: { MLSD_PROMPTS_PATH: join(fixtures, 'pack') } });
    expect(r.code).toBe(0);
    const prompts = JSON.parse(r.stdout) as Array<{ id: string; origin: string }>;
    expect(prompts.find((p) => p.id === 'mini-ads')?.origin).toBe('pack');
    expect(prompts.find((p) => p.id === 'ad-click-prediction')?.origin).toBe('built-in');
  });

  it('prints the JSON Schema of a content file', async () => {
    const r = await mlsd(['schema', 'rubric']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe('mlsd rubric');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'items', 'redFlags']));
    expect((await mlsd(['schema', 'answer'])).code).toBe(2);
  });

  it('sees an edited user file at once (the content cache is keyed on the files)', async () => {
    mkdirSync(join(home, 'prompts'), { recursive: true });
    const source = readFileSync(join(root, 'prompts', 'video-recommendation.yaml'), 'utf8');
    writeFileSync(join(home, 'prompts', 'video-copy.yaml'), source.replace(/^id: .*$/m, 'id: video-copy').replace(/^title: .*$/m, 'title: First title'));
    expect((await mlsd(['prompts', 'list'])).stdout).toContain('First title');
    writeFileSync(join(home, 'prompts', 'video-copy.yaml'), source.replace(/^id: .*$/m, 'id: video-copy').replace(/^title: .*$/m, 'title: Second, longer title'));
    expect((await mlsd(['prompts', 'list'])).stdout).toContain('Second, longer title');
  });
});

describe('mlsd score', () => {
  it('prints a report for a Markdown answer, with the section mapping', async () => {
    const r = await mlsd(['score', join(fixtures, 'answer.md'), '--prompt', 'ad-click-prediction']);
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

  it('prints JSON of the documented shape', async () => {
    const r = await mlsd(['score', join(fixtures, 'answer.md'), '--prompt', 'ad-click-prediction', '--level', 'staff', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      prompt: string; level: string; overall: number; verdict: string;
      stages: Array<{ id: string; score: number; items: Array<{ id: string; rubric: string; status: string; evidence: string | null }> }>;
      redFlags: Array<{ id: string; stage: string | null; evidence: string | null }>;
    };
    expect(report.prompt).toBe('ad-click-prediction');
    expect(report.level).toBe('staff');
    expect(report.overall).toBeGreaterThan(0);
    expect(['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire']).toContain(report.verdict);
    expect(report.stages.map((s) => s.id)).toEqual(['clarify', 'frame', 'data', 'model', 'evaluation', 'serving', 'monitoring']);
    const items = report.stages.flatMap((s) => s.items);
    expect(items.every((i) => ['covered', 'prompted', 'missed', 'negated'].includes(i.status))).toBe(true);
    expect(items.find((i) => i.id === 'baseline')).toMatchObject({ rubric: 'framework', status: 'covered' });
    expect(items.find((i) => i.id === 'baseline')!.evidence).toContain('logistic regression as a baseline');
    expect(new Set(items.map((i) => i.rubric))).toEqual(new Set(['framework', 'ad-click-prediction']));
    expect(Array.isArray(report.redFlags)).toBe(true);
  });

  it('scores a YAML answer and reads stdin with -', async () => {
    const yaml = await mlsd(['score', join(fixtures, 'answer.yaml'), '--prompt', 'ad-click-prediction', '--json']);
    expect(yaml.code).toBe(0);
    expect((JSON.parse(yaml.stdout) as { format: string }).format).toBe('yaml');
    const piped = await mlsd(['score', '-', '--prompt', 'video-recommendation', '--json'], { input: readFileSync(join(fixtures, 'answer.md'), 'utf8') });
    expect(piped.code).toBe(0);
    expect((JSON.parse(piped.stdout) as { prompt: string }).prompt).toBe('video-recommendation');
  });

  it('saves the scored answer with --save', async () => {
    const r = await mlsd(['score', join(fixtures, 'answer.md'), '--prompt', 'ad-click-prediction', '--save', '--json']);
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

  it('explains bad input with exit code 2', async () => {
    const missing = await mlsd(['score', 'nope.md', '--prompt', 'ad-click-prediction']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read answers file nope.md: no such file');
    const unknown = await mlsd(['score', join(fixtures, 'answer.md'), '--prompt', 'ads']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown prompt "ads"');
    const bad = await mlsd(['score', join(fixtures, 'bad-answer.yaml'), '--prompt', 'ad-click-prediction']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad-answer\.yaml:2:1 modle: unknown stage "modle".*did you mean "model"/);
    const empty = await mlsd(['score', '-', '--prompt', 'ad-click-prediction'], { input: '\n\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no answer text');
    const noPrompt = await mlsd(['score', join(fixtures, 'answer.md')]);
    expect(noPrompt.code).toBe(2);
    expect(noPrompt.stderr).toContain("required option '-p, --prompt <id>' not specified");
  });

  it('respects NO_COLOR, FORCE_COLOR and --no-color', async () => {
    const args = ['score', join(fixtures, 'answer.md'), '--prompt', 'ad-click-prediction'];
    expect((await mlsd(args, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await mlsd(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await mlsd([...args, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });
});
