#!/usr/bin/env node
// The second half of `npm run build`, after tsc: makes the built CLI start fast.
// 1. The modules that validate mlsd's own caches on every run get the part of zod they use bundled into
//    them, so reading a cache does not load all of zod (about as long as starting node itself).
//    Without rolldown (a dev dependency) this step is skipped: dist/ works the same, only slower to start.
// 2. The whole CLI is bundled into dist/bundle/ (one module per command, loaded on demand), which bin/mlsd.cjs
//    runs where the CommonJS bundle (4.) is missing: resolving and loading some forty separate modules cost
//    about half of a bare node start.
//    The bundle is stamped with its build id (src/build-id.ts): the SHA-256 of its files, which keys the
//    caches of what the code computes (the compiled scoring form of the rubrics).
// 3. The built-in prompts and rubrics are parsed and checked once, here, into dist/content/builtin.json, so a
//    first run (or the first after an upgrade) does not parse YAML. A test checks it against the YAML.
//    With a build id, so is the compiled scoring form of each prompt's rubrics (dist/content/compiled/).
// 4. The CLI is also bundled as CommonJS, split as the ES module bundle (dist/cjs/cli.cjs and the files it
//    requires on demand; ASCII only, stamped with the same build id), which bin/mlsd.cjs runs, with V8's code
//    cache once a command has run before (src/files/code-cache.ts, bundled as dist/cjs/start.cjs): ES modules
//    cannot take one in Node 20, and CommonJS starts faster without one too (no ES module loader).
// 5. The English word list is written grouped by first letters with a table of the groups
//    (dist/data/english-words.bin, src/reading/english-index.ts), so a look-up reads one group, not 3.3 MB;
//    and the lemmas of irregular verbs as JSON (dist/data/lemmas.json, src/reading/lemma.ts), so no run parses
//    their list. Tests check both against the packages' lists.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

/** Modules of dist/ whose only package import is zod: each becomes one file with zod inlined. */
const SELF_CONTAINED = ['store/index-schema.js'];

let build;
let buildId = null;
// A CommonJS bundle of an earlier build must never outlive it (bin/mlsd.cjs prefers it): made anew below, or gone.
const cjs = join(dist, 'cjs', 'cli.cjs');
rmSync(dirname(cjs), { recursive: true, force: true });
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
  rmSync(join(dist, 'bundle'), { recursive: true, force: true });
  await build({
    input: join(dist, 'cli.js'),
    platform: 'node',
    logLevel: 'warn',
    output: { dir: join(dist, 'bundle'), format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: false },
  });
  // ASCII only, as the CommonJS bundle below: node hands V8 a file with any other character as a two-byte
  // string, twice the memory, decoded and scanned more slowly on every run without a code cache (a first run).
  for (const name of readdirSync(join(dist, 'bundle')).filter((n) => n.endsWith('.js'))) {
    const file = join(dist, 'bundle', name);
    const text = readFileSync(file, 'utf8');
    const ascii = asAscii(text);
    if (ascii !== text) writeFileSync(file, ascii);
  }
  buildId = stampBuildId(join(dist, 'bundle'));
  if (buildId) {
    // Split as the ES module bundle is (one file per command, loaded on demand, and files they share): a
    // command compiles, and its code cache holds, only the code it loads.
    await build({
      input: { cli: join(dist, 'cli.js') },
      platform: 'node',
      logLevel: 'warn',
      output: { dir: dirname(cjs), format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', sourcemap: false },
    });
    // ASCII only (asAscii), as the ES module bundle.
    for (const name of readdirSync(dirname(cjs)).filter((n) => n.endsWith('.cjs'))) {
      const file = join(dirname(cjs), name);
      writeFileSync(file, asAscii(lazyTables(lazyBuiltins(readFileSync(file, 'utf8').replaceAll('@MLSD_BUILD_ID@', buildId), name))));
    }
    // Names the code caches of this build (read without reading the bundle).
    writeFileSync(join(dirname(cjs), 'build-id'), buildId);
    // What bin/mlsd.cjs requires to run that bundle with its code cache: files/code-cache.ts and the little it
    // imports, as one CommonJS file, so a run with a cache never starts node's ES module loader.
    await build({
      input: join(dist, 'files', 'code-cache.js'),
      platform: 'node',
      logLevel: 'warn',
      output: { file: join(dirname(cjs), 'start.cjs'), format: 'cjs', codeSplitting: false, sourcemap: false },
    });
    // Its node:module too is required on first use: bin/mlsd.cjs gives loadCli a require of its own.
    const start = join(dirname(cjs), 'start.cjs');
    writeFileSync(start, lazyBuiltins(readFileSync(start, 'utf8'), 'start.cjs'));
  }
}

/**
 * JavaScript text in ASCII only (a one-byte string reads several times faster): every other character as its
 * \\u escape, which means the same in strings, templates, regular expressions, identifiers and comments. Not
 * where a backslash stands before such a character, nor under String.raw: there the text stays as it is.
 */
function asAscii(text) {
  const escapable = !/\\[^\x00-\x7f]|String\.raw/.test(text);
  return escapable ? text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

/**
 * Node's own modules that only some commands use, which a file of the CommonJS bundle (`name`) requires
 * only when first used rather than at its top (where rolldown hoists every import of them): loading them
 * costs several milliseconds of every run (child_process alone also loads net and dgram). The bundle uses
 * them only as `node_x.name` (or `node_x.default.name` after __toESM); each becomes a stand-in object that
 * requires the module on its first property access. Commander requires child_process for executable
 * subcommands only; node:module (createRequire, which loads node's ES module loader too) serves only the
 * fallbacks that require a package file (YAML answers, a missing data file).
 */
function lazyBuiltins(text, name) {
  const LAZY_BUILTINS = ['child_process', 'os', 'tty', 'fs/promises', 'async_hooks', 'readline', 'crypto', 'module'];
  const runtime = [
    '// mlsd (scripts/build-dist.mjs): a module of node loaded on first use',
    'var __lazyBuiltin = (load) => { let m; const real = () => (m ??= load()); return new Proxy({}, {',
    '\tget: (_, key) => real()[key], has: (_, key) => key in real(), ownKeys: () => Reflect.ownKeys(real()),',
    '\tgetOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(real(), key); return d && { ...d, configurable: true }; }',
    '}); };',
  ].join('\n');
  let out = text;
  let changed = 0;
  for (const builtin of LAZY_BUILTINS) {
    const id = `node_${builtin.replace(/\W/g, '_')}`;
    const plain = `let ${id} = require("node:${builtin}");\n`;
    const esm = new RegExp(`^${plain.replaceAll('.', '\\.').replaceAll('(', '\\(').replaceAll(')', '\\)')}${id} = ((?:require_rolldown_runtime\\.)?__toESM)\\(${id}, 1\\);\\n`, 'm');
    const toEsm = esm.exec(out);
    if (toEsm) out = out.replace(toEsm[0], `let ${id} = __lazyBuiltin(() => ${toEsm[1]}(require("node:${builtin}"), 1));\n`);
    else if (out.includes(plain) && !out.includes(`${id} = `, out.indexOf(plain) + plain.length)) out = out.replace(plain, `let ${id} = __lazyBuiltin(() => require("node:${builtin}"));\n`);
    else continue;
    // Only property reads of it: anything else (passed whole, compared) would see the stand-in.
    const uses = out.match(new RegExp(`\\b${id}\\b(?!\\s*=)[^.\\w]`, 'g')) ?? [];
    if (uses.length > 0) throw new Error(`build-dist: ${id} in ${name} is used other than by its properties: ${uses.join(' ')}`);
    changed++;
  }
  const commander = 'const childProcess = require("node:child_process");';
  if (out.includes(commander)) {
    out = out.replace(commander, 'const childProcess = __lazyBuiltin(() => require("node:child_process"));');
    changed++;
  }
  if (changed === 0) return text;
  const at = out.indexOf('\nlet node_');
  return at < 0 ? `${runtime}\n${out}` : `${out.slice(0, at)}\n${runtime}${out.slice(at)}`;
}

/**
 * The HTML entity table of markdown-it's entity decoder (the `entities` package: `const htmlDecodeTree =
 * decodeTrieDict("...")`), built on first use rather than when the file loads: building it runs a loop
 * over a 13,000-character string (about 0.7 ms of every `score`), and only a text with an `&` needs it.
 * Each `const X = /* #__PURE__ *\/ decodeTrieDict(...)` of the file becomes a function that builds it once,
 * and each other use of X a call of that function. Read only, never assigned: the same table either way.
 * A file without such a table, or where the rewrite would not compile, is left as it is (it only costs time).
 */
function lazyTables(text) {
  const declared = [...text.matchAll(/^const (\w+) = \/\* #__PURE__ \*\/ decodeTrieDict\(/gm)].map((m) => m[1]);
  let out = text;
  for (const id of declared) {
    if (new RegExp(`\\b${id}\\s*=[^=]`).test(out.replace(`const ${id} = `, ''))) continue; // assigned elsewhere: left as it is
    out = out.replace(`const ${id} = /* #__PURE__ */ decodeTrieDict(`, `let ${id}__built;\nconst ${id}__build = () => decodeTrieDict(`);
    out = out.replace(new RegExp(`\\b${id}\\b(?!__)`, 'g'), `(${id}__built ??= ${id}__build())`);
  }
  if (out === text) return text;
  // A use the rewrite does not fit (a property name, a shorthand) would not compile: then the file stays as it was.
  try {
    new Function('exports', 'require', 'module', '__filename', '__dirname', out);
  } catch {
    process.stderr.write('build-dist: the entity table of markdown-it could not be made lazy; it is built when the file loads\n');
    return text;
  }
  return out;
}

/** Writes the bundle's build id (the SHA-256 of its files, names and contents) over the placeholder of src/build-id.ts. */
function stampBuildId(dir) {
  const STAMP = '@MLSD_BUILD_ID@';
  const names = readdirSync(dir).filter((n) => n.endsWith('.js')).sort();
  const hash = createHash('sha256');
  for (const name of names) hash.update(`${name}\0${readFileSync(join(dir, name), 'utf8')}\0`);
  const id = hash.digest('hex');
  const stamped = names.filter((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    if (!text.includes(`'${STAMP}'`) && !text.includes(`"${STAMP}"`)) return false;
    writeFileSync(join(dir, name), text.replaceAll(STAMP, id));
    return true;
  });
  if (stamped.length !== 1) process.stderr.write(`build-dist: the build id placeholder was found in ${stamped.length} bundle files, not 1\n`);
  return stamped.length === 1 ? id : null;
}

{
  const { contentPlaces, readContent } = await import('../dist/files/content-files.js');
  const { buildCatalog } = await import('../dist/content/catalog.js');
  const { checkRubricPhrases } = await import('../dist/scoring/rubric-phrase-checks.js');
  const { resolvePaths } = await import('../dist/files/paths.js');
  const { shippedContent, shippedFile } = await import('../dist/files/content-cache.js');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const paths = resolvePaths({ MLSD_HOME: join(root, '.no-user-content') });
  const places = contentPlaces(paths, {}, {}).filter((p) => p.origin === 'built-in');
  const { files, issues } = await readContent(places);
  const catalog = buildCatalog(files, [checkRubricPhrases]);
  const errors = [...issues, ...catalog.issues].filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    process.stderr.write(`build-dist: the built-in content has errors; not pre-parsed (run mlsd prompts validate)\n`);
  } else {
    const out = shippedFile(paths.builtin);
    mkdirSync(dirname(out), { recursive: true });
    const text = shippedContent(paths.builtin, version, files, catalog);
    writeFileSync(out, text);
    // The compiled scoring form of each built-in prompt's rubrics, for this build (src/files/compiled-cache.ts).
    const { compiledKey, shippedCompiledFile, writeCompiled } = await import('../dist/files/compiled-cache.js');
    const { compiledForm } = await import('../dist/scoring/compile.js');
    const { clarificationPatterns } = await import('../dist/scoring/topics.js');
    const { rubricsFor } = await import('../dist/content/scope.js');
    rmSync(dirname(shippedCompiledFile(paths.builtin, 'x')), { recursive: true, force: true });
    if (buildId) {
      const shippedKey = JSON.parse(text.slice(0, text.indexOf('\n'))).key;
      for (const { value: prompt } of catalog.prompts.values()) {
        const file = shippedCompiledFile(paths.builtin, prompt.id);
        const form = compiledForm(rubricsFor(catalog, prompt), clarificationPatterns(prompt.clarifications));
        await writeCompiled(file, compiledKey(shippedKey, prompt.id, buildId), version, prompt.id, { phrases: form.phrases, vocabulary: form.vocabulary.toForm() });
      }
    }
  }
}

{
  const { buildEnglishIndex } = await import('../dist/reading/english-index.js');
  const { englishIndexFile } = await import('../dist/reading/english.js');
  const list = createRequire(import.meta.url).resolve('an-array-of-english-words/index.json');
  const out = englishIndexFile(root);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buildEnglishIndex(JSON.parse(readFileSync(list, 'utf8'))));
  const { lemmaTableFile, lemmaTableText, lemmasFromSource } = await import('../dist/reading/lemma.js');
  writeFileSync(lemmaTableFile(root), lemmaTableText(lemmasFromSource()));
}
