import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCheck, type CheckSource } from '../../scripts/generate-checks.js';
import { cacheHeaderSchema } from '../../src/files/cache-schema.js';
import { isCacheHeader } from '../../src/files/cache-header-check.generated.js';
import { lockOwnerSchema } from '../../src/store/session-lock-schema.js';
import { codeCacheHeaderSchema } from '../../src/files/code-cache-schema.js';
import { isCodeCacheHeader } from '../../src/files/code-cache-check.generated.js';
import { indexCheckSchema } from '../../src/store/index-check-schema.js';
import { isIndexCheck } from '../../src/store/index-check-check.generated.js';
import { isLockOwner } from '../../src/store/session-lock-check.generated.js';

// Checks generated from zod schemas (scripts/generate-checks.ts) are checked in; this keeps them current
// (UPDATE_GENERATED=1, i.e. `npm run generate`, rewrites them) and equal to their schema.
const root = new URL('../..', import.meta.url).pathname;
const GENERATED: Array<CheckSource & { file: string }> = [
  { file: 'src/files/cache-header-check.generated.ts', name: 'isCacheHeader', schema: cacheHeaderSchema, from: './cache-schema.js', schemaFile: 'src/files/cache-schema.ts', schemaName: 'cacheHeaderSchema', typeName: 'CacheHeader' },
  { file: 'src/store/session-lock-check.generated.ts', name: 'isLockOwner', schema: lockOwnerSchema, from: './session-lock-schema.js', schemaFile: 'src/store/session-lock-schema.ts', schemaName: 'lockOwnerSchema', typeName: 'LockOwner' },
  { file: 'src/files/code-cache-check.generated.ts', name: 'isCodeCacheHeader', schema: codeCacheHeaderSchema, from: './code-cache-schema.js', schemaFile: 'src/files/code-cache-schema.ts', schemaName: 'codeCacheHeaderSchema', typeName: 'CodeCacheHeader' },
  { file: 'src/store/index-check-check.generated.ts', name: 'isIndexCheck', schema: indexCheckSchema, from: './index-check-schema.js', schemaFile: 'src/store/index-check-schema.ts', schemaName: 'indexCheckSchema', typeName: 'IndexCheck' },
];

describe('generated checks', () => {
  for (const g of GENERATED) {
    it(`${g.file} is what its zod schema generates (npm run generate rewrites it)`, () => {
      const text = generateCheck(g);
      if (process.env.UPDATE_GENERATED) writeFileSync(join(root, g.file), text);
      expect(readFileSync(join(root, g.file), 'utf8')).toBe(text);
    });
  }

  const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
  // A valid header, then at most one change of one field: the near misses are where two checks can differ.
  const valid = fc.record(
    { cache: fc.string(), format: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), version: fc.string(), key: hex, checksum: hex, files: fc.array(fc.tuple(fc.string(), fc.integer(), hex), { maxLength: 3 }), shipped: hex },
    { requiredKeys: ['cache', 'format', 'version', 'key', 'checksum'] },
  );
  const nearValue = fc.oneof(
    hex.map((h) => h.toUpperCase()),
    hex.map((h) => h.slice(1)),
    hex.map((h) => `${h}0`),
    hex.map((h) => ` ${h}`),
    fc.constantFrom(null, true, 0, 1.5, '', '3', [], {}),
    fc.array(fc.oneof(fc.tuple(fc.string(), fc.integer(), hex.map((h) => h.toUpperCase())), fc.tuple(fc.string(), fc.string(), hex), fc.tuple(fc.string(), fc.integer()), fc.tuple(fc.string(), fc.integer(), hex, fc.string())), { minLength: 1, maxLength: 2 }),
  );
  const field = fc.constantFrom('cache', 'format', 'version', 'key', 'checksum', 'files', 'shipped', 'extra');
  const header = fc.tuple(valid, fc.oneof(fc.constant(null), fc.tuple(field, fc.oneof(nearValue, fc.constant(undefined))))).map(([h, change]) => {
    if (!change) return h;
    const out: Record<string, unknown> = { ...h };
    if (change[1] === undefined) delete out[change[0]];
    else out[change[0]] = change[1];
    return out;
  });

  it('isCacheHeader accepts exactly what cacheHeaderSchema accepts', () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: header, weight: 4 }, { arbitrary: fc.anything(), weight: 1 }), (value) => {
        // Through JSON, as the headers are read (no undefined, NaN or -0 survives it).
        const json = JSON.stringify(value);
        const data: unknown = json === undefined ? null : JSON.parse(json);
        expect(isCacheHeader(data)).toBe(cacheHeaderSchema.safeParse(data).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('isCacheHeader accepts a real header and refuses each kind of damage', () => {
    const good = { cache: 'content', format: 3, version: '0.1.0', key: 'a'.repeat(16), checksum: 'b'.repeat(16), files: [['x.yaml', 10, 'c'.repeat(16)]], shipped: 'd'.repeat(16) };
    expect(isCacheHeader(good)).toBe(true);
    for (const bad of [{ ...good, key: 'A'.repeat(16) }, { ...good, key: 'a'.repeat(64) }, { ...good, shipped: 'd'.repeat(15) }, { ...good, extra: 1 }, { ...good, format: '3' }, { ...good, files: [['x', 1]] }, { cache: 'content' }, [], null, 'header']) {
      expect(isCacheHeader(bad)).toBe(false);
    }
  });

  it('isLockOwner accepts exactly what lockOwnerSchema accepts', () => {
    const start = fc.record({ bootId: fc.oneof(fc.uuid(), fc.string(), fc.integer()), startTicks: fc.oneof(fc.integer({ min: 0 }), fc.integer(), fc.double(), fc.string()), extra: fc.anything() }, { requiredKeys: [] });
    const owner = fc.record({ pid: fc.oneof(fc.integer({ min: 1 }), fc.integer(), fc.double(), fc.string()), host: fc.oneof(fc.string(), fc.integer()), startedAt: fc.oneof(fc.string(), fc.constant(null)), processStart: fc.oneof(start, fc.constant(null), fc.string()), extra: fc.anything() }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(owner, fc.anything()), (value) => {
        const json = JSON.stringify(value);
        const data: unknown = json === undefined ? null : JSON.parse(json);
        expect(isLockOwner(data)).toBe(lockOwnerSchema.safeParse(data).success);
      }),
      { numRuns: 3000 },
    );
    expect(isLockOwner({ pid: 12, host: 'h', startedAt: '2026-11-30T10:00:00Z' })).toBe(true);
    // A lock from before the owner's process start was recorded is still read; a damaged start is not.
    expect(isLockOwner({ pid: 12, host: 'h', startedAt: '2026-11-30T10:00:00Z', processStart: { bootId: 'b', startTicks: 2849740 } })).toBe(true);
    for (const bad of [{ pid: 0, host: 'h', startedAt: 'x' }, { pid: 1.5, host: 'h', startedAt: 'x' }, { pid: 3, host: 'h' }, { pid: '3', host: 'h', startedAt: 'x' }, { pid: 3, host: 'h', startedAt: 'x', processStart: { bootId: 'b', startTicks: -1 } }, { pid: 3, host: 'h', startedAt: 'x', processStart: { bootId: 'b' } }, { pid: 3, host: 'h', startedAt: 'x', processStart: null }]) expect(isLockOwner(bad)).toBe(false);
  });

  it('isCodeCacheHeader accepts exactly what codeCacheHeaderSchema accepts', () => {
    const int = fc.oneof(fc.integer(), fc.double(), fc.string());
    const chunk = fc.record({ name: fc.oneof(fc.string(), fc.integer()), length: int, source: int, size: int, data: int, extra: fc.anything() }, { requiredKeys: [] });
    const header = fc.record({ format: int, node: fc.oneof(fc.string(), fc.integer()), chunks: fc.oneof(fc.array(chunk, { maxLength: 3 }), chunk, fc.anything()), extra: fc.anything() }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(header, fc.anything()), (value) => {
        const json = JSON.stringify(value);
        const data: unknown = json === undefined ? null : JSON.parse(json);
        expect(isCodeCacheHeader(data)).toBe(codeCacheHeaderSchema.safeParse(data).success);
      }),
      { numRuns: 3000 },
    );
    const good = { name: 'cli.cjs', length: 10, source: 4294967295, size: 20, data: 0 };
    expect(isCodeCacheHeader({ format: 2, node: 'v20.20.2', chunks: [good, { ...good, name: 'score-x.cjs' }] })).toBe(true);
    expect(isCodeCacheHeader({ format: 2, node: 'v20.20.2', chunks: [] })).toBe(true);
    for (const bad of [{ ...good, source: 1.5 }, { ...good, size: '20' }, { ...good, extra: 1 }, { length: 10, source: 1, size: 2, data: 3 }]) {
      expect(isCodeCacheHeader({ format: 2, node: 'v20.20.2', chunks: [good, bad] })).toBe(false);
    }
    expect(isCodeCacheHeader({ format: 1, node: 'v20.20.2', length: 10, source: 4294967295, data: 0 })).toBe(false);
  });

  it('isIndexCheck accepts exactly what indexCheckSchema accepts', () => {
    const num = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string());
    const check = fc.record({ seal: fc.oneof(fc.string(), fc.integer()), dir: fc.oneof(fc.tuple(num, num, num), fc.array(num)), trusted: fc.oneof(fc.boolean(), fc.integer()), next: fc.oneof(fc.string(), fc.constant(null), fc.integer()), at: num, extra: fc.anything() }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(check, fc.anything()), (value) => {
        const json = JSON.stringify(value);
        const data: unknown = json === undefined ? null : JSON.parse(json);
        expect(isIndexCheck(data)).toBe(indexCheckSchema.safeParse(data).success);
      }),
      { numRuns: 3000 },
    );
    expect(isIndexCheck({ seal: 'ab', dir: [1.5, 2, 3], trusted: true, next: null, at: 0 })).toBe(true);
    expect(isIndexCheck({ seal: 'ab', dir: [1, 2, 3], trusted: true, next: 'x.json', at: -1 })).toBe(false);
  });
});
