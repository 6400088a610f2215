import {
  addShape,
  type ConnectorOperation,
  connectShapes,
  createProcess,
  insertShapeOnConnection,
  moveShapes,
  type ProcessDocument,
  updateShape,
} from '@junction/process-model';

/** Start -> Connector (configured by `config`) -> Stop, on the built-in sandbox. */
export function connectorProcess(
  id: string,
  name: string,
  config: Partial<ConnectorOperation>,
): ProcessDocument {
  let doc = createProcess({ id, name });
  doc = addShape(doc, { id: 'connector', kind: 'connector', position: { x: 320, y: 160 } });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 600, y: 160 } });
  doc = connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'connector' },
  });
  doc = connectShapes(doc, {
    id: 'c2',
    from: { shape: 'connector', port: 'default' },
    to: { shape: 'stop' },
  });
  const connector = doc.shapes['connector'];
  if (connector?.kind !== 'connector' || connector.config.connector !== 'cloudblue-connect') {
    throw new Error('unreachable: a new connector is a Connect one');
  }
  return updateShape(doc, 'connector', {
    ...connector,
    config: { ...connector.config, connectionId: 'sandbox', ...config },
  });
}

/** Start -> Stop: whatever Start gets (test input) passes straight through. */
export function passthroughProcess(id: string, name: string): ProcessDocument {
  let doc = createProcess({ id, name });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 400, y: 160 } });
  return connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'stop' },
  });
}

/** Start -> Notify (Warning, once per execution) -> Stop. */
export function notifyProcess(id: string, name: string): ProcessDocument {
  return insertShapeOnConnection(
    passthroughProcess(id, name),
    'c1',
    {
      id: 'notify',
      kind: 'notify',
      position: { x: 200, y: 160 },
      shape: {
        kind: 'notify',
        label: '',
        config: {
          level: 'warning',
          title: 'Heads up',
          text: 'written once',
          parameters: [],
          oncePerExecution: true,
        },
      },
    },
    'c2',
  );
}

/**
 * Start (a connector List on the sandbox) -> Stop: an execution whose In count
 * is what Start listed, as Process Reporting counts it.
 */
export function startListProcess(id: string, name: string, object: string): ProcessDocument {
  const doc = passthroughProcess(id, name);
  const start = doc.shapes['start'];
  if (start?.kind !== 'start') {
    throw new Error('unreachable: every process has a Start');
  }
  return updateShape(doc, 'start', {
    ...start,
    config: {
      mode: 'connector',
      operation: {
        connector: 'cloudblue-connect',
        connectionId: 'sandbox',
        action: 'list',
        object,
        trackingDirection: 'output',
        returnApplicationErrors: false,
        parameters: [],
      },
    },
  });
}

/** Start -> Shout (Message: "<v>!" of a JSON document {"v": …}) -> Stop, side by side. */
export function shoutProcess(id: string, name: string): ProcessDocument {
  const doc = insertShapeOnConnection(
    passthroughProcess(id, name),
    'c1',
    {
      id: 'shout',
      kind: 'message',
      position: { x: 200, y: 160 },
      shape: {
        kind: 'message',
        label: 'Shout',
        config: {
          text: '{1}!',
          parameters: [{ type: 'profile-element', path: 'v' }],
          jsonSafe: false,
          combineDocuments: false,
        },
      },
    },
    'c2',
  );
  return moveShapes(doc, { shout: { x: 340, y: 160 }, stop: { x: 600, y: 160 } });
}
