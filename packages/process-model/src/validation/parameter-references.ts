import type { ParameterValue } from '../schema/common.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { Shape } from '../schema/shapes.ts';
import { dateFormatProblem } from '../text/date-format.ts';
import { parseFieldPath } from '../text/field-path.ts';
import { pointerOf, type ValidationIssue } from './issue.ts';

const VALUE_TYPES: ReadonlySet<string> = new Set<ParameterValue['type']>([
  'static',
  'document-property',
  'process-property',
  'profile-element',
  'current-date',
  'execution-property',
]);

// Subtrees that never hold parameter values (profiles and body schemas can be large and deep).
const SKIPPED_KEYS: ReadonlySet<string> = new Set([
  'requestProfile',
  'responseProfile',
  'filter',
  'bodySchema',
]);

type Found = { value: ParameterValue; path: (string | number)[] };

/**
 * Every parameter value in a (structurally valid) shape configuration, with its
 * path below `config`. Found by shape rather than by kind, so a new kind or field
 * holding parameter values is checked without being listed here.
 */
function parameterValuesOf(shape: Shape): Found[] {
  const found: Found[] = [];
  // One mutable path, copied only for a find: most of a config holds no values.
  const path: (string | number)[] = [];
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) {
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    const type = record['type'];
    if (typeof type === 'string' && VALUE_TYPES.has(type)) {
      found.push({ value: record as ParameterValue, path: [...path] });
      return;
    }
    for (const key in record) {
      if (Object.hasOwn(record, key) && !SKIPPED_KEYS.has(key)) {
        path.push(key);
        visit(record[key]);
        path.pop();
      }
    }
  };
  visit(shape.config);
  return found;
}

/** Dynamic process properties some shape of the process sets; null when unknowable. */
function processPropertiesSet(doc: ProcessDocument): Set<string> | null {
  const names = new Set<string>();
  for (const shape of Object.values(doc.shapes)) {
    if (shape.kind === 'set-properties') {
      for (const p of shape.config.properties) {
        if (p.target === 'dynamic-process') {
          names.add(p.name);
        }
      }
    } else if (
      shape.kind === 'data-process' &&
      shape.config.steps.some((s) => s.type === 'custom-script')
    ) {
      // A script may set any property by a computed name.
      return null;
    }
  }
  return names;
}

/**
 * Parameter values that cannot resolve: malformed profile-element paths and date
 * masks (errors), and process properties nothing in this process sets (a warning:
 * a calling process or an earlier persisted run may still set them).
 */
export function parameterReferenceIssues(
  doc: ProcessDocument,
  shapes: readonly [string, Shape][] = Object.entries(doc.shapes),
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let setByProcess: Set<string> | null | undefined;
  for (const [shapeId, shape] of shapes) {
    for (const { value, path } of parameterValuesOf(shape)) {
      const at = (field: string) => pointerOf('shapes', shapeId, 'config', ...path, field);
      if (value.type === 'profile-element' && parseFieldPath(value.path) === null) {
        issues.push({
          severity: 'error',
          code: 'parameter.path-invalid',
          message: `“${value.path}” is not a field path.`,
          pointer: at('path'),
          shapeId,
        });
      } else if (value.type === 'current-date' && value.format !== undefined) {
        const problem = dateFormatProblem(value.format);
        if (problem !== null) {
          issues.push({
            severity: 'error',
            code: 'parameter.date-format-invalid',
            message: `Not a date format: ${problem}.`,
            pointer: at('format'),
            shapeId,
          });
        }
      } else if (value.type === 'process-property') {
        setByProcess = setByProcess === undefined ? processPropertiesSet(doc) : setByProcess;
        if (setByProcess !== null && !setByProcess.has(value.name)) {
          issues.push({
            severity: 'warning',
            code: 'parameter.process-property-unset',
            message: `No Set Properties shape in this process sets “${value.name}”; it is empty unless a calling process or a persisted earlier run set it.`,
            pointer: at('name'),
            shapeId,
          });
        }
      }
    }
  }
  return issues;
}
