#!/usr/bin/env node
// Entry point: the built CLI lives in dist/. `--version` alone answers without loading it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The CLI as one CommonJS bundle run with V8's code cache (dist/files/code-cache.js): the fastest start.
 * Null without that bundle or with MLSD_NO_CACHE; then the ES module bundle (dist/bundle), which starts
 * a little slower, or dist/cli.js, the same program module by module.
 */
async function withCodeCache() {
  const bundle = fileURLToPath(new URL('../dist/cjs/cli.cjs', import.meta.url));
  if (process.env.MLSD_NO_CACHE || !existsSync(bundle)) return null;
  const [{ codeCacheFile, loadWithCodeCache }, { resolvePaths }] = await Promise.all([import('../dist/files/code-cache.js'), import('../dist/files/paths.js')]);
  const loaded = loadWithCodeCache(bundle, codeCacheFile(resolvePaths(process.env).cache, process.argv[2]));
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
