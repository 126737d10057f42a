#!/usr/bin/env node
// The prototype behind "A V8 start-up snapshot: measured, not shipped" (docs/architecture.md): not part of
// the product, run by no test or build. Run it again when node changes (`npm run build` first):
//
//   node scripts/snapshot-probe.mjs [rounds]
//
// It builds three snapshot blobs of the built CLI (dist/cjs/) in a temporary folder: the CLI's entry loaded
// ("cli"); that and every file of the bundle a `score` loads ("score"); and that after a `score` of the
// 2,000-word fixture run at build time, output discarded ("warmed"); plus one holding nothing of ours
// ("empty"). Then it runs bare node, today's bin/mlsd.cjs and each blob, interleaved, scoring the 1,993-word
// fixture and a two-line answer with the same warm caches, and prints medians as ratios to bare node:
// CPU time from `perf stat` where perf is installed, else wall time. NODE_EXTRA_CA_CERTS is left out, as
// `npm run bench` does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist', 'cjs');
const bin = join(root, 'bin', 'mlsd.cjs');
const rounds = Number(process.argv[2] ?? 15);
const work = mkdtempSync(join(tmpdir(), 'mlsd-snapshot-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const home = join(work, 'home');
mkdirSync(home);
const env = { ...process.env, MLSD_HOME: home, NO_COLOR: '1', MLSD_PROMPTS_PATH: '', FORCE_COLOR: undefined, NODE_EXTRA_CA_CERTS: undefined };
const long = join(root, 'tests', 'fixtures', 'answers', 'ad-click-prediction.strong.md');
const short = join(work, 'two-lines.md');
writeFileSync(short, 'We would predict the chance of a click with logistic regression over user and ad features.\nOffline we check log loss, and online an A/B test on click-through rate.\n');
const score = (answer) => ['score', answer, '--prompt', 'ad-click-prediction'];

// The builder: loads the bundle's files as src/files/code-cache.ts does (node's require in a snapshot
// builder loads only node's own modules), and runs the CLI from the snapshot with mlsd's arguments.
const builder = `
const fs = require('node:fs'), path = require('node:path'), v8 = require('node:v8');
const dir = ${JSON.stringify(dist)};
const modules = new Map();
function load(file) {
  if (modules.has(file)) return modules.get(file).exports;
  if (process.env.PROBE_TRACE) process.stderr.write('load ' + path.basename(file) + '\\n');
  const run = (0, eval)('(function (exports, require, module, __filename, __dirname) {' + fs.readFileSync(file, 'latin1') + '\\n})');
  const module = { exports: {} };
  modules.set(file, module);
  run.call(module.exports, module.exports, (id) => (/^\\.\\/[\\w.-]+\\.cjs$/.test(id) ? load(path.join(dir, id)) : require(id)), module, file, dir);
  return module.exports;
}
const cli = load(path.join(dir, 'cli.cjs'));
for (const name of (process.env.PROBE_PRELOAD || '').split(',').filter(Boolean)) load(path.join(dir, name));
if (process.env.PROBE_WARM) {
  const sink = { write: () => true };
  const home = process.env.PROBE_WARM_HOME;
  fs.mkdirSync(home, { recursive: true });
  cli.main(JSON.parse(process.env.PROBE_WARM), { stdout: sink, stderr: sink, env: { MLSD_HOME: home, NO_COLOR: '1' }, now: () => new Date(), random: Math.random });
}
v8.startupSnapshot.setDeserializeMainFunction(() => {
  process.argv.splice(1, 0, 'mlsd');
  if (process.argv[2] === 'score') v8.setFlagsFromString('--interrupt-budget=270336');
  cli.run().then(() => setImmediate(() => {
    if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) return;
    const pending = process.getActiveResourcesInfo();
    if (pending.length <= 2 && pending.every((kind) => kind === 'TTYWrap' || kind === 'PipeWrap')) process.exit();
  }));
});
`;
const entry = join(work, 'entry.js');
writeFileSync(entry, builder);
writeFileSync(join(work, 'empty.js'), "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => {});\n");

function build(name, extra = {}, script = entry) {
  const blob = join(work, `${name}.blob`);
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], { env: { ...env, ...extra }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building ${name}: ${r.stderr}`);
  console.log(`  ${name.padEnd(8)} ${(statSync(blob).size / 1e6).toFixed(1)} MB, built in ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return blob;
}

console.log(`snapshot probe · node ${process.version} · ${rounds} rounds\nBlobs:`);
const blobs = { empty: build('empty', {}, join(work, 'empty.js')), cli: build('cli') };
const traced = spawnSync(process.execPath, ['--snapshot-blob', blobs.cli, '--', ...score(short)], { env: { ...env, PROBE_TRACE: '1' }, encoding: 'utf8' });
const chunks = traced.stderr.split('\n').filter((l) => l.startsWith('load ')).map((l) => l.slice(5));
blobs.score = build('score', { PROBE_PRELOAD: chunks.join(',') });
blobs.warmed = build('warmed', { PROBE_PRELOAD: chunks.join(','), PROBE_WARM: JSON.stringify(score(long)), PROBE_WARM_HOME: join(work, 'build-home') });

const perf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', process.execPath, '-e', '0'], { encoding: 'utf8' }).status === 0;
function time(args) {
  const start = performance.now();
  const r = perf ? spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', process.execPath, ...args], { env, encoding: 'utf8' }) : spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return perf ? Number(r.stderr.split('\n').find((l) => l.includes('task-clock')).split(',')[0]) : wall;
}
const variants = [['bare node', ['-e', '0']], ['empty snapshot', ['--snapshot-blob', blobs.empty]]];
for (const [label, answer] of [['1,993 words', long], ['two lines', short]]) {
  variants.push([`today, ${label}`, [bin, ...score(answer)]]);
  for (const name of ['cli', 'score', 'warmed']) variants.push([`${name} blob, ${label}`, ['--snapshot-blob', blobs[name], '--', ...score(answer)]]);
}
for (let i = 0; i < 3; i++) time([bin, ...score(long)]); // the content and code caches
const times = variants.map(() => []);
for (let r = 0; r < rounds; r++) variants.forEach(([, args], i) => times[i].push(time(args)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = median(times[0]);
console.log(`\n${perf ? 'CPU time (perf stat task-clock)' : 'wall time'}, medians of interleaved runs:`);
variants.forEach(([label], i) => console.log(`  ${label.padEnd(28)} ${median(times[i]).toFixed(1).padStart(7)} ms  ${(median(times[i]) / bare).toFixed(2)}x`));
