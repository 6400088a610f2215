import { describe, expect, it } from 'vitest';
import { defaultShape } from '../catalog/shape-catalog.ts';
import { createProcess } from '../create-process.ts';
import { parseProcess, serializeProcess } from '../serialize.ts';
import { validateProcess } from './validate.ts';

// Built as JSON text, the way a hostile or hand-edited file arrives: an object
// literal with a `__proto__` key would set a prototype instead of adding a shape.
function fileWith(edit: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(serializeProcess(createProcess({ id: 'p', name: 'P' })));
  edit(doc);
  return JSON.stringify(doc);
}

function withShape(id: string): string {
  return fileWith((doc) => {
    const stop = JSON.stringify(defaultShape('stop'));
    Object.defineProperty(doc['shapes'], id, { value: JSON.parse(stop), enumerable: true });
    Object.defineProperty(doc['layout'], id, { value: { x: 0, y: 0 }, enumerable: true });
  });
}

const pointers = (text: string) => {
  const parsed = parseProcess(text);
  return parsed.ok ? [] : parsed.issues.map((i) => [i.code, i.pointer]);
};

describe('keys that would reach a prototype', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses shape id %s, located', (id) => {
    expect(pointers(withShape(id))).toEqual([
      ['id.invalid', `/shapes/${id}`],
      ['id.invalid', `/layout/${id}`],
    ]);
    expect(validateProcess(JSON.parse(withShape(id)))).toContainEqual(
      expect.objectContaining({
        code: 'id.invalid',
        pointer: `/shapes/${id}`,
        shapeId: id,
        message: `"${id}" cannot be an id: it would reach an object's prototype`,
      }),
    );
  });

  it('refuses a connection, note or process id that is reserved', () => {
    const text = fileWith((doc) => {
      doc['id'] = 'constructor';
      doc['connections'] = [
        { id: '__proto__', from: { shape: 'start', port: 'default' }, to: { shape: 'prototype' } },
      ];
      doc['notes'] = [{ id: 'prototype', text: '', position: { x: 0, y: 0 } }];
    });
    expect(pointers(text).map(([, pointer]) => pointer)).toEqual([
      '/id',
      '/connections/0/id',
      '/connections/0/to/shape',
      '/notes/0/id',
    ]);
  });

  it('refuses a document property named __proto__, set or read', () => {
    const text = fileWith((doc) => {
      (doc['shapes'] as Record<string, unknown>)['set'] = {
        ...defaultShape('set-properties'),
        config: {
          properties: [
            {
              target: 'dynamic-document',
              name: '__proto__',
              parts: [{ type: 'document-property', name: 'constructor' }],
            },
          ],
        },
      };
    });
    // The parameter is a union, so TypeBox also reports the other variants' mismatches.
    const found = pointers(text).map(([, pointer]) => pointer);
    expect(found).toEqual(
      expect.arrayContaining([
        '/shapes/set/config/properties/0/name',
        '/shapes/set/config/properties/0/parts/0/name',
      ]),
    );
  });

  it('still accepts ordinary ids and names that merely contain the words', () => {
    expect(pointers(withShape('my__proto__shape'))).toEqual([]);
    expect(pointers(withShape('constructor-1'))).toEqual([]);
  });
});
