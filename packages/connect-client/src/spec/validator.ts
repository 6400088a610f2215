/**
 * Validates requests and responses against the official Connect spec with Ajv 8. Schemas are
 * compiled lazily, once per (method, path template, part), so a test file pays only for the
 * operations it touches.
 */

import type { ErrorObject, ValidateFunction } from 'ajv';
import {
  bodyIssues,
  checkRequestBody,
  checkResponseBody,
  coerce,
  createAjv,
  describe,
  parameterIssue,
  parseJson,
  queryValue,
} from './checks.ts';
import {
  CONNECT_ERROR_BODY_SCHEMA,
  SPEC_DEVIATIONS,
  type SpecDeviation,
  STATUS_ALIASES,
  type StatusAlias,
} from './deviations.ts';
import type { RequestToValidate, ResponseToValidate, SpecIssue } from './issues.ts';
import { type Direction, normaliseSchema } from './normalise-schema.ts';
import type { OpenApiDocument, SchemaObject } from './openapi-types.ts';
import { createPathMatcher, type MatchedOperation, queryString } from './path-matcher.ts';
import { type ResolvedOperation, resolveOperation, resolveRef } from './resolve-operation.ts';

/** What {@link createSpecValidator} returns. */
export interface SpecValidator {
  matchOperation(method: string, url: string): MatchedOperation | undefined;
  validateRequest(request: RequestToValidate): SpecIssue[];
  validateResponse(response: ResponseToValidate): SpecIssue[];
}

export interface SpecValidatorOptions {
  deviations?: readonly SpecDeviation[];
  statusAliases?: readonly StatusAlias[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Builds a validator over an already parsed spec document. */
export function createSpecValidator(
  document: OpenApiDocument,
  options: SpecValidatorOptions = {},
): SpecValidator {
  const deviations = options.deviations ?? SPEC_DEVIATIONS;
  const aliases = options.statusAliases ?? STATUS_ALIASES;
  const ajv = createAjv(document);
  const match = createPathMatcher(
    Object.entries(document.paths).map(([template, item]) => [
      template,
      new Map(
        METHODS.flatMap((method) => {
          const operation = item[method];
          return operation ? [[method.toUpperCase(), operation.operationId] as const] : [];
        }),
      ),
    ]),
  );
  const operations = new Map<string, ResolvedOperation>();
  const validators = new Map<string, ValidateFunction>();

  const operationFor = (matched: MatchedOperation): ResolvedOperation => {
    const key = `${matched.method} ${matched.template}`;
    let resolved = operations.get(key);
    if (!resolved) {
      resolved = resolveOperation(document, matched.template, matched.method);
      operations.set(key, resolved);
    }
    return resolved;
  };
  const resolve = resolveRef(document);
  const check = (
    key: string,
    schema: unknown,
    direction: Direction,
    data: unknown,
  ): ErrorObject[] => {
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(normaliseSchema(schema, direction, resolve) as SchemaObject);
      validators.set(key, validate);
    }
    return validate(data) ? [] : (validate.errors ?? []);
  };
  const unknownOperation = (method: string, url: string): SpecIssue[] => [
    {
      location: 'operation',
      pointer: '',
      keyword: 'operation',
      message: `the spec has no operation ${method.toUpperCase()} ${url}`,
    },
  ];
  const allowed = (matched: MatchedOperation, direction: Direction, issues: SpecIssue[]) =>
    issues.filter(
      (issue) =>
        !deviations.some(
          (deviation) =>
            deviation.direction === direction &&
            deviation.location === issue.location &&
            (deviation.method === '*' || deviation.method === matched.method) &&
            deviation.path.test(matched.template) &&
            (deviation.pointer === undefined || deviation.pointer.test(issue.pointer)) &&
            (deviation.keyword === undefined || deviation.keyword === issue.keyword),
        ),
    );

  return {
    matchOperation: match,

    validateRequest({ method, url, body }) {
      const matched = match(method, url);
      if (!matched) {
        return unknownOperation(method, url);
      }
      const operation = operationFor(matched);
      const key = `request ${matched.method} ${matched.template}`;
      const issues: SpecIssue[] = [];
      for (const parameter of operation.parameters) {
        const value =
          parameter.in === 'path'
            ? matched.params[parameter.name]
            : parameter.in === 'query'
              ? queryValue(queryString(url), parameter.name)
              : undefined;
        if (value === undefined) {
          if (parameter.required && parameter.in !== 'header' && parameter.in !== 'cookie') {
            issues.push(parameterIssue(parameter.in, parameter.name, 'is required'));
          }
          continue;
        }
        const coerced = coerce(value, parameter.schema);
        const errors = check(
          `${key} ${parameter.in}:${parameter.name}`,
          parameter.schema ?? {},
          'request',
          coerced,
        );
        for (const error of errors) {
          issues.push(parameterIssue(parameter.in, parameter.name, `${value}: ${describe(error)}`));
        }
      }
      issues.push(
        ...checkRequestBody(operation, body, (schema, data) =>
          check(`${key} body`, schema, 'request', data),
        ),
      );
      return allowed(matched, 'request', issues);
    },

    validateResponse({ method, url, status, body }) {
      const matched = match(method, url);
      if (!matched) {
        return unknownOperation(method, url);
      }
      const operation = operationFor(matched);
      const alias = aliases.find(
        (entry) =>
          entry.status === status &&
          entry.path === matched.template &&
          (entry.method === '*' || entry.method === matched.method),
      );
      const declared =
        operation.responses.get(String(alias?.validateAs ?? status)) ??
        operation.responses.get('default');
      const key = `response ${matched.method} ${matched.template} ${status}`;
      if (!declared) {
        if (status < 400) {
          return allowed(matched, 'response', [
            {
              location: 'status',
              pointer: '',
              keyword: 'status',
              message: `status ${status} is not declared (declared: ${[...operation.responses.keys()].join(', ')})`,
            },
          ]);
        }
        const errors = check(
          `${key} error`,
          CONNECT_ERROR_BODY_SCHEMA,
          'response',
          parseJson(body),
        );
        return allowed(matched, 'response', bodyIssues(errors));
      }
      return allowed(
        matched,
        'response',
        checkResponseBody(declared, body, (schema, data) => check(key, schema, 'response', data)),
      );
    },
  };
}
