import {
  isPlatformObject,
  isValidPlatformExecuteAction,
  isValidPlatformPair,
  PLATFORM_ACTIONS,
  PLATFORM_OBJECTS,
} from '../catalog/platform-operations.ts';
import type { PlatformOperation } from '../schema/connector.ts';
import type { ValidationIssue } from './issue.ts';
import { parameterIssues } from './parameters.ts';
import { filterIssues } from './query-filter.ts';

/** What a Platform API operation still needs before it can run. */
export function platformIssues(
  op: PlatformOperation,
  pointer: string,
  shapeId: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (
    code: string,
    message: string,
    field: string,
    severity: ValidationIssue['severity'] = 'error',
  ) => issues.push({ severity, code, message, pointer: `${pointer}/${field}`, shapeId });
  if (op.connectionId === '') {
    add('connector.connection-missing', 'Choose a connection.', 'connectionId');
  }
  if (op.object === '') {
    add('connector.object-missing', 'Choose an object.', 'object');
  } else if (!isPlatformObject(op.object)) {
    add('platform.object-unknown', `"${op.object}" is not a Platform API object.`, 'object');
  } else if (!isValidPlatformPair(op.action, op.object)) {
    add(
      'connector.invalid-pair',
      `${PLATFORM_ACTIONS[op.action]} is not available for ${PLATFORM_OBJECTS[op.object]}.`,
      'action',
    );
  }
  if (op.action === 'execute') {
    if (op.executeAction === '') {
      add('platform.execute-action-missing', 'Choose what Execute does.', 'executeAction');
    } else if (
      isPlatformObject(op.object) &&
      !isValidPlatformExecuteAction(op.object, op.executeAction)
    ) {
      add(
        'platform.execute-action-invalid',
        `"${op.executeAction}" cannot be executed on ${PLATFORM_OBJECTS[op.object]}.`,
        'executeAction',
      );
    }
  } else if (op.executeAction !== '') {
    add(
      'platform.execute-action-unused',
      'Only the Execute action has an execute action; clear it.',
      'executeAction',
    );
  }
  if (op.accountId !== op.accountId.trim()) {
    add('platform.account-blank', 'The Account ID has spaces around it.', 'accountId');
  }
  issues.push(...parameterIssues(op.parameters, pointer, shapeId));
  const names = new Set(op.parameters.map((p) => p.name));
  if (op.action === 'get' && !names.has('id')) {
    add('platform.id-missing', 'Get needs an “id” parameter: the record to read.', 'parameters');
  }
  if (op.filter !== null) {
    if (op.action === 'query') {
      issues.push(...filterIssues(op.filter, names, `${pointer}/filter`, shapeId));
    } else {
      add(
        'platform.filter-unused',
        'Only Query uses a filter; it is ignored.',
        'filter',
        'warning',
      );
    }
  }
  return issues;
}
