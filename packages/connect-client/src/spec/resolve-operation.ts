/**
 * Reads one operation out of the raw document with its `$ref`s to components/parameters,
 * components/requestBodies and components/responses followed (schema refs stay for Ajv).
 */

import type {
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  Reference,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from './openapi-types.ts';

/** An operation reduced to what validation needs. */
export interface ResolvedOperation {
  parameters: ParameterObject[];
  requestBody: RequestBodyObject | undefined;
  /** Responses by status code string (`'200'`, `'default'`). */
  responses: Map<string, ResponseObject>;
}

function follow<T>(document: OpenApiDocument, value: T | Reference): T {
  if (typeof value === 'object' && value !== null && '$ref' in value) {
    const target = value.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>(
        (node, part) =>
          typeof node === 'object' && node !== null
            ? (node as Record<string, unknown>)[part]
            : undefined,
        document,
      );
    if (target === undefined) {
      throw new Error(`Unresolvable $ref ${value.$ref} in the Connect spec`);
    }
    return target as T;
  }
  return value;
}

/** Resolves `method` on `template`; throws when the spec has no such operation. */
export function resolveOperation(
  document: OpenApiDocument,
  template: string,
  method: string,
): ResolvedOperation {
  const item = document.paths[template];
  const operation = item?.[method.toLowerCase() as 'get'] as OperationObject | undefined;
  if (!item || !operation) {
    throw new Error(`The spec has no ${method} ${template}`);
  }
  // Operation-level parameters override path-level ones with the same name and location.
  const byKey = new Map<string, ParameterObject>();
  for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const resolved = follow(document, parameter);
    byKey.set(`${resolved.in}:${resolved.name}`, resolved);
  }
  return {
    parameters: [...byKey.values()],
    requestBody: operation.requestBody ? follow(document, operation.requestBody) : undefined,
    responses: new Map(
      Object.entries(operation.responses ?? {}).map(([status, response]) => [
        status,
        follow(document, response),
      ]),
    ),
  };
}

/** `#/components/schemas/<name>` → the raw schema (for readOnly and discriminator lookups). */
export function resolveRef(document: OpenApiDocument): (ref: string) => SchemaObject | undefined {
  const schemas = document.components?.schemas ?? {};
  return (ref) =>
    ref.startsWith('#/components/schemas/')
      ? schemas[ref.slice('#/components/schemas/'.length)]
      : undefined;
}

/** Every `format` value used anywhere in the document. */
export function collectFormats(document: OpenApiDocument): Set<string> {
  const formats = new Set<string>();
  JSON.stringify(document, (key, value: unknown) => {
    if (key === 'format' && typeof value === 'string') {
      formats.add(value);
    }
    return value;
  });
  return formats;
}
