import type { ConnectorConfig, ConnectorKind } from '../schema/connector.ts';
import { CONNECT_ACTIONS, CONNECT_OBJECTS } from './connect-operations.ts';
import {
  PLATFORM_ACTIONS,
  PLATFORM_EXECUTE_ACTIONS,
  PLATFORM_OBJECTS,
} from './platform-operations.ts';

const label = (table: Readonly<Record<string, string>>, key: string) =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** A one-line summary of an operation, e.g. "Approve · Request" or "Query · Process". */
export function connectorSummary(op: ConnectorConfig): string {
  if (op.connector === 'cloudblue-connect') {
    const a = label(CONNECT_ACTIONS, op.action);
    const o = label(CONNECT_OBJECTS, op.object);
    return a && o ? `${a} · ${o}` : 'Not configured';
  }
  const o = label(PLATFORM_OBJECTS, op.object);
  if (!o) {
    return 'Not configured';
  }
  const a =
    op.action === 'execute'
      ? (label(PLATFORM_EXECUTE_ACTIONS, op.executeAction) ?? PLATFORM_ACTIONS.execute)
      : PLATFORM_ACTIONS[op.action];
  return `${a} · ${o}`;
}

/**
 * A fresh operation for a connector, keeping the connection, tracking direction,
 * error behaviour and parameters of `from` when switching connectors.
 */
export function defaultConnectorConfig(
  connector: ConnectorKind,
  from?: ConnectorConfig,
): ConnectorConfig {
  const shared = {
    connectionId: from?.connector === connector ? from.connectionId : '',
    trackingDirection: from?.trackingDirection ?? 'output',
    returnApplicationErrors: from?.returnApplicationErrors ?? false,
    parameters: from ? [...from.parameters] : [],
  } as const;
  if (connector === 'cloudblue-connect') {
    return { connector, action: '', object: '', ...shared };
  }
  return {
    connector,
    action: 'query',
    object: '',
    executeAction: '',
    accountId: '',
    filter: null,
    ...shared,
  };
}
