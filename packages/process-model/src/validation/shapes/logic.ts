import { MAX_BRANCHES, MIN_BRANCHES } from '../../catalog/kinds/logic.ts';
import type { ShapeOfKind } from '../../schema/shapes.ts';
import { dateFormatProblem } from '../../text/date-format.ts';
import type { ShapeIssues } from '../shape-context.ts';

/** Retry bounds of Try/Catch and the parallel-unit cap of Flow Control (Boomi's cloud). */
export const MAX_RETRIES = 5;
export const MAX_PARALLEL_UNITS = 10;

export function branchIssues({ config }: ShapeOfKind<'branch'>, at: ShapeIssues): void {
  if (config.count < MIN_BRANCHES || config.count > MAX_BRANCHES) {
    at.error(
      'branch.count-range',
      `A Branch has ${MIN_BRANCHES} to ${MAX_BRANCHES} paths.`,
      'count',
    );
  }
}

export function routeIssues({ config }: ShapeOfKind<'route'>, at: ShapeIssues): void {
  if (config.value.type === 'static') {
    at.warning('route.static-value', 'A fixed value sends every document the same way.', 'value');
  }
  if (config.keys.length === 0) {
    at.warning('route.no-keys', 'No route keys: every document goes to Default.', 'keys');
  }
  at.uniqueNames(config.keys, 'route.key', 'route key', (i) => ['keys', i]);
  config.keys.forEach((key, i) => {
    if (key === 'default') {
      at.error(
        'route.key-reserved',
        '“default” names the Default path; pick another key.',
        'keys',
        i,
      );
    } else if (config.operator === 'regex') {
      at.regex(key, 'route.key-regex-invalid', 'keys', i);
    }
  });
}

export function decisionIssues({ config }: ShapeOfKind<'decision'>, at: ShapeIssues): void {
  if (config.left.type === 'static' && config.right.type === 'static') {
    at.warning(
      'decision.constant',
      'Both values are fixed, so every document goes the same way.',
      'left',
    );
  }
  if (config.operator === 'regex' && config.right.type === 'static') {
    at.regex(config.right.value, 'decision.regex-invalid', 'right', 'value');
  }
}

export function tryCatchIssues({ config }: ShapeOfKind<'try-catch'>, at: ShapeIssues): void {
  if (config.retryCount < 0 || config.retryCount > MAX_RETRIES) {
    at.error('try-catch.retry-range', `Retry count is 0 to ${MAX_RETRIES}.`, 'retryCount');
  }
}

export function businessRulesIssues(
  { config }: ShapeOfKind<'business-rules'>,
  at: ShapeIssues,
): void {
  if (config.rules.length === 0) {
    at.warning('business-rules.empty', 'No rules: every document is accepted.', 'rules');
  }
  at.uniqueNames(
    config.rules.map((r) => r.name),
    'business-rules.name',
    'rule',
    (i) => ['rules', i, 'name'],
  );
  config.rules.forEach((rule, i) => {
    if (rule.condition.trim() === '') {
      at.error(
        'business-rules.condition-missing',
        'Write the rule’s condition.',
        'rules',
        i,
        'condition',
      );
    }
  });
}

export function cleanseIssues({ config }: ShapeOfKind<'cleanse'>, at: ShapeIssues): void {
  if (config.fields.length === 0) {
    at.warning('cleanse.empty', 'No field rules: every document is clean.', 'fields');
  }
  const seen = new Set<string>();
  config.fields.forEach((field, i) => {
    at.fieldPath(field.path, 'cleanse.path', 'the field path', 'fields', i, 'path');
    if (seen.has(field.path)) {
      at.error('cleanse.path-duplicate', `“${field.path}” has two rules.`, 'fields', i, 'path');
    }
    seen.add(field.path);
    if (
      field.minLength !== undefined &&
      field.maxLength !== undefined &&
      field.minLength > field.maxLength
    ) {
      at.error(
        'cleanse.length-range',
        'Minimum length is above the maximum.',
        'fields',
        i,
        'minLength',
      );
    }
    const maskProblem = field.format === undefined ? null : dateFormatProblem(field.format);
    if (maskProblem) {
      at.error(
        'cleanse.date-format-invalid',
        `Not a date format: ${maskProblem}.`,
        'fields',
        i,
        'format',
      );
    }
  });
}

export function flowControlIssues({ config }: ShapeOfKind<'flow-control'>, at: ShapeIssues): void {
  if (config.batching === 'batch' && config.batchSize < 1) {
    at.error('flow-control.batch-size', 'A batch holds at least one document.', 'batchSize');
  }
  if (config.parallelUnits < 1 || config.parallelUnits > MAX_PARALLEL_UNITS) {
    at.error(
      'flow-control.units-range',
      `Parallel units are 1 to ${MAX_PARALLEL_UNITS}.`,
      'parallelUnits',
    );
  }
  if (config.batching === 'none' && config.parallelUnits === 1) {
    at.warning('flow-control.no-effect', 'Nothing is batched or run in parallel.', 'batching');
  }
}

export function exceptionIssues({ config }: ShapeOfKind<'exception'>, at: ShapeIssues): void {
  if (config.text.trim() === '' && config.title.trim() === '') {
    at.warning('exception.empty', 'Say what went wrong; the text appears in run reports.', 'text');
  }
  at.template(config.text, config.parameters, false);
}

export function returnDocumentsIssues(
  { config }: ShapeOfKind<'return-documents'>,
  at: ShapeIssues,
): void {
  const twin = Object.entries(at.doc.shapes).some(
    ([id, s]) =>
      id !== at.shapeId && s.kind === 'return-documents' && s.config.label === config.label,
  );
  if (twin) {
    at.error(
      'return-documents.label-duplicate',
      'Another Return Documents shape has this label; the caller could not tell the paths apart.',
      'label',
    );
  }
}
