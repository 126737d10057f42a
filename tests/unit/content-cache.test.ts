import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../src/content/catalog.js';
import { cacheKey, listContent, readCache, readCachedContent, readShipped, readShippedContent, shippedFile, writeCache, writeShippedCopy } from '../../src/files/content-cache.js';
import { checksum } from '../../src/files/checksum.js';
import { contentPlaces, readContent } from '../../src/files/content-files.js';
import { resolvePaths } from '../../src/files/paths.js';
import { packageInfo } from '../../src/package-root.js';
import { checkRubricPhrases } from '../../src/scoring/rubric-phrase-checks.js';
import { isCacheHeader } from '../../src/files/cache-header-check.generated.js';

const { root, version } = packageInfo();
const builtinPlaces = (builtin: string) => contentPlaces({ ...resolvePaths({ MLSD_HOME: '/nonexistent' }), builtin }, {}, {}).filter((p) => p.origin === 'built-in');
const values = (c: Catalog) => ({
  prompts: [...c.prompts.values()].map((e) => ({ value: e.value, file: e.file, origin: e.origin, overrides: e.overrides })),
  rubrics: [...c.rubrics.values()].map((e) => ({ value: e.value, file: e.file, origin: e.origin, overrides: e.overrides })),
  issues: c.issues,
  notices: c.notices,
});

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'mlsd-content-cache-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

describe('the built-in content shipped pre-parsed (dist/content/builtin.json, made by npm run build)', () => {
  it('is exactly what parsing the YAML gives', async () => {
    const places = builtinPlaces(root);
    const shipped = readShipped(root, version, listContent(places));
    expect(shipped).not.toBeNull();
    const parsed = buildCatalog((await readContent(places)).files, [checkRubricPhrases]);
    expect(values(shipped!)).toEqual(values(parsed));
  });

  it('carries the content the scorer depends on: the framework\'s topics and list flag', () => {
    const shipped = readShipped(root, version, listContent(builtinPlaces(root)));
    const framework = shipped!.rubrics.get('framework')!.value;
    expect(framework.listFlag).toMatchObject({ id: 'list-instead-of-reasoning', severity: 'minor', wholeAnswerSeverity: 'major' });
    expect(framework.topics).toContainEqual({ topic: 'scale', covers: ['scale'] });
  });

  it('is not used once a built-in file changes, or for another version', () => {
    const copy = join(temp, 'pkg');
    for (const dir of ['prompts', 'rubrics']) cpSync(join(root, dir), join(copy, dir), { recursive: true });
    mkdirSync(join(copy, 'dist', 'content'), { recursive: true });
    cpSync(shippedFile(root), shippedFile(copy));
    expect(readShipped(copy, version, listContent(builtinPlaces(copy)))).not.toBeNull();
    expect(readShipped(copy, `${version}-other`, listContent(builtinPlaces(copy)))).toBeNull();
    // Same size, one letter different: the hash notices.
    const file = join(copy, 'rubrics', 'framework.yaml');
    const text = readFileSync(file, 'utf8');
    const i = text.indexOf('label: ') + 'label: '.length;
    writeFileSync(file, text.slice(0, i) + (text[i] === 'X' ? 'Y' : 'X') + text.slice(i + 1));
    expect(readShipped(copy, version, listContent(builtinPlaces(copy)))).toBeNull();
  });
});

describe('the content cache', () => {
  it('gives back what was written, and nothing when the key, the version or a byte differs', async () => {
    const places = builtinPlaces(root);
    const catalog = buildCatalog((await readContent(places)).files);
    const file = join(temp, 'content.json');
    const key = cacheKey(version, listContent(places));
    writeCache(file, key, version, catalog);
    expect(values(readCache(file, key, version)!)).toEqual(values(catalog));
    expect(readCache(file, cacheKey(version, []), version)).toBeNull();
    expect(readCache(file, key, `${version}-other`)).toBeNull();
    const text = readFileSync(file, 'utf8');
    const damaged = [
      text.slice(0, text.length - 10), // cut short
      text.replace('"weight":3', '"weight":4'), // edited, same shape
      text.replace('"format":3', '"format":2'), // another format
      `{"cache":"mlsd-content"}\n${text.slice(text.indexOf('\n') + 1)}`, // header missing fields
      'not a cache',
    ];
    for (const bad of damaged) {
      expect(bad).not.toBe(text);
      writeFileSync(file, bad);
      expect(readCache(file, key, version)).toBeNull();
    }
  });
});

describe('the content cache (format 3: an index line, then one line per value)', () => {
  it('parses a value only when it is read, and gives every value back as written', async () => {
    const places = builtinPlaces(root);
    const catalog = buildCatalog((await readContent(places)).files, [checkRubricPhrases]);
    const file = join(temp, 'content.json');
    const key = cacheKey(version, listContent(places));
    writeCache(file, key, version, catalog);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(2 + catalog.prompts.size + catalog.rubrics.size); // header, index, values
    // A value line that is not JSON under a right checksum (a cache written wrong): nothing fails until it is read.
    const framework = lines.findIndex((l) => l.startsWith('{"id":"framework"'));
    expect(framework).toBeGreaterThan(1);
    const body = [...lines.slice(1, framework), '{not json', ...lines.slice(framework + 1)].join('\n');
    writeFileSync(file, `${JSON.stringify({ ...JSON.parse(lines[0]!), checksum: checksum(body) })}\n${body}`);
    const read = readCache(file, key, version)!;
    expect(read.prompts.get('ad-click-prediction')!.value).toEqual(catalog.prompts.get('ad-click-prediction')!.value);
    expect([...read.rubrics.keys()]).toEqual([...catalog.rubrics.keys()]);
    expect(() => read.rubrics.get('framework')!.value).toThrow();
  });

  it('keeps a copy of the shipped content marked as such (its compiled forms then serve), and no other', async () => {
    const places = builtinPlaces(root);
    const listing = listContent(places);
    const shipped = readShippedContent(root, version, listing)!;
    expect(shipped.key).toMatch(/^[0-9a-f]{16}$/);
    const file = join(temp, 'content.json');
    const key = cacheKey(version, listing);
    writeShippedCopy(file, key, version, shipped);
    const copy = readCachedContent(file, key, version)!;
    expect(copy.shipped).toBe(shipped.key);
    const parsed = buildCatalog((await readContent(places)).files, [checkRubricPhrases]);
    expect(values(copy.catalog)).toEqual(values(parsed));
    // Paths are this package's, not the placeholder the shipped file holds.
    expect(readFileSync(file, 'utf8')).not.toContain('@BUILTIN@');
    expect(copy.catalog.prompts.get('ad-click-prediction')!.file).toBe(join(root, 'prompts', 'ad-click-prediction.yaml'));
    writeCache(file, key, version, parsed);
    expect(readCachedContent(file, key, version)!.shipped).toBeUndefined();
  });
});

describe('the checksum of mlsd\'s caches (files/checksum.ts)', () => {
  it('is the CRC-32 then the length in bytes, in hex, the same for text and its UTF-8 bytes', () => {
    expect(checksum('hello')).toBe('3610a68600000005');
    expect(checksum(Buffer.from('héllo'))).toBe(checksum('héllo'));
    expect(checksum('héllo').slice(8)).toBe('00000006');
    expect(checksum('')).toBe('0000000000000000');
  });

  it('changes with any one byte, and with the length', () => {
    const text = readFileSync(join(root, 'rubrics', 'framework.yaml'));
    const sum = checksum(text);
    for (let i = 0; i < text.length; i += 997) {
      const changed = Buffer.from(text);
      changed[i] = changed[i]! ^ 1;
      expect(checksum(changed)).not.toBe(sum);
    }
    expect(checksum(text.subarray(0, text.length - 1))).not.toBe(sum);
  });
});

describe('the header line of a cache file (its zod schema in files/cache-schema.ts, checked by the code generated from it)', () => {
  const hex = 'ab'.repeat(8);
  const header = { cache: 'mlsd-content', format: 3, version: '1.0.0', key: hex, checksum: hex };

  it('takes a header with exactly its fields, with or without the shipped files', () => {
    expect(isCacheHeader(header)).toBe(true);
    const files: Array<[string, number, string]> = [['prompts/a.yaml', 12, hex]];
    expect(isCacheHeader({ ...header, files })).toBe(true);
  });

  it('refuses anything else: a missing, extra or ill-typed field, a key that is not 16 hex digits', () => {
    const bad: unknown[] = [
      null,
      [],
      'header',
      { ...header, extra: 1 },
      { ...header, format: '2' },
      { ...header, cache: 1 },
      { ...header, version: undefined },
      { ...header, key: hex.toUpperCase() },
      { ...header, key: `${hex}0` },
      { ...header, key: 'ab'.repeat(32) },
      { ...header, checksum: 'x'.repeat(16) },
      { ...header, sha256: hex },
      { ...header, shipped: 'x' },
      { ...header, files: [['a', '12', hex]] },
      { ...header, files: [['a', 12, 'nothex']] },
      { ...header, files: [['a', 12]] },
      { ...header, files: {} },
    ];
    for (const value of bad) expect(isCacheHeader(value), JSON.stringify(value)).toBe(false);
  });
});
