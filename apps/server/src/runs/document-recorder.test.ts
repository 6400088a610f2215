import { addShape, createProcess, type Shape } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { listenedDocuments } from './document-recorder.ts';

const connector = (trackingDirection: 'input' | 'output'): Shape => ({
  kind: 'connector',
  label: '',
  config: {
    connector: 'cloudblue-connect',
    connectionId: 'c',
    action: 'list',
    object: 'request',
    trackingDirection,
    returnApplicationErrors: false,
    parameters: [],
  },
});

describe('the documents a run listener asks for', () => {
  let process = createProcess({ id: 'p', name: 'P' });
  process = addShape(process, {
    id: 'get',
    kind: 'connector',
    position: { x: 0, y: 0 },
    shape: connector('output'),
  });
  process = addShape(process, {
    id: 'send',
    kind: 'connector',
    position: { x: 0, y: 0 },
    shape: connector('input'),
  });
  process = addShape(process, { id: 'map', kind: 'map', position: { x: 0, y: 0 } });

  it('are only the tracked sides for an execution: Start out, each connector its direction', () => {
    expect(listenedDocuments({ keep: 'tracked', process })).toEqual({
      inputsOf: ['send'],
      outputsOf: ['start', 'get'],
    });
  });

  it("are every shape's in Test mode", () => {
    expect(listenedDocuments({ keep: 'all' })).toBeUndefined();
  });
});
