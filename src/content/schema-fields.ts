import { z } from 'zod';

/**
 * Field names read off a zod schema, so that "did you mean" suggestions for unknown YAML keys follow the
 * schemas instead of a hand-kept list. Only the wrappers our content schemas use are unwrapped: optional,
 * default, nullable, arrays and (strict) objects.
 */

type Step = string | number;

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}

/**
 * The field names of the object that `path` leads to inside `schema`: string steps enter object fields,
 * number steps enter array elements. `[]` when the path leads to no object (a scalar, or a field the
 * schema does not have).
 */
export function fieldsAt(schema: z.ZodType, path: readonly Step[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const step of path) {
    if (!current) return [];
    if (typeof step === 'number' && current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else if (typeof step === 'string' && current instanceof z.ZodObject) {
      const next: z.ZodType | undefined = (current.shape as Record<string, z.ZodType | undefined>)[step];
      current = next ? unwrap(next) : undefined;
    } else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape as Record<string, unknown>) : [];
}
