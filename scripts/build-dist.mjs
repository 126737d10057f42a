#!/usr/bin/env node
// The second half of `npm run build`, after tsc: makes the built CLI start fast.
// 1. The modules that validate mlsd's own caches on every run get the part of zod they use bundled into
//    them, so reading a cache does not load all of zod (about as long as starting node itself).
// Without rolldown (a dev dependency) this step is skipped: dist/ works the same, only slower to start.
import { renameSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

/** Modules of dist/ whose only package import is zod: each becomes one file with zod inlined. */
const SELF_CONTAINED = ['store/index-schema.js'];

let build;
try {
  ({ build } = await import('rolldown'));
} catch {
  process.stderr.write('build-dist: rolldown is not installed; dist/ keeps importing zod (slower start-up)\n');
}
if (build) {
  for (const file of SELF_CONTAINED) {
    const path = join(dist, file);
    const temp = `${path}.bundle.tmp`;
    await build({
      input: path,
      platform: 'node',
      logLevel: 'warn',
      // The module's own relative imports stay imports; packages (and their insides) are inlined.
      external: (id, importer) => importer === path && id.startsWith('.'),
      output: { file: temp, format: 'esm', minify: true, sourcemap: false },
    });
    renameSync(temp, path);
  }
}
