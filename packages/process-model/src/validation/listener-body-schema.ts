import { regexProblem } from '../text/regex.ts';

/** How deep a listener's body schema may nest (JSON levels). */
export const MAX_BODY_SCHEMA_DEPTH = 64;

export interface BodySchemaProblem {
  /** Path from the schema's root, for a JSON pointer. */
  path: (string | number)[];
  code: string;
  message: string;
}

/** Keywords whose value is a regular expression, and those whose keys are. */
const PATTERN_VALUE = new Set(['pattern']);
const PATTERN_KEYS = new Set(['patternProperties']);

/**
 * What a listener's JSON Schema may not do, found without running it: patterns
 * RE2 cannot run (the server matches them on RE2), remote `$ref`s (nothing is
 * fetched), `uniqueItems` (compares every pair of items: quadratic in the body)
 * and nesting deeper than MAX_BODY_SCHEMA_DEPTH. Iterative, so any input is safe.
 */
export function bodySchemaProblems(schema: unknown): BodySchemaProblem[] {
  const problems: BodySchemaProblem[] = [];
  const stack: { value: unknown; path: (string | number)[]; key: string | undefined }[] = [
    { value: schema, path: [], key: undefined },
  ];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { value, path } = top;
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    if (path.length > MAX_BODY_SCHEMA_DEPTH) {
      problems.push({
        path,
        code: 'listen.schema-too-deep',
        message: `The body schema nests deeper than ${MAX_BODY_SCHEMA_DEPTH} levels.`,
      });
      break;
    }
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, child] of entries) {
      const at = [...path, key];
      // Keys of `properties` and the like are data names, not keywords.
      const keyword = !Array.isArray(value) && !isNameMap(top.key);
      if (keyword) {
        checkKeyword(String(key), child, at, problems);
      }
      if (PATTERN_KEYS.has(String(top.key)) && !Array.isArray(value)) {
        const problem = regexProblem(String(key));
        if (problem !== null) {
          problems.push({ path: at, code: 'listen.schema-pattern', message: regexText(problem) });
        }
      }
      // Values of enum, const, default and examples are data: never read as schemas.
      if (!(keyword && DATA_KEYWORDS.has(String(key)))) {
        stack.push({ value: child, path: at, key: keyword ? String(key) : undefined });
      }
    }
  }
  return problems;
}

const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);

function isNameMap(keyword: string | undefined): boolean {
  return keyword !== undefined && NAME_MAPS.has(keyword);
}

function regexText(problem: string): string {
  return `This pattern cannot run on the linear-time engine: ${problem}`;
}

function checkKeyword(
  key: string,
  value: unknown,
  path: (string | number)[],
  problems: BodySchemaProblem[],
): void {
  if (PATTERN_VALUE.has(key) && typeof value === 'string') {
    const problem = regexProblem(value);
    if (problem !== null) {
      problems.push({ path, code: 'listen.schema-pattern', message: regexText(problem) });
    }
  } else if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string') {
    if (!value.startsWith('#')) {
      problems.push({
        path,
        code: 'listen.schema-remote-ref',
        message: 'Only references inside this schema (#/…) are allowed; nothing is fetched.',
      });
    }
  } else if (key === 'uniqueItems' && value === true) {
    problems.push({
      path,
      code: 'listen.schema-unique-items',
      message:
        'uniqueItems is not supported: it compares every pair of items, too slow on a large body.',
    });
  }
}
