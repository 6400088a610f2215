import { pointerOf, type ValidationIssue } from '@junction/process-model';
import jsonata from 'jsonata';
import { regexLiteralProblem } from './runtime/handlers/jsonata-regex.ts';

/**
 * JSONata regex literals the linear-time engine refuses (backreferences,
 * lookaround), as issues at the expression's JSON pointer. process-model cannot
 * see inside JSONata (it has no parser for it), so the server adds these to its
 * validation, and a process with one is not run. Syntax errors are left alone:
 * they fail documents at run time, as before.
 */
export function jsonataRegexIssues(document: unknown): ValidationIssue[] {
  const shapes = (document as { shapes?: unknown } | null)?.shapes;
  if (typeof shapes !== 'object' || shapes === null) {
    return [];
  }
  return Object.entries(shapes).flatMap(([id, shape]) => shapeIssues(id, shape));
}

function shapeIssues(id: string, shape: unknown): ValidationIssue[] {
  const { kind, config } = (shape ?? {}) as { kind?: unknown; config?: Record<string, unknown> };
  if (kind === 'map') {
    return expressionIssue(config?.['expression'], 'map.expression-regex-unsupported', id, [
      'expression',
    ]);
  }
  if (kind === 'business-rules' && Array.isArray(config?.['rules'])) {
    return config['rules'].flatMap((rule: unknown, i: number) =>
      expressionIssue(
        (rule as { condition?: unknown } | null)?.condition,
        'business-rules.condition-regex-unsupported',
        id,
        ['rules', i, 'condition'],
      ),
    );
  }
  return [];
}

function expressionIssue(
  expression: unknown,
  code: string,
  shapeId: string,
  path: (string | number)[],
): ValidationIssue[] {
  if (typeof expression !== 'string' || expression.trim() === '') {
    return [];
  }
  let problem: Error | null;
  try {
    problem = regexLiteralProblem(jsonata(expression).ast());
  } catch {
    // A syntax error, or nesting too deep to walk: the run reports it.
    return [];
  }
  return problem === null
    ? []
    : [
        {
          severity: 'error',
          code,
          message: problem.message,
          pointer: pointerOf('shapes', shapeId, 'config', ...path),
          shapeId,
        },
      ];
}
