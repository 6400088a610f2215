import { isValidConnectPair } from '../catalog/connect-operations.ts';
import type { ConnectorOperation } from '../schema/connector.ts';
import type { ValidationIssue } from './issue.ts';

/** What a connector operation still needs before it can run. */
export function connectorIssues(
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
  const seen = new Set<string>();
  op.parameters.forEach((p, i) => {
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
