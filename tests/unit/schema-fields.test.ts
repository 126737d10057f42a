import { describe, expect, it } from 'vitest';
import { jsonSchema, SCHEMA_KINDS } from '../../src/content/json-schema.js';
import { promptSchema, rubricSchema } from '../../src/content/schema.js';
import { fieldsAt } from '../../src/content/schema-fields.js';

/**
 * The "did you mean" field names for unknown YAML keys come from the zod schemas (schema-fields.ts), not a
 * hand-kept list: at every object of a content file they are exactly the fields the schema accepts there.
 */
interface JsonNode {
  type?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  anyOf?: JsonNode[];
}

/** Every object of a JSON Schema, with the path (field names, 0 for an array element) that leads to it. */
function objectsIn(node: JsonNode, path: Array<string | number> = []): Array<{ path: Array<string | number>; fields: string[] }> {
  const found: Array<{ path: Array<string | number>; fields: string[] }> = [];
  if (node.properties) {
    found.push({ path, fields: Object.keys(node.properties).sort() });
    for (const [key, child] of Object.entries(node.properties)) found.push(...objectsIn(child, [...path, key]));
  }
  if (node.items) found.push(...objectsIn(node.items, [...path, 0]));
  for (const option of node.anyOf ?? []) found.push(...objectsIn(option, path));
  return found;
}

describe.each(SCHEMA_KINDS)('the field names of a %s', (kind) => {
  const schema = kind === 'prompt' ? promptSchema : rubricSchema;
  const objects = objectsIn(jsonSchema(kind) as JsonNode);

  it('are read off the schema at every nested object', () => {
    expect(objects.length).toBeGreaterThan(kind === 'prompt' ? 2 : 5);
    for (const { path, fields } of objects) expect([...fieldsAt(schema, path)].sort(), path.join('.') || '(top)').toEqual(fields);
  });

  it('are none where the path leads to no object', () => {
    expect(fieldsAt(schema, ['id'])).toEqual([]);
    expect(fieldsAt(schema, ['no-such-field'])).toEqual([]);
  });
});
