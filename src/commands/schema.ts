import { jsonSchema, type SchemaKind } from '../content/json-schema.js';
import { EXIT } from '../errors.js';
import type { Io } from './command-io.js';

export function schemaCommand(kind: SchemaKind, io: Io): number {
  io.stdout.write(`${JSON.stringify(jsonSchema(kind), null, 2)}\n`);
  return EXIT.ok;
}
