import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchema, SCHEMA_KINDS } from '../../src/content/json-schema.js';

const root = new URL('../..', import.meta.url).pathname;

describe.each(SCHEMA_KINDS)('the %s JSON Schema', (kind) => {
  const generated = jsonSchema(kind);
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(generated);

  it('is committed in schemas/ exactly as generated (run `mlsd schema` to refresh)', () => {
    expect(JSON.parse(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8'))).toEqual(generated);
  });

  it('accepts every built-in file', () => {
    const dir = join(root, `${kind}s`);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const ok = validate(parse(readFileSync(join(dir, file), 'utf8')));
      expect(ok, `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects unknown fields and wrong values', () => {
    const dir = join(root, `${kind}s`);
    const sample = parse(readFileSync(join(dir, readdirSync(dir).filter((f) => f.endsWith('.yaml'))[0]!), 'utf8')) as Record<string, unknown>;
    expect(validate({ ...sample, colour: 'blue' })).toBe(false);
    expect(validate({ ...sample, id: 'Not Kebab' })).toBe(false);
  });
});
