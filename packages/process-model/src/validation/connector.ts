import { isValidConnectPair } from '../catalog/connect-operations.ts';
import type { ConnectorConfig, ConnectorOperation } from '../schema/connector.ts';
import { connectParameterIssues } from './connect-parameters.ts';
import type { ValidationIssue } from './issue.ts';
import { parameterIssues } from './parameters.ts';
import { platformIssues } from './platform.ts';

/** What a connector operation (Connect or Platform) still needs before it can run. */
export function connectorIssues(
  op: ConnectorConfig,
  pointer: string,
  shapeId: string,
): ValidationIssue[] {
  return op.connector === 'cloudblue-connect'
    ? connectIssues(op, pointer, shapeId)
    : platformIssues(op, pointer, shapeId);
}

function connectIssues(
  op: ConnectorOperation,
  pointer: string,
  shapeId: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, message: string, field: string) =>
    issues.push({ severity: 'error', code, message, pointer: `${pointer}/${field}`, shapeId });
  if (op.connectionId === '') {
    add('connector.connection-missing', 'Choose a connection.', 'connectionId');
  }
  if (op.action === '') {
    add('connector.action-missing', 'Choose a connector action.', 'action');
  }
  if (op.object === '') {
    add('connector.object-missing', 'Choose an object.', 'object');
  }
  if (op.action !== '' && op.object !== '' && !isValidConnectPair(op.action, op.object)) {
    add(
      'connector.invalid-pair',
      `Action "${op.action}" is not available for object "${op.object}".`,
      'action',
    );
  }
  issues.push(...parameterIssues(op.parameters, pointer, shapeId));
  issues.push(...connectParameterIssues(op, pointer, shapeId));
  return issues;
}
