import { defaultConnectorConfig } from '../../catalog/connector-summary.ts';
import { defaultShape } from '../../catalog/shape-catalog.ts';
import type { ConnectorOperation } from '../../schema/connector.ts';
import { type BoomiOperation, connectAction, mapConnectOperation } from './connect-operation.ts';
import { attribute, childNamed, type XmlElement } from './read-xml.ts';
import type { ConvertedShape } from './shape-converters.ts';

/** Boomi names the CloudBlue Connect connector's type with "cloudblue" in it. */
export function isConnectConnector(connectorType: string): boolean {
  return /cloudblue/i.test(connectorType);
}

/** The operation components of a bundle, by component id. */
export type OperationIndex = ReadonlyMap<string, BoomiOperation>;

function describe(action: XmlElement): string {
  const type = attribute(action, 'connectorType') ?? '?';
  const act = attribute(action, 'actionType') ?? '?';
  return `${type} ${act}`;
}

/**
 * A Connect operation from a shape's `<connectoraction>`: the action and object
 * come from the operation component when the file holds it, else only the action
 * from the shape's `actionType` (the object is then left for the user).
 */
export function connectOperation(
  action: XmlElement,
  operations: OperationIndex,
): { operation: ConnectorOperation; lost: string[] } | { reason: string } {
  const connectorType = attribute(action, 'connectorType') ?? '';
  if (!isConnectConnector(connectorType)) {
    return {
      reason: `connector “${connectorType || 'unknown'}” (${describe(action)}) has no counterpart here`,
    };
  }
  const operation = defaultConnectorConfig('cloudblue-connect') as ConnectorOperation;
  const lost: string[] = [];
  const operationId = attribute(action, 'operationId') ?? '';
  const found = operations.get(operationId);
  if (found) {
    const mapped = mapConnectOperation(found);
    if (mapped.ok) {
      operation.action = mapped.action;
      operation.object = mapped.object;
    } else {
      lost.push(`the operation: ${mapped.reason}`);
    }
  } else {
    const act = connectAction(attribute(action, 'actionType') ?? '', '');
    if (act) {
      operation.action = act;
    }
    lost.push(
      `the operation component ${operationId || '(none)'} is not in the file: pick the object`,
    );
  }
  operation.trackingDirection =
    operation.action === 'list' || operation.action === 'get' ? 'output' : 'input';
  const params = childNamed(action, 'parameters');
  if (params && params.children.length > 0) {
    lost.push(`${params.children.length} parameter(s)`);
  }
  lost.push('the connection (pick a stored one)');
  return { operation, lost };
}

export function connectorShape(
  config: XmlElement | undefined,
  operations: OperationIndex,
): ConvertedShape {
  if (!config) {
    return { ok: false, reason: 'no connector action configured' };
  }
  const result = connectOperation(config, operations);
  if ('reason' in result) {
    return { ok: false, reason: result.reason };
  }
  return {
    ok: true,
    shape: { kind: 'connector', label: '', config: result.operation },
    lost: result.lost,
  };
}

/** A Start shape: No Data, Passthrough (Data Passthrough), or a Connect connector start. */
export function startShape(
  config: XmlElement | undefined,
  operations: OperationIndex,
): ConvertedShape {
  const shape = defaultShape('start');
  const connector = config?.name === 'connectoraction' ? config : undefined;
  if (config?.name === 'passthroughaction') {
    return { ok: true, shape: { ...shape, config: { mode: 'passthrough' } }, lost: [] };
  }
  if (!connector) {
    return { ok: true, shape, lost: [] };
  }
  const result = connectOperation(connector, operations);
  if ('reason' in result) {
    return {
      ok: true,
      shape,
      lost: [`the start ${result.reason}; it starts with no data instead`],
    };
  }
  return {
    ok: true,
    shape: { ...shape, config: { mode: 'connector', operation: result.operation } },
    lost: result.lost,
  };
}
