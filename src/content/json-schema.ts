import { z } from 'zod';
import { promptSchema, rubricSchema } from './schema.js';

/** JSON Schemas for editors, generated from the zod schemas so the two never disagree. */
export const SCHEMA_KINDS = ['prompt', 'rubric'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const schema = z.toJSONSchema(kind === 'prompt' ? promptSchema : rubricSchema, { io: 'input' });
  return {
    ...schema,
    $id: `https://github.com/mlsd/mlsd/schemas/${kind}.schema.json`,
    title: kind === 'prompt' ? 'mlsd prompt' : 'mlsd rubric',
    description: `An mlsd ${kind} file. See docs/content-format.md.`,
  };
}
