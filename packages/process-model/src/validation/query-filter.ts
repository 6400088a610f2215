import {
  isGrouping,
  operatorArgumentCount,
  type QueryExpression,
  type QueryFilter,
} from '../schema/query-filter.ts';
import type { ValidationIssue } from './issue.ts';

/** `{name}` in a filter argument takes the value of parameter `name` at run time. */
export const PARAMETER_REFERENCE = /^\{([^{}]+)\}$/;

/** The parameter a filter argument refers to, or undefined for a literal. */
export function parameterReference(argument: string): string | undefined {
  return PARAMETER_REFERENCE.exec(argument)?.[1];
}

/**
 * Checks a filter tree: every condition names a property and has as many arguments
 * as its operator takes (IS_NULL/IS_NOT_NULL none, BETWEEN two, the rest one); every
 * group holds something; `{name}` arguments name one of the operation's parameters.
 */
export function filterIssues(
  filter: QueryFilter,
  parameterNames: ReadonlySet<string>,
  pointer: string,
  shapeId: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, message: string, at: string) =>
    issues.push({ severity: 'error', code, message, pointer: at, shapeId });
  const visit = (expression: QueryExpression, at: string) => {
    if (isGrouping(expression)) {
      if (expression.nestedExpression.length === 0) {
        add(
          'filter.group-empty',
          'Add a condition to this group, or remove it.',
          `${at}/nestedExpression`,
        );
      }
      expression.nestedExpression.forEach((nested, i) => {
        visit(nested, `${at}/nestedExpression/${i}`);
      });
      return;
    }
    if (expression.property.trim() === '') {
      add(
        'filter.property-missing',
        'Enter the property this condition compares.',
        `${at}/property`,
      );
    }
    const expected = operatorArgumentCount(expression.operator);
    if (expression.argument.length !== expected) {
      const what = expected === 0 ? 'no values' : expected === 1 ? 'one value' : 'two values';
      add('filter.argument-count', `${expression.operator} takes ${what}.`, `${at}/argument`);
    }
    expression.argument.forEach((argument, i) => {
      const name = parameterReference(argument);
      if (argument === '') {
        add(
          'filter.argument-empty',
          'Enter a value, or {name} for a parameter.',
          `${at}/argument/${i}`,
        );
      } else if (name !== undefined && !parameterNames.has(name)) {
        add(
          'filter.parameter-unknown',
          `{${name}} names no parameter; add a parameter “${name}”.`,
          `${at}/argument/${i}`,
        );
      }
    });
  };
  visit(filter.expression, `${pointer}/expression`);
  return issues;
}
