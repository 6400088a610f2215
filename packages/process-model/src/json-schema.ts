import { ProcessDocumentSchema } from './schema/process.ts';

/** The published JSON Schema of the process file, as committed in schema/process.schema.json. */
export function processJsonSchemaText(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...ProcessDocumentSchema }, null, 2)}\n`;
}
