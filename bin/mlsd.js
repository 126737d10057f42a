#!/usr/bin/env node
// Entry point: the built CLI lives in dist/. `--version` alone answers without loading it.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  let cli;
  const missing = (error) => error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist');
  try {
    // The bundled build starts faster; dist/cli.js is the same program, module by module.
    cli = await import('../dist/bundle/cli.js').catch((error) => (missing(error) ? import('../dist/cli.js') : Promise.reject(error)));
  } catch (error) {
    if (missing(error)) {
      process.stderr.write('mlsd: the CLI is not built yet. Run `npm run build` (or `npm start`) in the mlsd folder first.\n');
      process.exit(1);
    }
    throw error;
  }
  await cli.run();
}
