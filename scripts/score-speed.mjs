#!/usr/bin/env node
// How long scoring one answer takes in a warm process (issue 10: a 2,000-word answer in under 25 ms,
// linear in length). Prints figures; never fails a build. Uses the built library code (dist/).
//   node scripts/score-speed.mjs [--runs N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const { buildCatalog, rubricsFor } = await import(join(root, 'dist/content/catalog.js'));
const { compileRubrics } = await import(join(root, 'dist/scoring/compile.js'));
const { scoreAnswers } = await import(join(root, 'dist/scoring/score.js'));
const { parseAnswers } = await import(join(root, 'dist/reading/sections.js'));

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 40;
const read = (kind, dir) =>
  readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml')).map((f) => ({ kind, file: f, text: readFileSync(join(root, dir, f), 'utf8'), origin: 'built-in' }));
const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')]);
const prompt = catalog.prompts.get('ad-click-prediction').value;
const scope = compileRubrics(rubricsFor(catalog, prompt));

// Answers of the fixtures, repeated until the text has the number of words asked for.
const dir = join(root, 'tests', 'fixtures', 'answers');
const corpus = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n\n');
function answerOf(words) {
  const out = [];
  let n = 0;
  for (const line of (corpus + '\n').repeat(Math.ceil(words / corpus.split(/\s+/).length) + 1).split('\n')) {
    if (n >= words) break;
    out.push(line);
    n += line.split(/\s+/).filter(Boolean).length;
  }
  return out.join('\n');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(text) {
  const once = () => scoreAnswers({ prompt, scope, answers: parseAnswers(text, 'a.md').answers, level: 'senior' });
  for (let i = 0; i < 5; i++) once(); // warm
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    once();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

// CPU time is shown beside wall time: on a busy machine wall time includes waiting for a core.
console.log(`mlsd score speed · node ${process.version} · median of ${runs} warm runs (parse + score)\n`);
let base = 0;
for (const words of [500, 1000, 2000, 4000, 8000, 16000]) {
  const { wall, cpu } = time(answerOf(words));
  if (words === 500) base = cpu;
  const aim = words === 2000 ? `   (aim < 25 ms) ${cpu < 25 ? 'ok' : 'OVER AIM'}` : '';
  console.log(`  ${String(words).padStart(5)} words  cpu ${cpu.toFixed(1).padStart(6)} ms  wall ${wall.toFixed(1).padStart(6)} ms   ${(cpu / base).toFixed(1).padStart(5)}x of 500 words${aim}`);
}
