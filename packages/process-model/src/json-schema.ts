import { ProcessDocumentSchema } from './schema/process.ts';

/**
 * TypeBox writes a recursive type (the profiles) as `{ $defs, $ref: 'Name' }` in
 * place, with inner `$ref: 'Name'`; draft-07 validators resolve `$ref` as a URI, so
 * the published file hoists those definitions to the root `definitions` and points
 * at them with `#/definitions/Name`.
 */
function hoistDefinitions(schema: unknown): unknown {
  const definitions: Record<string, unknown> = {};
  const names = new Set<string>();
  const collect = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) {
      return;
    }
    const record = node as Record<string, unknown>;
    const defs = record['$defs'];
    if (typeof defs === 'object' && defs !== null) {
      for (const name of Object.keys(defs)) {
        names.add(name);
      }
    }
    for (const value of Object.values(record)) {
      collect(value);
    }
  };
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.map(rewrite);
    }
    if (typeof node !== 'object' || node === null) {
      return node;
    }
    const { $defs, ...rest } = node as Record<string, unknown>;
    if (typeof $defs === 'object' && $defs !== null) {
      for (const [name, def] of Object.entries($defs)) {
        // A definition's own `$id` would re-base its `#/definitions/…` references.
        const { $id: _, ...body } = def as Record<string, unknown>;
        definitions[name] ??= rewrite(body);
      }
    }
    const ref = rest['$ref'];
    if (typeof ref === 'string' && names.has(ref)) {
      rest['$ref'] = `#/definitions/${ref}`;
    }
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, rewrite(v)]));
  };
  collect(schema);
  const root = rewrite(schema) as Record<string, unknown>;
  return Object.keys(definitions).length > 0 ? { ...root, definitions } : root;
}

/** The published JSON Schema of the process file, as committed in schema/process.schema.json. */
export function processJsonSchemaText(): string {
  const schema = hoistDefinitions(ProcessDocumentSchema);
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...(schema as object) }, null, 2)}\n`;
}
