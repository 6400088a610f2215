import { describe, expect, it } from 'vitest';
import { defaultShape } from '../catalog/shape-catalog.ts';
import { createProcess } from '../create-process.ts';
import { addShape } from '../operations/add-shape.ts';
import type { ParameterValue } from '../schema/common.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { validateProcess } from './validate.ts';

function withMessage(parameters: ParameterValue[], setsProperty?: string): ProcessDocument {
  let doc = createProcess({ id: 'p', name: 'P' });
  const text = parameters.map((_, i) => `{${i + 1}}`).join(' ');
  doc = addShape(doc, {
    id: 'm',
    kind: 'message',
    position: { x: 0, y: 0 },
    shape: {
      ...defaultShape('message'),
      config: { text, parameters, jsonSafe: true, combineDocuments: false },
    },
  });
  if (setsProperty !== undefined) {
    doc = addShape(doc, {
      id: 'set',
      kind: 'set-properties',
      position: { x: 0, y: 0 },
      shape: {
        ...defaultShape('set-properties'),
        config: {
          properties: [
            { target: 'dynamic-process', name: setsProperty, persist: false, parts: [] },
          ],
        },
      },
    });
  }
  return doc;
}

const codes = (doc: unknown, options?: Parameters<typeof validateProcess>[1]) =>
  validateProcess(doc, options)
    .filter((i) => i.code.startsWith('parameter.') || i.code.startsWith('process'))
    .map((i) => [i.severity, i.code, i.pointer]);

describe('parameter references', () => {
  it('warns about a process property nothing sets, errors on bad paths and date masks', () => {
    const doc = withMessage([
      { type: 'process-property', name: 'token' },
      { type: 'profile-element', path: 'a..b' },
      { type: 'current-date', format: 'yyyy-QQ' },
      { type: 'execution-property', name: 'DOCUMENT_COUNT' },
    ]);
    expect(codes(doc)).toEqual([
      ['warning', 'parameter.process-property-unset', '/shapes/m/config/parameters/0/name'],
      ['error', 'parameter.path-invalid', '/shapes/m/config/parameters/1/path'],
      ['error', 'parameter.date-format-invalid', '/shapes/m/config/parameters/2/format'],
    ]);
    expect(codes(withMessage([{ type: 'process-property', name: 'token' }], 'token'))).toEqual([]);
  });

  it('checks connector parameter values too', () => {
    let doc = createProcess({ id: 'p', name: 'P' });
    const connector = defaultShape('connector');
    doc = addShape(doc, {
      id: 'c',
      kind: 'connector',
      position: { x: 0, y: 0 },
      shape: {
        ...connector,
        config: {
          ...connector.config,
          parameters: [{ name: 'id', value: { type: 'profile-element', path: '.x' } }],
        },
      },
    });
    expect(codes(doc)).toEqual([
      ['error', 'parameter.path-invalid', '/shapes/c/config/parameters/0/value/path'],
    ]);
  });
});

describe('validateProcess options', () => {
  function caller(target: string): ProcessDocument {
    return addShape(createProcess({ id: 'p', name: 'P' }), {
      id: 'call',
      kind: 'process-call',
      position: { x: 0, y: 0 },
      shape: {
        ...defaultShape('process-call'),
        config: { processId: target, wait: true, abortOnFailure: true, returnPaths: [] },
      },
    });
  }

  it('reports a Process Call target the resolver does not know, only with a resolver', () => {
    const known = new Set(['child']);
    const processExists = (id: string) => known.has(id);
    expect(codes(caller('gone'), { processExists })).toEqual([
      ['error', 'process-call.process-unknown', '/shapes/call/config/processId'],
    ]);
    expect(codes(caller('child'), { processExists })).toEqual([]);
    expect(codes(caller('gone'))).toEqual([]);
  });

  it('applies configurable size limits', () => {
    let doc = createProcess({ id: 'p', name: 'P' });
    for (let i = 0; i < 5; i++) {
      doc = addShape(doc, { id: `s${i}`, kind: 'stop', position: { x: 0, y: 0 } });
    }
    expect(codes(doc)).toEqual([]);
    expect(codes(doc, { limits: { warnAt: 6 } })).toEqual([
      ['warning', 'process.many-shapes', '/shapes'],
    ]);
    expect(codes(doc, { limits: { warnAt: 2, maxShapes: 5 } })).toEqual([
      ['error', 'process.too-many-shapes', '/shapes'],
    ]);
  });
});
