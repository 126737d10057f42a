import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// How bin/mlsd.cjs starts the CLI (README, Performance): it runs the CommonJS bundle, a command's first run on a
// build without a code cache, the second writes V8's code cache of the files it loaded, later runs use it; no
// cache changes a word.
const root = new URL('../..', import.meta.url).pathname;
const answer = join(root, 'tests', 'fixtures', 'answers', 'ad-click-prediction.modest.md');
const scoreArgs = ['score', answer, '--prompt', 'ad-click-prediction'];

let temp: string;
let home: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'mlsd-start-'));
  home = join(temp, 'home');
  // The user's MLSD_HOME exists: mlsd never creates a missing one for a cache (files/cache-place.ts).
  mkdirSync(home);
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

function run(bin: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The code cache files under the home, with their size and inode (a file written anew gets a new inode). */
function codeCaches(): Array<{ name: string; size: number; ino: number }> {
  const dir = join(home, 'cache', 'code');
  return readdirSync(dir).map((name) => ({ name, size: statSync(join(dir, name)).size, ino: statSync(join(dir, name)).ino }));
}

/** Whether a cache file is sound: a header line, then each file's data with the size and CRC-32 the header gives. */
function sound(file: string): boolean {
  const bytes = readFileSync(file);
  const cut = bytes.indexOf(10);
  const header = JSON.parse(bytes.toString('latin1', 0, cut)) as { chunks: Array<{ size: number; data: number }> };
  let at = cut + 1;
  for (const chunk of header.chunks) {
    if (crc32(bytes.subarray(at, at + chunk.size)) !== chunk.data) return false;
    at += chunk.size;
  }
  return cut > 0 && header.chunks.length > 0 && at === bytes.length;
}

/** A copy of the package (bin, package.json, dist when asked) with its content and node_modules linked in. */
function packageCopy(withDist: boolean): string {
  const copy = join(temp, 'mlsd');
  mkdirSync(copy);
  cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  for (const dir of ['prompts', 'rubrics', 'schemas', 'node_modules']) symlinkSync(join(root, dir), join(copy, dir));
  if (withDist) cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  return copy;
}

const bin = join(root, 'bin', 'mlsd.cjs');

describe('starting the CLI (bin/mlsd.cjs)', () => {
  it('makes the code cache on a command\'s second run and uses it from the third, with the same report every time', () => {
    const first = run(bin, scoreArgs);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Overall');
    expect(codeCaches()).toEqual([expect.objectContaining({ name: expect.stringMatching(/^score-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.v8$/), size: 0 })]);
    expect(run(bin, scoreArgs)).toEqual(first);
    const [made] = codeCaches();
    expect(made!.size).toBeGreaterThan(1000);
    expect(sound(join(home, 'cache', 'code', made!.name))).toBe(true);
    expect(run(bin, scoreArgs)).toEqual(first);
    expect(codeCaches()).toEqual([made]); // used, not written again
    expect(run(bin, scoreArgs, { MLSD_NO_CACHE: '1' })).toEqual(first);
    // Another command has a cache of its own.
    expect(run(bin, ['prompts', 'list']).code).toBe(0);
    expect(codeCaches().map((c) => c.name.split('-')[0]).sort()).toEqual(['prompts', 'score']);
  });

  it('never uses a damaged or cut-short cache: the run is the same and the cache is written anew', () => {
    const first = run(bin, scoreArgs);
    run(bin, scoreArgs);
    const caches = codeCaches();
    expect(caches).toHaveLength(1);
    const file = join(home, 'cache', 'code', caches[0]!.name);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    for (let i = good.indexOf(10) + 100; i < flipped.length; i += 997) flipped[i]! ^= 0x5a;
    for (const damaged of [flipped, good.subarray(0, good.length >> 1), Buffer.from('not a cache\n'), Buffer.from('{"format":1}\nxyz')]) {
      writeFileSync(file, damaged);
      expect(run(bin, scoreArgs)).toEqual(first);
      expect(sound(file)).toBe(true);
    }
  });

  it('does not run a bundle changed since its cache was made with that cache, even at the same length and build id', () => {
    const copy = packageCopy(true);
    const copyBin = join(copy, 'bin', 'mlsd.cjs');
    const first = run(copyBin, scoreArgs);
    run(copyBin, scoreArgs);
    expect(run(copyBin, scoreArgs)).toEqual(first);
    // The file of the bundle that writes the report's headings.
    const cjs = join(copy, 'dist', 'cjs');
    const bundle = join(cjs, readdirSync(cjs).find((name) => readFileSync(join(cjs, name), 'latin1').includes('style.bold("Overall")'))!);
    const text = readFileSync(bundle, 'latin1');
    writeFileSync(bundle, text.replace('style.bold("Overall")', 'style.bold("OVERALL")'), 'latin1');
    const changed = run(copyBin, scoreArgs);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('OVERALL');
    expect(changed.stdout.replaceAll('OVERALL', 'Overall')).toBe(first.stdout);
  });

  it('says how to build when there is no build, and answers --version without one', () => {
    const copy = packageCopy(false);
    const r = run(join(copy, 'bin', 'mlsd.cjs'), ['prompts', 'list']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('mlsd: the CLI is not built yet. Run `npm run build` (or `npm start`) in the mlsd folder first.\n');
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(run(join(copy, 'bin', 'mlsd.cjs'), ['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('runs the same through bin/mlsd.js, the entry point before', () => {
    const viaCjs = run(bin, scoreArgs);
    expect(run(join(root, 'bin', 'mlsd.js'), scoreArgs)).toEqual(viaCjs);
    expect(run(join(root, 'bin', 'mlsd.js'), scoreArgs)).toEqual(viaCjs);
    expect(run(join(root, 'bin', 'mlsd.js'), ['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('loads none of the node modules score does not use (child_process, readline, tty, crypto, module), with a code cache or without', () => {
    const hook = join(temp, 'loaded.cjs');
    const list = join(temp, 'loaded.txt');
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--require', hook, bin, ...args], { env: { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(list, 'utf8').split('\n');
    };
    // The first run (no cache), the second (which makes it) and the third (which uses it).
    for (let i = 0; i < 3; i++) {
      const modules = loaded(scoreArgs);
      expect(modules).toContain('NativeModule vm'); // the CommonJS bundle's loader ran
      // node:module (createRequire) would load node's ES module loader too: bin/mlsd.cjs lends the bundle its require.
      for (const name of ['child_process', 'readline', 'tty', 'crypto', 'module']) expect(modules, `${name}, run ${i + 1}`).not.toContain(`NativeModule ${name}`);
    }
    expect(codeCaches()[0]!.size).toBeGreaterThan(0);
    // A YAML answer still loads the YAML library, through node:module, on first use.
    const yaml = loaded(['score', join(root, 'tests', 'fixtures', 'answers', 'ad-click-prediction.answers.yaml'), '--prompt', 'ad-click-prediction']);
    expect(yaml).toContain('NativeModule module');
  });

  it('builds markdown-it\'s entity table only when a text needs it, and decodes entities as before', () => {
    const chunk = readdirSync(join(root, 'dist', 'cjs')).find((name) => name.startsWith('markdown-it-'))!;
    const text = readFileSync(join(root, 'dist', 'cjs', chunk), 'utf8');
    expect(text).not.toMatch(/^const \w+ = \/\* #__PURE__ \*\/ decodeTrieDict\(/m);
    expect(text).toMatch(/^const htmlDecodeTree__build = \(\) => decodeTrieDict\(/m);
    const file = join(temp, 'entities.md');
    writeFileSync(file, '# Model\nLogistic regression &amp; a GBDT &#x41;&copy; as the baseline &notanentity;.\n');
    for (const env of [{}, { MLSD_NO_CACHE: '1' }] as Array<Record<string, string>>) {
      const r = run(bin, ['score', file, '--prompt', 'ad-click-prediction', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Logistic regression & a GBDT A\u00a9 as the baseline &notanentity;.');
    }
  });
});
