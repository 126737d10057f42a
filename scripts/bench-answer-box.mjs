#!/usr/bin/env node
// npm run bench:box: the answer box's figures (docs/architecture.md and README, Performance) at 0, 2,000 and 5,000 words:
// keystroke-to-echo median and p95, bytes written per key and per clock tick, and the time to draw a
// 5,000-word paste. The box runs in-process on mock streams at 80x24; bytes are what a terminal
// would receive. Prints figures; never fails a build. `--json` prints them as one JSON object
// (the main bench calls it that way).
import { PassThrough } from 'node:stream';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url);
const { openAnswerBox } = await import(new URL('dist/ui/answer-prompt.js', root).href);
const { createStyle, loadChalk } = await import(new URL('dist/ui/style.js', root).href);
await loadChalk?.(); // colour, as in a real terminal

const json = process.argv.includes('--json');
const KEYS = Number(process.env.BENCH_KEYS ?? 300);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** An answer of about n words, in paragraphs of a dozen lines of about twelve words. */
function answer(n) {
  const words = [];
  for (let i = 0; i < n; i++) words.push(i % 12 === 11 ? 'latency.\n' : ['we', 'train', 'a', 'model', 'on', 'click', 'logs', 'with', 'features', 'from', 'users'][i % 11]);
  return words.join(' ').replace(/\n /g, '\n');
}

function terminal(cols = 80, rows = 24) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const events = new EventEmitter();
  const state = { bytes: 0, waiters: [] };
  const output = {
    columns: cols,
    rows,
    write(s) {
      state.bytes += Buffer.byteLength(s);
      const waiters = state.waiters;
      state.waiters = [];
      for (const w of waiters) w();
      return true;
    },
    on: (e, f) => events.on(e, f),
    off: (e, f) => events.off(e, f),
  };
  const nextWrite = () => new Promise((resolve) => state.waiters.push(resolve));
  return { terminal: { input, output }, input, state, nextWrite };
}

function open(t, initial) {
  return openAnswerBox(t.terminal, {
    label: 'Model development',
    mode: 'multi',
    style: createStyle(1),
    clock: { leftMs: 30 * 60_000, stageLeftMs: 5 * 60_000 },
    initial,
    onChange: () => undefined,
  });
}

async function measure(words) {
  const t = terminal();
  const box = open(t, words > 0 ? answer(words) : '');
  await new Promise((r) => setImmediate(r));
  // Warm up (the first keys compile the code paths), then measure.
  for (let i = 0; i < 50; i++) {
    const echoed = t.nextWrite();
    t.input.write('w');
    await echoed;
  }
  const times = [];
  const before = t.state.bytes;
  for (let i = 0; i < KEYS; i++) {
    const echoed = t.nextWrite();
    const start = performance.now();
    t.input.write(i % 40 === 39 ? ' ' : 'x');
    await echoed;
    times.push(performance.now() - start);
  }
  const perKey = (t.state.bytes - before) / KEYS;
  const tickStart = t.state.bytes;
  const ticks = 60;
  for (let i = 0; i < ticks; i++) box.setClock({ leftMs: 29 * 60_000 - i * 1000, stageLeftMs: 4 * 60_000 - i * 1000 });
  const perTick = (t.state.bytes - tickStart) / ticks;
  box.close();
  await box.result;
  return { words, echoMedianMs: median(times), echoP95Ms: p95(times), bytesPerKey: perKey, bytesPerTick: perTick };
}

async function pasteTime(words) {
  const t = terminal();
  const box = open(t, '');
  await new Promise((r) => setImmediate(r));
  const text = answer(words).replace(/\n/g, '\r\n');
  const start = performance.now();
  const before = t.state.bytes;
  // A terminal delivers a large paste in chunks of a few kilobytes.
  const data = `\u001b[200~${text}\u001b[201~`;
  for (let i = 0; i < data.length; i += 4096) t.input.write(data.slice(i, i + 4096));
  for (;;) {
    await t.nextWrite();
    if (box.text().length >= text.length - 2 * words / 12) break;
  }
  const ms = performance.now() - start;
  const bytes = t.state.bytes - before;
  box.close();
  await box.result;
  return { words, ms, bytes };
}

/** Bytes for a new line typed at the bottom of a full box: the text scrolls by one row. */
async function scrollBytes(cols, height) {
  const t = terminal(cols, height);
  const box = open(t, answer(5000));
  await new Promise((r) => setImmediate(r));
  const n = 50;
  const before = t.state.bytes;
  for (let i = 0; i < n; i++) {
    const echoed = t.nextWrite();
    t.input.write('x\r');
    await echoed;
  }
  const perLine = (t.state.bytes - before) / n;
  box.close();
  await box.result;
  return { cols, rows: height, bytesPerNewLine: perLine };
}

const rows = [];
for (const words of [0, 2000, 5000]) rows.push(await measure(words));
const paste = await pasteTime(5000);
const scrolls = [await scrollBytes(80, 24), await scrollBytes(120, 40)];

if (json) {
  process.stdout.write(`${JSON.stringify({ keys: KEYS, sizes: rows, paste5000: paste, scroll: scrolls })}\n`);
} else {
  const ok = (v, aim) => (v < aim ? 'ok' : 'OVER AIM');
  console.log(`answer box at 80x24 · ${KEYS} keys per size · node ${process.version}`);
  for (const r of rows) {
    console.log(
      `  ${String(r.words).padStart(5)} words  echo median ${r.echoMedianMs.toFixed(3)} ms (aim < 2, ${ok(r.echoMedianMs, 2)})  p95 ${r.echoP95Ms.toFixed(3)} ms (aim < 5, ${ok(r.echoP95Ms, 5)})  ` +
        `${Math.round(r.bytesPerKey)} B/key, ${Math.round(r.bytesPerTick)} B/tick (aim < 2048, ${ok(Math.max(r.bytesPerKey, r.bytesPerTick), 2048)})`,
    );
  }
  for (const r of scrolls) console.log(`  a new line at the bottom of a full box at ${r.cols}x${r.rows}: ${Math.round(r.bytesPerNewLine)} B (aim < 2048, ${ok(r.bytesPerNewLine, 2048)})`);
  console.log(`  5,000-word paste drawn in ${paste.ms.toFixed(1)} ms, ${paste.bytes} bytes written (aim < 2000 ms, ${ok(paste.ms, 2000)})`);
}
