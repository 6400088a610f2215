import {
  addShape,
  createProcess,
  defaultConnectorConfig,
  updateShape,
} from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { retargetConnectConnections } from './retarget-connections.ts';

describe('a test run’s chosen connection', () => {
  it('replaces the connection of Connect operations only', () => {
    let doc = createProcess({ id: 'p', name: 'P' });
    doc = addShape(doc, { id: 'connect', kind: 'connector', position: { x: 0, y: 0 } });
    doc = addShape(doc, { id: 'platform', kind: 'connector', position: { x: 0, y: 0 } });
    const platform = doc.shapes['platform']!;
    if (platform.kind !== 'connector') {
      throw new Error('unreachable');
    }
    doc = updateShape(doc, 'platform', {
      ...platform,
      config: { ...defaultConnectorConfig('junction-platform'), connectionId: 'partner' },
    });
    const retargeted = retargetConnectConnections(doc, 'sandbox');
    const connectionOf = (id: string) => {
      const shape = retargeted.shapes[id];
      return shape?.kind === 'connector' ? shape.config.connectionId : undefined;
    };
    expect(connectionOf('connect')).toBe('sandbox');
    expect(connectionOf('platform')).toBe('partner');
    expect(retargetConnectConnections(doc, null)).toBe(doc);
  });
});
