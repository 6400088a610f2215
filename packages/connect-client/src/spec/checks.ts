/**
 * The per-part checks of the validator: query parameters (next to RQL), request bodies (JSON or
 * multipart) and response bodies, plus the Ajv instance they share.
 */

import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SpecIssue } from './issues.ts';
import { COMPONENTS_ID, normaliseSchema } from './normalise-schema.ts';
import type { OpenApiDocument, ResponseObject, SchemaObject } from './openapi-types.ts';
import { collectFormats, type ResolvedOperation, resolveRef } from './resolve-operation.ts';

/** Validates `data` against `schema`, returning Ajv's errors (compiled once by the caller). */
export type Check = (schema: unknown, data: unknown) => ErrorObject[];

// TypeScript sees the CommonJS module object; at run time Node hands over the plugin itself,
// which carries itself as `.default` too.
const addFormats = addFormatsModule.default;

/** Ajv with both component sets registered and every format of the spec known. */
export function createAjv(document: OpenApiDocument): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Connect's own loose "datetime" (it also writes `2023-04-28 11:36:38+00:00`).
  ajv.addFormat('datetime', (value: string) => !Number.isNaN(Date.parse(value)));
  for (const format of collectFormats(document)) {
    if (!(format in ajv.formats)) {
      // Formats JSON Schema has no checker for (binary, a MIME type…) are annotations.
      ajv.addFormat(format, true);
    }
  }
  const resolve = resolveRef(document);
  for (const direction of ['request', 'response'] as const) {
    const schemas = Object.fromEntries(
      Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [
        name,
        normaliseSchema(schema, direction, resolve),
      ]),
    );
    ajv.addSchema({ $id: COMPONENTS_ID[direction], components: { schemas } });
  }
  return ajv;
}

/** Ajv's message with the detail that makes it actionable. */
export function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'enum'
      ? ` (${JSON.stringify(params['allowedValues'])})`
      : error.keyword === 'additionalProperties'
        ? ` (${String(params['additionalProperty'])})`
        : '';
  return `${error.message ?? error.keyword}${detail}`;
}

export function bodyIssue(error: ErrorObject): SpecIssue {
  const missing = error.keyword === 'required' ? error.params['missingProperty'] : undefined;
  return {
    location: 'body',
    // A missing property is pointed at where it should be, so deviations can name it.
    pointer: typeof missing === 'string' ? `${error.instancePath}/${missing}` : error.instancePath,
    keyword: error.keyword,
    message: `${error.instancePath || '/'} ${describe(error)}`,
  };
}

/** Ajv's errors as issues; a failed discriminator branch already reports its own errors. */
export function bodyIssues(errors: readonly ErrorObject[]): SpecIssue[] {
  return errors.filter((error) => error.keyword !== 'if').map(bodyIssue);
}

export function parameterIssue(where: string, name: string, message: string): SpecIssue {
  return {
    location: where === 'path' ? 'path' : 'query',
    pointer: name,
    keyword: 'parameter',
    message: `${where} parameter ${name} ${message}`,
  };
}

/**
 * The value of `name` among the `key=value` terms of a Connect query. RQL calls (`eq(a,b)`,
 * `select(…)`) are not parameters; the shorthand `status=ne=draft` carries an operator that is
 * stripped, and list operators (`in=(a,b)`) are not checked.
 */
export function queryValue(query: string, name: string): string | undefined {
  for (const term of query.split('&')) {
    const equals = term.indexOf('=');
    if (equals <= 0 || term.slice(0, equals).includes('(')) {
      continue;
    }
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(term.slice(0, equals));
      value = decodeURIComponent(term.slice(equals + 1));
    } catch {
      continue;
    }
    if (key !== name) {
      continue;
    }
    const shorthand = /^(eq|ne|gt|ge|lt|le|like|ilike|in|out)=(.*)$/.exec(value);
    if (shorthand?.[1] === 'in' || shorthand?.[1] === 'out') {
      continue;
    }
    return shorthand ? (shorthand[2] ?? '') : value;
  }
  return undefined;
}

/** Query strings carry text; parameters declare numbers and booleans. */
export function coerce(value: string, schema: SchemaObject | undefined): unknown {
  const type = schema?.['type'];
  if (
    (type === 'integer' || type === 'number') &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  ) {
    return Number(value);
  }
  if (type === 'boolean' && (value === 'true' || value === 'false')) {
    return value === 'true';
  }
  return value;
}

/** fetch sends JSON as text; everything else is taken as already decoded. */
export function parseJson(body: unknown): unknown {
  if (typeof body !== 'string') {
    return body;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** Multipart fields as an object: files become '' (their schemas say `format: binary`). */
function formToObject(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  form.forEach((value, name) => {
    fields[name] = typeof value === 'string' ? value : '';
  });
  return fields;
}

export function checkRequestBody(
  operation: ResolvedOperation,
  body: unknown,
  check: Check,
): SpecIssue[] {
  const content = operation.requestBody?.content ?? {};
  const issue = (message: string): SpecIssue[] => [
    { location: 'body', pointer: '', keyword: 'content', message },
  ];
  if (body === undefined || body === null) {
    return operation.requestBody?.required ? issue('a request body is required') : [];
  }
  if (!operation.requestBody) {
    return issue('the operation takes no request body');
  }
  const isForm = body instanceof FormData;
  const mediaType = isForm ? 'multipart/form-data' : 'application/json';
  const media = content[mediaType];
  if (!media) {
    return issue(`${mediaType} is not accepted (accepted: ${Object.keys(content).join(', ')})`);
  }
  const data = isForm ? formToObject(body) : parseJson(body);
  return bodyIssues(check(media.schema ?? {}, data));
}

export function checkResponseBody(
  response: ResponseObject,
  body: unknown,
  check: Check,
): SpecIssue[] {
  const content = response.content ?? {};
  const json = Object.entries(content).find(([type]) => type.includes('json'))?.[1];
  const empty =
    body === undefined || body === '' || (body instanceof Uint8Array && body.length === 0);
  if (empty) {
    const needsBody = json?.schema !== undefined && Object.keys(json.schema).length > 0;
    return needsBody
      ? [
          {
            location: 'body',
            pointer: '',
            keyword: 'content',
            message: 'the response has no body but the spec declares one',
          },
        ]
      : [];
  }
  if (Object.keys(content).length === 0) {
    return [
      {
        location: 'body',
        pointer: '',
        keyword: 'content',
        message: 'the spec declares no body for this status',
      },
    ];
  }
  const data = parseJson(body);
  if (typeof data === 'string' || data instanceof Uint8Array) {
    // Markdown renders and spreadsheet downloads: only JSON bodies have schemas to check.
    return json && Object.keys(content).length === 1
      ? [{ location: 'body', pointer: '', keyword: 'content', message: 'expected a JSON body' }]
      : [];
  }
  return json ? bodyIssues(check(json.schema ?? {}, data)) : [];
}
