import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultShape } from '../catalog/shape-catalog.ts';
import { runOrder } from '../graph/run-order.ts';
import { topologicalOrder } from '../graph/topological-order.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { SHAPE_KINDS } from '../schema/shapes.ts';
import { parseProcess, serializeProcess } from '../serialize.ts';
import { structureIssues } from '../validation/structure.ts';
import { validateProcess } from '../validation/validate.ts';
import { validProcess } from './arbitraries.ts';

// Damage that keeps the file format intact, so it reaches the graph and shape
// checks instead of stopping at the structural check.
// Legal ids an Object.prototype lookup would confuse; the reserved keys themselves
// break the id rule, so they are damage of their own (last test).
const CONFUSING = ['toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const RESERVED = ['__proto__', 'constructor', 'prototype'];
const HOSTILE = [...RESERVED, ...CONFUSING];
const name = fc.oneof(
  fc.constantFrom(...CONFUSING, 'start', 'missing'),
  fc.stringMatching(/^[a-z]{1,3}$/),
);

const damage = fc.record({
  shapes: fc.array(fc.tuple(name, fc.constantFrom(...SHAPE_KINDS.filter((k) => k !== 'start'))), {
    maxLength: 3,
  }),
  connections: fc.array(
    fc.record({ id: fc.oneof(name, fc.constant('c1')), from: name, port: name, to: name }),
    {
      maxLength: 4,
    },
  ),
  layout: fc.array(name, { maxLength: 2 }),
});

/** Applies the damage through JSON text so `__proto__` keys become own properties. */
function damaged(
  doc: ProcessDocument,
  d: typeof damage extends fc.Arbitrary<infer D> ? D : never,
): unknown {
  const value = JSON.parse(JSON.stringify(doc)) as Record<
    string,
    Record<string, unknown> | unknown[]
  >;
  const define = (target: object, key: string, v: unknown) =>
    Object.defineProperty(target, key, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const [id, kind] of d.shapes) {
    define(value['shapes'] as object, id, defaultShape(kind));
  }
  for (const c of d.connections) {
    (value['connections'] as unknown[]).push({
      id: c.id,
      from: { shape: c.from, port: c.port },
      to: { shape: c.to },
    });
  }
  for (const id of d.layout) {
    define(value['layout'] as object, id, { x: 1, y: 2 });
  }
  return value;
}

/**
 * Every string in one shape's config replaced by `name`, one at a time, wherever
 * the file format still accepts it (enums and discriminants keep their value).
 */
function hostileStrings(doc: ProcessDocument, pick: number, name: string): unknown {
  const value = JSON.parse(JSON.stringify(doc)) as { shapes: Record<string, unknown> };
  const ids = Object.keys(value.shapes);
  const shape = value.shapes[ids[pick % ids.length] as string];
  const visit = (holder: Record<string | number, unknown>) => {
    for (const key of Object.keys(holder)) {
      const v = holder[key];
      if (typeof v === 'string') {
        holder[key] = name;
        if (structureIssues(value).length > 0) {
          holder[key] = v;
        }
      } else if (typeof v === 'object' && v !== null) {
        visit(v as Record<string, unknown>);
      }
    }
  };
  if (typeof shape === 'object' && shape !== null) {
    visit(shape as Record<string, unknown>);
  }
  return value;
}

describe('semantically damaged but well-formed files', () => {
  it('hostile names in any config string get issues, never exceptions', () => {
    fc.assert(
      fc.property(
        validProcess,
        fc.nat(),
        fc.constantFrom(...HOSTILE, '', '{1}', 'a..b'),
        (doc, pick, n) => {
          const value = hostileStrings(doc, pick, n);
          expect(() => validateProcess(value)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('get issues, never exceptions, and still round-trip', () => {
    fc.assert(
      fc.property(validProcess, damage, (doc, d) => {
        const value = damaged(doc, d);
        const issues = validateProcess(value, { processExists: () => false });
        expect(issues.every((i) => !i.code.startsWith('schema.'))).toBe(true);
        const parsed = parseProcess(JSON.stringify(value));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(parseProcess(serializeProcess(parsed.document))).toEqual(parsed);
          expect(() => runOrder(parsed.document)).not.toThrow();
          expect(() => topologicalOrder(parsed.document)).not.toThrow();
        }
        // A connection naming a shape that is not there is always reported.
        const shapes = (value as ProcessDocument).shapes;
        for (const c of d.connections) {
          if (!Object.hasOwn(shapes, c.to)) {
            expect(issues.some((i) => i.code === 'connection.unknown-shape')).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a reserved key as a shape, layout or connection id is refused, never thrown', () => {
    fc.assert(
      fc.property(validProcess, damage, fc.constantFrom(...RESERVED), (doc, d, reserved) => {
        const value = damaged(doc, { ...d, layout: [...d.layout, reserved] });
        expect(() => validateProcess(value)).not.toThrow();
        const parsed = parseProcess(JSON.stringify(value));
        expect(!parsed.ok && parsed.issues).toContainEqual(
          expect.objectContaining({ code: 'id.invalid', pointer: `/layout/${reserved}` }),
        );
      }),
      { numRuns: 100 },
    );
  });
});
