#!/usr/bin/env node
// npm run bench: the timing targets of DESIGN.md section 7. Prints figures; never fails a build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'mlsd.js');
const home = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));
process.on('exit', () => rmSync(home, { recursive: true, force: true }));
const env = { ...process.env, MLSD_HOME: home, NO_COLOR: '1', MLSD_PROMPTS_PATH: '' };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCommand(args, runs) {
  spawnSync(process.execPath, args, { env }); // warm the file cache
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

function row(label, value, aim) {
  const mark = aim === undefined ? '' : aim.ok ? '  ok' : '  OVER AIM';
  console.log(`  ${label.padEnd(44)}${value.padStart(14)}${aim ? `   (aim ${aim.text})${mark}` : ''}`);
}

console.log(`mlsd bench · node ${process.version} · ${new Date().toISOString()}\n`);

// 1. Start-up against bare node.
const runs = Number(process.env.BENCH_RUNS ?? 21);
const bare = timeCommand(['-e', '0'], runs);
const version = timeCommand([bin, '--version'], runs);
const list = timeCommand([bin, 'prompts', 'list'], runs);
const help = timeCommand([bin, '--help'], runs);
console.log(`Start-up (median of ${runs} runs)`);
row('node -e 0', `${bare.toFixed(1)} ms`);
row('mlsd --version', `${version.toFixed(1)} ms  ${(version / bare).toFixed(2)}x`, { text: '<= 1.5x', ok: version / bare <= 1.5 });
row('mlsd --help', `${help.toFixed(1)} ms  ${(help / bare).toFixed(2)}x`);
row('mlsd prompts list', `${list.toFixed(1)} ms  ${(list / bare).toFixed(2)}x`, { text: '<= 2.5x', ok: list / bare <= 2.5 });

// 2. Scoring, in process, against the built modules.
const { compileRubrics } = await import('../dist/scoring/compile.js');
const { scoreAnswers } = await import('../dist/scoring/score.js');
const { parseAnswers } = await import('../dist/answers/parse.js');
const { buildCatalog, rubricsFor } = await import('../dist/content/catalog.js');
const { contentPlaces, readContent } = await import('../dist/io/content-files.js');
const { resolvePaths } = await import('../dist/io/paths.js');

const { files } = await readContent(contentPlaces(resolvePaths(env), env, {}));
const catalog = buildCatalog(files);
const prompt = catalog.prompts.get('video-recommendation')?.value ?? [...catalog.prompts.values()][0]?.value;
if (!prompt) throw new Error('no prompts found');
const rubrics = rubricsFor(catalog, prompt);
const fixture = join(root, 'tests', 'fixtures', 'answers', `${prompt.id}.strong.md`);
const answerText = existsSync(fixture) ? readFileSync(fixture, 'utf8') : 'We start with a baseline and monitor drift.\n'.repeat(200);
const answers = parseAnswers(answerText, 'answer.md').answers;
const words = answerText.split(/\s+/).filter(Boolean).length;

function timeScoring(scope, set, iterations) {
  for (let i = 0; i < 5; i++) scoreAnswers({ prompt, scope, answers: set, level: 'senior' });
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    scoreAnswers({ prompt, scope, answers: set, level: 'senior' });
    times.push(performance.now() - start);
  }
  return median(times);
}

const compileStart = performance.now();
const scope = compileRubrics(rubrics);
const compileMs = performance.now() - compileStart;
const itemCount = rubrics.reduce((n, r) => n + r.items.length, 0);
const phraseCount = rubrics.reduce((n, r) => n + r.items.reduce((m, i) => m + i.phrases.length, 0), 0);
const one = timeScoring(scope, answers, 200);
// Cold: a freshly compiled scope each time, as `mlsd score` runs it once per process.
const coldTimes = [];
for (let i = 0; i < 30; i++) {
  const fresh = compileRubrics(rubrics);
  const start = performance.now();
  scoreAnswers({ prompt, scope: fresh, answers, level: 'senior' });
  coldTimes.push(performance.now() - start);
}
const cold = median(coldTimes);
console.log(`\nScoring (${prompt.id}: ${itemCount} items, ${phraseCount} phrases)`);
row('compile rubrics (once per prompt)', `${compileMs.toFixed(2)} ms`);
row(`score one answer, cold (${words} words, ${Object.keys(answers.sections).length} stages)`, `${cold.toFixed(2)} ms`, { text: '< 10 ms', ok: cold < 10 });
row('score one answer, warm (same rubric set again)', `${one.toFixed(2)} ms`, { text: '< 10 ms', ok: one < 10 });
row('answers per second (warm)', `${Math.round(1000 / one)}`);

console.log('\nGrowth with answer length (should be linear: ms per 1,000 words stays flat)');
for (const factor of [1, 2, 4, 8]) {
  const scaled = Object.fromEntries(Object.entries(answers.sections).map(([k, v]) => [k, Array(factor).fill(v).join('\n\n')]));
  const ms = timeScoring(scope, { sections: scaled }, factor >= 4 ? 30 : 100);
  row(`${factor}x (${words * factor} words)`, `${ms.toFixed(2)} ms  ${((ms / (words * factor)) * 1000).toFixed(2)} ms/kw`);
}

console.log('\nGrowth with rubric size (items copied under new ids)');
for (const factor of [1, 2, 4]) {
  const grown = rubrics.map((r) => ({
    ...r,
    items: Array.from({ length: factor }, (_, k) => r.items.map((it) => ({ ...it, id: `${it.id}-${k}`, phrases: it.phrases.map((p) => (k === 0 ? p : `${p} v${k}`)) }))).flat(),
  }));
  const grownScope = compileRubrics(grown);
  const ms = timeScoring(grownScope, answers, 60);
  row(`${factor}x (${itemCount * factor} items)`, `${ms.toFixed(2)} ms  ${((ms / (itemCount * factor)) * 100).toFixed(2)} ms/100 items`);
}


// 3. History and stats over many saved sessions.
const count = Number(process.env.BENCH_SESSIONS ?? 5000);
const { saveSession } = await import('../dist/store/sessions.js');
const report = scoreAnswers({ prompt, scope, answers, level: 'senior' });
const sessionsDirPath = join(home, 'sessions');
mkdirSync(sessionsDirPath, { recursive: true });
const start = Date.parse('2026-01-01T00:00:00.000Z');
for (let i = 0; i < count; i++) {
  const id = `s${String(i).padStart(9, '0')}`;
  const record = { schema: 1, id, kind: 'score', createdAt: new Date(start + i * 60_000).toISOString(), updatedAt: '', prompt: prompt.id, level: 'senior', status: 'finished', answers, report: { ...report, overall: (i * 37) % 100 } };
  writeFileSync(join(sessionsDirPath, `${id}.json`), JSON.stringify(record));
}
const historyMs = timeCommand([bin, 'history', '--json'], 3);
const statsMs = timeCommand([bin, 'stats', '--json'], 3);
console.log(`\nHistory over ${count} saved sessions (median of 3 runs)`);
row('mlsd history', `${historyMs.toFixed(0)} ms`, { text: '< 500 ms', ok: historyMs < 500 });
row('mlsd stats', `${statsMs.toFixed(0)} ms`, { text: '< 500 ms', ok: statsMs < 500 });
