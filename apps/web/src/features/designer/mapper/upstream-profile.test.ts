import {
  addShape,
  connectShapes,
  createProcess,
  defaultShape,
  type ProcessDocument,
  type Shape,
} from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { upstreamProfile } from './upstream-profile.ts';

const profile = { type: 'object' as const, properties: { id: { type: 'string' as const } } };

function chain(...shapes: [string, Shape][]): ProcessDocument {
  let doc = createProcess({ id: 'p', name: 'P' });
  let previous = 'start';
  for (const [id, shape] of shapes) {
    doc = addShape(doc, { id, kind: shape.kind, position: { x: 0, y: 0 }, shape });
    doc = connectShapes(doc, {
      id: `${previous}-${id}`,
      from: { shape: previous, port: 'default' },
      to: { shape: id },
    });
    previous = id;
  }
  return doc;
}

function connectorWithProfile(label: string): Shape {
  const shape = defaultShape('connector');
  if (shape.kind !== 'connector' || shape.config.connector !== 'cloudblue-connect') {
    throw new Error('unexpected default connector');
  }
  return { ...shape, label, config: { ...shape.config, responseProfile: profile } };
}

describe('upstreamProfile', () => {
  it('finds the nearest connector response profile before the Map, through other shapes', () => {
    const doc = chain(
      ['get', connectorWithProfile('Get requests')],
      ['props', defaultShape('set-properties')],
      ['map', defaultShape('map')],
    );
    expect(upstreamProfile(doc, 'map')).toEqual({ profile, from: 'Get requests' });
  });

  it('is null when nothing upstream has a profile', () => {
    const doc = chain(['map', defaultShape('map')]);
    expect(upstreamProfile(doc, 'map')).toBeNull();
  });
});
