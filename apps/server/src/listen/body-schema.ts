import {
  bodySchemaProblems,
  compileRegex,
  type HttpListener,
  type ProcessDocument,
  pointerOf,
  readJson,
  type ValidationIssue,
} from '@junction/process-model';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { HttpError } from '../errors.ts';

/**
 * Ajv's patterns run on RE2 (process-model's compileRegex): a body can never make
 * a schema's `pattern` or `patternProperties` backtrack. Ajv takes the engine
 * through `code.regExp`; the engine needs a `code` name only for standalone code.
 */
const re2Engine = Object.assign(
  (pattern: string, flags: string) => {
    const regex = compileRegex(pattern, flags);
    return { test: (text: string) => regex.test(text) };
  },
  { code: 'compileRegex' },
);

/**
 * Strict, so an unknown keyword or a typo is an error when the process is checked,
 * not a schema that silently accepts everything. Formats are informative (no
 * ajv-formats: some of its patterns are not linear); remote `$ref`s are never loaded.
 */
const ajv = new Ajv({
  strict: true,
  allErrors: false,
  validateFormats: false,
  code: { regExp: re2Engine },
});

/** Compiled validators by deployment (or test token): compiled once, not per call. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

/** Why ajv cannot compile `schema`, or null. */
export function bodySchemaCompileProblem(schema: Record<string, unknown>): string | null {
  try {
    ajv.compile(schema);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    // Compiling adds the schema by its $id, if any; keep nothing of a mere check.
    ajv.removeSchema(schema);
  }
}

function validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
  const found = compiled.get(key);
  if (found) {
    return found;
  }
  const validate = ajv.compile(schema);
  ajv.removeSchema(schema);
  if (compiled.size >= MAX_COMPILED) {
    compiled.delete(compiled.keys().next().value as string);
  }
  compiled.set(key, validate);
  return validate;
}

/** JSON pointer of the failing value, or of the object missing a required member. */
function issueOf(error: ErrorObject) {
  const missing = error.keyword === 'required' ? String(error.params['missingProperty']) : '';
  const pointer = missing === '' ? error.instancePath : `${error.instancePath}/${missing}`;
  return {
    severity: 'error' as const,
    code: `body.${error.keyword}`,
    message: `${pointer === '' ? 'The body' : pointer} ${error.message ?? 'is not valid'}`,
    pointer,
  };
}

/**
 * Checks a call's body against the listener's JSON Schema. The body is read by the
 * server's one JSON reader (depth-limited, no `__proto__` keys), so a recursive
 * schema never meets deeper data than the stack can take. 400 says where.
 */
export function checkBody(key: string, listener: HttpListener, body: string): void {
  if (listener.bodySchema === undefined) {
    return;
  }
  const read = readJson(body, { forbidPrototypeKeys: true });
  if (!read.ok) {
    throw new HttpError(
      400,
      'invalid-json',
      `The body is not valid JSON: ${read.issues[0]?.message}`,
      {
        issues: read.issues,
      },
    );
  }
  const validate = validatorFor(key, listener.bodySchema);
  if (!validate(read.value)) {
    const issues = (validate.errors ?? []).map(issueOf);
    throw new HttpError(
      400,
      'invalid-body',
      `The body does not match the listener's schema: ${issues[0]?.message}`,
      {
        issues,
      },
    );
  }
}

/** A Listen Start's body schema, read defensively: validation also sees bodies of any shape. */
function listenSchemaOf(shape: unknown): Record<string, unknown> | undefined {
  const { kind, config } = (shape ?? {}) as { kind?: unknown; config?: unknown };
  const { mode, listener } = (config ?? {}) as { mode?: unknown; listener?: unknown };
  const schema = (listener as { bodySchema?: unknown } | null | undefined)?.bodySchema;
  return kind === 'start' && mode === 'listen' && typeof schema === 'object' && schema !== null
    ? (schema as Record<string, unknown>)
    : undefined;
}

/**
 * What only the compiler finds in a Listen Start's body schema (unknown keywords,
 * wrong keyword values, unresolvable local `$ref`s), as issues at the schema.
 */
export function bodySchemaIssues(document: ProcessDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const shapes = (document as { shapes?: unknown } | null)?.shapes;
  if (typeof shapes !== 'object' || shapes === null) {
    return issues;
  }
  for (const [id, shape] of Object.entries(shapes)) {
    const schema = listenSchemaOf(shape);
    // What the model's validation already points at (a pattern RE2 refuses) is not said twice.
    const problem =
      schema === undefined || bodySchemaProblems(schema).length > 0
        ? null
        : bodySchemaCompileProblem(schema);
    if (problem !== null) {
      issues.push({
        severity: 'error',
        code: 'listen.schema-invalid',
        message: `The body schema cannot be used: ${problem}`,
        pointer: pointerOf('shapes', id, 'config', 'listener', 'bodySchema'),
        shapeId: id,
      });
    }
  }
  return issues;
}
