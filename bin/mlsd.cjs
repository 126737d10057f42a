#!/usr/bin/env node
'use strict';
// Entry point: the built CLI lives in dist/. `--version` alone answers without loading it.
// CommonJS, so a run of the CommonJS bundle (the usual run) never starts node's ES module loader.
const { readFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) printVersion();
else runCli();

/** Runs the CLI: from the CommonJS bundle (with V8's code cache when there is one), else from the ES modules. */
function runCli() {
  if (args[0] === 'score') tuneOptimizer();
  const cli = withCodeCache();
  // A failure run() does not handle itself is left to node: it ends the process as before (exit 1).
  if (cli) cli.run().then(() => setImmediate(endWhenIdle));
  else withModules();
}

/**
 * `mlsd --version` without loading the CLI: one write to file descriptor 1. A closed pipe ends quietly
 * (exit 0); any other failure (`> /dev/full`, EAGAIN on a non-blocking pipe) is left to the CLI, which
 * writes the version again through process.stdout and says in one line why it could not (exit 1).
 */
function printVersion() {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  try {
    writeSync(1, `${pkg.version}\n`);
  } catch (error) {
    if (error.code !== 'EPIPE') runCli();
  }
}

/**
 * For `score`: lets V8 optimise a function (TurboFan, on a thread of its own) only after it has run four
 * times as long as V8's default (--interrupt-budget 67,584 -> 270,336 bytes of bytecode run). At the
 * default, a warm `score` spent about 70 ms of CPU optimising functions (300 M instructions, a third of its
 * work above bare node) and its main thread gained nothing from it (161 ms of CPU either way, also with a
 * 10,000-word answer); on a busy machine, or one with few cores, that work delays everything else.
 * Functions that stay hot in a long run are still optimised, only later. Other commands optimise little
 * and would only pay for loading node:v8 (25 M instructions, measured on `prompts list`, `history`,
 * `stats`). The code cache is made and used under the same setting (V8 refuses a cache made under other
 * flags), so each command always runs with the same flags.
 */
function tuneOptimizer() {
  require('node:v8').setFlagsFromString('--interrupt-budget=270336');
}

/**
 * Ends the process as soon as the command is done, with the exit code it set, instead of letting node tear
 * down its heap first (several ms, more after a big command): only when nothing is left to do, that is no
 * output still waiting to be written and nothing pending but the terminal or pipes of stdout and stderr
 * (no timer, file operation, child process or socket). Otherwise node ends it as usual. 'exit' handlers
 * run either way. Called from setImmediate, so that a promise rejected and not handled meanwhile is
 * reported (and sets the exit code) first, as it would be.
 */
function endWhenIdle() {
  if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) return;
  const pending = process.getActiveResourcesInfo();
  if (pending.length <= 2 && pending.every((kind) => kind === 'TTYWrap' || kind === 'PipeWrap')) process.exit();
}

/**
 * The CLI as a CommonJS bundle (dist/cjs/cli.cjs and the files it requires) run with V8's code cache
 * (dist/cjs/start.cjs, made from src/files/code-cache.ts) once the command has run before on this build
 * (the cache is made on its second run), without one on its first run or with MLSD_NO_CACHE. Null
 * without that bundle (a build without rolldown).
 */
function withCodeCache() {
  let start;
  try {
    start = require('../dist/cjs/start.cjs');
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('start.cjs')) return null;
    throw error;
  }
  // This file's own require serves the bundle's requires of node's modules: no createRequire, so no node:module.
  const loaded = start.loadCli(join(__dirname, '..', 'dist', 'cjs', 'cli.cjs'), args[0], process.env, require);
  if (!loaded) return null;
  process.once('exit', loaded.saveCache);
  return loaded.exports;
}

/** The ES module bundle (dist/bundle), or dist/cli.js, the same program module by module: where the CommonJS bundle is missing. */
async function withModules() {
  const missing = (error) => error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist');
  let cli;
  try {
    cli = await import('../dist/bundle/cli.js').catch((error) => (missing(error) ? import('../dist/cli.js') : Promise.reject(error)));
  } catch (error) {
    if (missing(error)) {
      process.stderr.write('mlsd: the CLI is not built yet. Run `npm run build` (or `npm start`) in the mlsd folder first.\n');
      process.exit(1);
    }
    throw error;
  }
  await cli.run();
  setImmediate(endWhenIdle);
}
