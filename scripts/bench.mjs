#!/usr/bin/env node
// npm run bench: what users wait for, as whole processes against bare `node -e 0` (docs/architecture.md and README, Performance).
// Every figure is a median of runs interleaved with bare node in the same loop, so a loaded machine
// slows both alike; ratios are the figures that count. Prints figures; never fails a build.
//
//   BENCH_RUNS=9          runs per start-up figure (history figures use fewer)
//   BENCH_SESSIONS=5000   the smaller history
//   BENCH_LARGE=50000     the larger history (0 skips it: it writes about 3.5 GB of sessions)
//   BENCH_ROOT=/path      measure another checkout (its bin/ and dist/), e.g. the code before a change
//   BENCH_BEFORE=/path    also measure this checkout (built), in the same loops: each figure gets a "before"
//   BENCH_KEEP_CA=1       keep NODE_EXTRA_CA_CERTS in the measured processes' environment (see below)
//
// NODE_EXTRA_CA_CERTS makes every node process parse that certificate file when it starts (with a system
// bundle of about 150 certificates: some 40 ms of CPU, five times the instructions of a bare start), so it
// inflates bare node and every command alike and flatters every ratio. A user's shell rarely sets it, so
// the measured processes run without it unless BENCH_KEEP_CA=1; the header says what it costs here.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sessionTemplates, writeSessions } from './bench-sessions.mjs';

const here = new URL('..', import.meta.url).pathname;
const root = resolve(process.env.BENCH_ROOT ?? here);
/** A checkout's entry point, as package.json names it (bin/mlsd.cjs now; bin/mlsd.js in older checkouts). */
const binOf = (dir) => join(dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).bin.mlsd);
const bin = binOf(root);
const beforeRoot = process.env.BENCH_BEFORE ? resolve(process.env.BENCH_BEFORE) : null;
const beforeBin = beforeRoot ? binOf(beforeRoot) : null;
/** The command for the checkout before (when there is one): the same arguments with its bin. */
const asBefore = (args) => args.map((a) => (a === bin ? beforeBin : a));
const rssHook = join(here, 'scripts', 'bench-rss.mjs');
const work = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const runs = Number(process.env.BENCH_RUNS ?? 9);
const small = Number(process.env.BENCH_SESSIONS ?? 5000);
const large = Number(process.env.BENCH_LARGE ?? 50000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const keepCa = process.env.BENCH_KEEP_CA === '1';
function homeEnv(home) {
  const env = { ...process.env, MLSD_HOME: home, NO_COLOR: '1', MLSD_PROMPTS_PATH: '', FORCE_COLOR: undefined };
  if (!keepCa) delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

function spawn(args, env) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Median of `n` runs of a command, each run right after a bare node run; `before` runs untimed before
 * each run (before each checkout's run, with BENCH_BEFORE). With BENCH_BEFORE, `was` holds the figures
 * of the checkout before, measured in the same loop.
 */
function measure(args, env, { n = runs, before, beforeEnv } = {}) {
  spawn(['-e', '0'], env);
  const bare = [];
  const times = [];
  const earlier = [];
  for (let i = 0; i < n; i++) {
    bare.push(spawn(['-e', '0'], env));
    if (beforeBin && args[0] === bin) {
      before?.(i, 'before');
      earlier.push(spawn(asBefore(args), beforeEnv ?? env));
    }
    before?.(i, 'after');
    times.push(spawn(args, env));
  }
  const ms = median(times);
  const bareMs = median(bare);
  const was = earlier.length > 0 ? { ms: median(earlier), ratio: median(earlier) / bareMs } : undefined;
  return { ms, bare: bareMs, ratio: ms / bareMs, was };
}

/** Peak resident memory of one run, in MB (a preloaded hook reports it on exit); with BENCH_BEFORE, [after, before]. */
function peakMb(args, env, before, beforeEnv) {
  const one = (a, which, e) => {
    before?.(0, which);
    const out = join(work, 'rss.txt');
    spawn(['--import', pathToFileURL(rssHook).href, ...a], { ...e, MLSD_BENCH_RSS: out });
    return Number(readFileSync(out, 'utf8')) / 1024;
  };
  const was = beforeBin ? one(asBefore(args), 'before', beforeEnv ?? env) : undefined;
  return { mb: one(args, 'after', env), was };
}
const mbText = (...values) => `${values.map((v) => v.mb.toFixed(0)).join(' / ')} MB${beforeBin ? `  (before ${values.map((v) => v.was.toFixed(0)).join(' / ')} MB)` : ''}`;

const fmt = (r) => `${r.ms.toFixed(0).padStart(6)} ms  ${r.ratio.toFixed(2).padStart(5)}x${r.was ? `  (before ${r.was.ms.toFixed(0)} ms ${r.was.ratio.toFixed(2)}x)` : ''}`;
function row(label, value, aim) {
  const mark = aim === undefined ? '' : aim.ok ? '  ok' : '  OVER AIM';
  console.log(`  ${label.padEnd(58)}${value.padStart(beforeBin ? 44 : 20)}${aim ? `   (aim ${aim.text})${mark}` : ''}`);
}
const ratioAim = (r, max) => ({ text: `<= ${max}x`, ok: r.ratio <= max });

console.log(`mlsd bench · ${root === here ? 'this checkout' : root}${beforeRoot ? ` against ${beforeRoot} (before)` : ''} · node ${process.version} · ${new Date().toISOString()} · load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('Whole processes, median of runs interleaved with bare `node -e 0`; ratios to bare node.\n');

// 1. Start-up.
const home = join(work, 'home');
// mlsd writes no cache into a home that does not exist (src/files/cache-place.ts): without this, "warm" runs had no cache.
mkdirSync(home, { recursive: true });
const env = homeEnv(home);
const bare = measure(['-e', '0'], env);
console.log(`Start-up (${runs} runs; bare node ${bare.bare.toFixed(0)} ms)`);
if (process.env.NODE_EXTRA_CA_CERTS) {
  const withCa = { ...env, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS };
  const withoutCa = { ...env, NODE_EXTRA_CA_CERTS: undefined };
  const times = { with: [], without: [] };
  for (let i = 0; i < runs; i++) {
    times.without.push(spawn(['-e', '0'], withoutCa));
    times.with.push(spawn(['-e', '0'], withCa));
  }
  const note = keepCa ? 'kept (BENCH_KEEP_CA=1): every figure below includes it' : 'left out of every run below (BENCH_KEEP_CA=1 keeps it)';
  console.log(`  NODE_EXTRA_CA_CERTS is set here: bare node takes ${median(times.with).toFixed(0)} ms with it, ${median(times.without).toFixed(0)} ms without; ${note}`);
}
const version = measure([bin, '--version'], env);
row('mlsd --version', fmt(version), ratioAim(version, 1.5));
row('mlsd --help', fmt(measure([bin, '--help'], env)));
spawn([bin, 'prompts', 'list'], env); // the content cache
const list = measure([bin, 'prompts', 'list'], env);
row('mlsd prompts list', fmt(list), ratioAim(list, 2.5));

// 2. Scoring a 2,000-word answer, whole process.
const answer = join(root, 'tests', 'fixtures', 'answers', 'ad-click-prediction.strong.md');
const words = readFileSync(answer, 'utf8').split(/\s+/).filter(Boolean).length;
const score = [bin, 'score', answer, '--prompt', 'ad-click-prediction'];
console.log(`\nScore (ad-click-prediction, ${words} words)`);
spawn(score, env);
const warm = measure(score, env);
row('mlsd score, content cache warm', fmt(warm), ratioAim(warm, 1.8));
const cold = measure(score, env, { before: () => rmSync(join(home, 'cache'), { recursive: true, force: true }) });
row('mlsd score, cache empty (first run, after an upgrade)', fmt(cold), ratioAim(cold, 2.5));
const json = measure([...score, '--json'], env);
row('mlsd score --json, cache warm', fmt(json));
// The fixed cost of a score: a two-line answer, where start-up and loading the rubrics are nearly all of it.
const short = join(work, 'two-lines.md');
writeFileSync(short, 'We would predict the chance of a click with logistic regression over user and ad features.\nOffline we check log loss, and online an A/B test on click-through rate.\n');
const shortScore = [bin, 'score', short, '--prompt', 'ad-click-prediction'];
spawn(shortScore, env);
const shortWarm = measure(shortScore, env);
row('mlsd score of a two-line answer, cache warm', fmt(shortWarm));
const shortCold = measure(shortScore, env, { before: () => rmSync(join(home, 'cache'), { recursive: true, force: true }) });
row('mlsd score of a two-line answer, cache empty', fmt(shortCold));
row('peak memory, score warm', mbText(peakMb(score, env)));

// 3. Scoring inside one process: the scorer's own speed and that it grows linearly with the answer.
{
  const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const { compileRubrics } = await dist('scoring/compile.js');
  const { scoreAnswers } = await dist('scoring/score.js');
  const { parseAnswers } = await dist('answers/parse.js');
  const { buildCatalog } = await dist('content/catalog.js');
  const { rubricsFor } = await dist('content/scope.js');
  const { contentPlaces, readContent } = await dist('files/content-files.js');
  const { resolvePaths } = await dist('files/paths.js');
  const { files } = await readContent(contentPlaces(resolvePaths(env), env, {}));
  const catalog = buildCatalog(files);
  const prompt = catalog.prompts.get('ad-click-prediction').value;
  const rubrics = rubricsFor(catalog, prompt);
  const answers = parseAnswers(readFileSync(answer, 'utf8'), answer).answers;
  const timeIt = (fn, n) => {
    for (let i = 0; i < 3; i++) fn();
    const xs = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      fn();
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  const scope = compileRubrics(rubrics);
  console.log('\nScoring inside one process (median; the scorer alone, no start-up)');
  row('compile the rubrics of one prompt', `${timeIt(() => compileRubrics(rubrics), 20).toFixed(2)} ms`);
  row(`score one answer (${words} words)`, `${timeIt(() => scoreAnswers({ prompt, scope, answers, level: 'senior' }), 40).toFixed(2)} ms`);
  for (const factor of [2, 4, 8]) {
    const scaled = { sections: Object.fromEntries(Object.entries(answers.sections).map(([k, v]) => [k, Array(factor).fill(v).join('\n\n')])) };
    const ms = timeIt(() => scoreAnswers({ prompt, scope, answers: scaled, level: 'senior' }), 10);
    row(`  ${factor}x the answer (${words * factor} words): ms per 1,000 words`, `${((ms / (words * factor)) * 1000).toFixed(2)} ms`);
  }
}

// 4. History and stats over many saved sessions.
const templates = await sessionTemplates(root);
const startMs = Date.parse('2020-01-01T00:00:00.000Z');

function historyBench(count, { firstRuns, warmRuns }) {
  const h = join(work, `h${count}`);
  const henv = homeEnv(h);
  const dir = join(h, 'sessions');
  const t0 = performance.now();
  writeSessions(dir, templates, count, startMs);
  const writeS = (performance.now() - t0) / 1000;
  // With BENCH_BEFORE the checkout before gets a home of its own (the same files, linked), so neither
  // build reads an index the other wrote (a change of index format would rebuild it on every run).
  const hb = join(work, `h${count}-before`);
  const benv = beforeBin ? homeEnv(hb) : henv;
  if (beforeBin) {
    mkdirSync(join(hb, 'sessions'), { recursive: true });
    for (const name of readdirSync(dir)) linkSync(join(dir, name), join(hb, 'sessions', name));
  }
  const next = { after: count, before: count };
  const addOne = (_, which = 'after') => writeSessions(which === 'before' ? join(hb, 'sessions') : dir, templates, 1, startMs, next[which]++);
  const dropIndex = (_, which = 'after') => {
    for (const name of ['sessions.index.json', 'sessions.index.jsonl', 'sessions.index.check', 'cache/sessions.index.jsonl']) rmSync(join(which === 'before' ? hb : h, name), { force: true });
  };
  console.log(`\nHistory over ${count.toLocaleString('en')} sessions (load average ${loadavg()[0].toFixed(2)}) (${writeS.toFixed(0)} s to write them; "a new session" is a file the next command has not seen)`);
  const first = measure([bin, 'history'], henv, { n: firstRuns, before: dropIndex, beforeEnv: benv });
  const seconds = (r) => `${(r.ms / 1000).toFixed(2)} s  ${r.ratio.toFixed(1).padStart(5)}x`;
  row('first `mlsd history` ever (no index)', `${seconds(first)}${first.was ? `  (before ${seconds(first.was)})` : ''}`, count <= 5000 ? { text: '< 2 s', ok: first.ms < 2000 } : undefined);
  const results = {};
  for (const cmd of ['history', 'stats']) {
    spawn([bin, cmd], henv);
    if (beforeBin) spawn([beforeBin, cmd], benv);
    const w = measure([bin, cmd], henv, { n: warmRuns, beforeEnv: benv });
    const after = measure([bin, cmd], henv, { n: warmRuns, before: addOne, beforeEnv: benv });
    const memWarm = peakMb([bin, cmd], henv, undefined, benv);
    const memAfter = peakMb([bin, cmd], henv, addOne, benv);
    results[cmd] = { w, after };
    const big = count > 5000;
    row(`mlsd ${cmd}, warm`, fmt(w), big ? { text: '< 500 ms', ok: w.ms < 500 } : undefined);
    row(`mlsd ${cmd}, right after a new session`, fmt(after), big ? { text: '< 500 ms', ok: after.ms < 500 } : ratioAim(after, 2));
    row(`peak memory, ${cmd} warm / after a new session`, mbText(memWarm, memAfter), big ? { text: '< 150 MB', ok: Math.max(memWarm.mb, memAfter.mb) < 150 } : undefined);
  }
  // Every row: `--all` where history shows the latest rows by default.
  const everyRow = spawnSync(process.execPath, [bin, 'history', '--help'], { env: henv, encoding: 'utf8' }).stdout.includes('--all') ? ['--all'] : [];
  const all = measure([bin, 'history', '--json', ...everyRow], henv, { n: Math.max(3, Math.floor(warmRuns / 2)), beforeEnv: benv });
  row('mlsd history --json (every row, for scripts)', fmt(all));
  rmSync(h, { recursive: true, force: true });
  rmSync(hb, { recursive: true, force: true });
  return results;
}

historyBench(small, { firstRuns: 3, warmRuns: runs });
if (large > 0) historyBench(large, { firstRuns: 1, warmRuns: 5 });

// 5. The practice answer box (its own bench, written with the practice issue).
const box = join(root, 'scripts', 'bench-answer-box.mjs');
if (existsSync(box)) {
  const r = spawnSync(process.execPath, [box, '--json'], { env, encoding: 'utf8' });
  let figures;
  try {
    figures = JSON.parse(r.stdout);
  } catch {
    console.log(`\nAnswer box: scripts/bench-answer-box.mjs failed (exit ${r.status}): ${r.stderr.trim().split('\n')[0] ?? ''}`);
  }
  if (figures) {
    console.log(`\nAnswer box at 80x24 (in process, ${figures.keys} keys per size; npm run bench:box for the details)`);
    for (const f of figures.sizes) {
      row(`${f.words.toLocaleString('en')} words: keystroke to echo, median / p95`, `${f.echoMedianMs.toFixed(2)} / ${f.echoP95Ms.toFixed(2)} ms`, { text: '< 2 / < 5 ms', ok: f.echoMedianMs < 2 && f.echoP95Ms < 5 });
      row(`${f.words.toLocaleString('en')} words: bytes written per key / per clock tick`, `${Math.round(f.bytesPerKey)} / ${Math.round(f.bytesPerTick)} B`, { text: '< 2 KB', ok: Math.max(f.bytesPerKey, f.bytesPerTick) < 2048 });
    }
    row(`a ${figures.paste5000.words.toLocaleString('en')}-word paste drawn`, `${figures.paste5000.ms.toFixed(0)} ms`, { text: '< 2 s', ok: figures.paste5000.ms < 2000 });
  }
} else {
  console.log('\nAnswer box: scripts/bench-answer-box.mjs is not there yet (npm run bench:box).');
}
console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
