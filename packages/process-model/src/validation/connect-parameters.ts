import {
  type ConnectOperationParameters,
  connectOperationParameters,
  connectParameterPlace,
  connectParametersText,
  isConnectFilterField,
} from '../catalog/connect-parameters.ts';
import { connectorSummary } from '../catalog/connector-summary.ts';
import type { ConnectorOperation } from '../schema/connector.ts';
import type { ValidationIssue } from './issue.ts';

/**
 * Checks a Connect operation's parameters against the catalog: each name must be one the
 * operation takes (the runtime refuses the others rather than ignore them) and the required
 * ones must be there. Blank and duplicate names are parameterIssues' to report.
 */
export function connectParameterIssues(
  op: ConnectorOperation,
  pointer: string,
  shapeId: string,
): ValidationIssue[] {
  const accepted = connectOperationParameters(op.action, op.object);
  if (!accepted) {
    return [];
  }
  const issue = (code: string, message: string, field: string): ValidationIssue => ({
    severity: 'error',
    code,
    message,
    pointer: `${pointer}/${field}`,
    shapeId,
  });
  const summary = connectorSummary(op);
  const issues: ValidationIssue[] = [];
  op.parameters.forEach((p, i) => {
    const message = nameProblem(p.name, accepted, summary);
    if (message) {
      issues.push(issue(message.code, message.text, `parameters/${i}/name`));
    }
  });
  const given = new Set(op.parameters.map((p) => p.name));
  for (const required of accepted.named.filter((p) => p.required && !given.has(p.name))) {
    issues.push(
      issue(
        'connector.parameter-missing',
        `${summary} needs a “${required.name}” parameter.`,
        'parameters',
      ),
    );
  }
  return issues;
}

function nameProblem(
  name: string,
  accepted: ConnectOperationParameters,
  summary: string,
): { code: string; text: string } | undefined {
  if (name.trim() === '') {
    return undefined;
  }
  const place = connectParameterPlace(accepted, name);
  if (place === undefined) {
    return {
      code: 'connector.parameter-unknown',
      text: `${summary} ${connectParametersText(accepted)}; '${name}' is not one of its parameters.`,
    };
  }
  if (place === 'filter' && !isConnectFilterField(name)) {
    return {
      code: 'connector.parameter-not-a-field',
      text: `${summary} filters on a field named by each parameter; '${name}' is not a field name.`,
    };
  }
  return undefined;
}
