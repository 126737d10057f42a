#!/usr/bin/env node
// Entry point: the built CLI lives in dist/. `--version` alone answers without loading it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The CLI as one CommonJS bundle run with V8's code cache (dist/files/code-cache.js): the fastest start
 * once a command has run before on this build. Null on a command's first run on this build (the cache is
 * made on the second), without that bundle, or with MLSD_NO_CACHE: then the ES module bundle (dist/bundle),
 * the fastest start without a cache, or dist/cli.js, the same program module by module.
 */
async function withCodeCache() {
  const bundle = fileURLToPath(new URL('../dist/cjs/cli.cjs', import.meta.url));
  if (process.env.MLSD_NO_CACHE || !existsSync(bundle)) return null;
  let build;
  try {
    build = readFileSync(new URL('../dist/cjs/build-id', import.meta.url), 'latin1');
  } catch {
    return null;
  }
  if (!/^[0-9a-f]{64}$/.test(build)) return null;
  const [{ codeCacheFile, firstSight, loadWithCodeCache }, { resolvePaths }] = await Promise.all([import('../dist/files/code-cache.js'), import('../dist/files/paths.js')]);
  const file = codeCacheFile(resolvePaths(process.env).cache, process.argv[2], build);
  if (firstSight(file)) return null;
  const loaded = loadWithCodeCache(bundle, file);
  process.once('exit', loaded.saveCache);
  return loaded.exports;
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  let cli;
  const missing = (error) => error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist');
  try {
    cli = (await withCodeCache()) ?? (await import('../dist/bundle/cli.js').catch((error) => (missing(error) ? import('../dist/cli.js') : Promise.reject(error))));
  } catch (error) {
    if (missing(error)) {
      process.stderr.write('mlsd: the CLI is not built yet. Run `npm run build` (or `npm start`) in the mlsd folder first.\n');
      process.exit(1);
    }
    throw error;
  }
  await cli.run();
}
