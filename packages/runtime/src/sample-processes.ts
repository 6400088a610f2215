import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  updateShape,
} from '@junction/process-model';

/**
 * Start -> Connector (List Resource · Request) -> Stop, as the walking skeleton builds it:
 * the smallest process that talks to Connect, for hosts' tests.
 */
export function listRequestsProcess(id = 'skeleton', connectionId = 'sandbox'): ProcessDocument {
  let doc = createProcess({ id, name: 'List requests' });
  doc = addShape(doc, { id: 'list', kind: 'connector', position: { x: 300, y: 160 } });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 520, y: 160 } });
  doc = connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'list' },
  });
  doc = connectShapes(doc, {
    id: 'c2',
    from: { shape: 'list', port: 'default' },
    to: { shape: 'stop' },
  });
  const list = doc.shapes['list'];
  if (list?.kind !== 'connector' || list.config.connector !== 'cloudblue-connect') {
    throw new Error('unreachable: the connector was just added');
  }
  return updateShape(doc, 'list', {
    ...list,
    config: { ...list.config, connectionId, action: 'list', object: 'request' },
  });
}
