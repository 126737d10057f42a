#!/usr/bin/env node
// The entry point is bin/mlsd.cjs (package.json "bin"); this file runs it, for `node bin/mlsd.js` and links made before.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./mlsd.cjs');
