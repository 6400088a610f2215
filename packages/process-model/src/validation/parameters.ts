import type { Parameter } from '../schema/common.ts';
import type { ValidationIssue } from './issue.ts';

/** Parameter names must be given and unique. */
export function parameterIssues(
  parameters: readonly Parameter[],
  pointer: string,
  shapeId: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, message: string, field: string) =>
    issues.push({ severity: 'error', code, message, pointer: `${pointer}/${field}`, shapeId });
  const seen = new Set<string>();
  parameters.forEach((p, i) => {
    if (p.name.trim() === '') {
      add('connector.parameter-unnamed', 'Give this parameter a name.', `parameters/${i}/name`);
    } else if (seen.has(p.name)) {
      add(
        'connector.parameter-duplicate',
        `Parameter "${p.name}" is set twice.`,
        `parameters/${i}/name`,
      );
    }
    seen.add(p.name);
  });
  return issues;
}
