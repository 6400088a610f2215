import fc from 'fast-check';
import { defaultShape, outputPorts } from '../catalog/shape-catalog.ts';
import { createProcess } from '../create-process.ts';
import { addShape } from '../operations/add-shape.ts';
import { connectShapes } from '../operations/connect-shapes.ts';
import { moveShapes } from '../operations/move-shapes.ts';
import { addNote } from '../operations/notes.ts';
import { removeShapes } from '../operations/remove-shapes.ts';
import { updateShape } from '../operations/update-shape.ts';
import { profileFromSample } from '../profile/profile-from-sample.ts';
import { isSafeKey, type ParameterValue } from '../schema/common.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { SHAPE_KINDS, type Shape, type ShapeKind } from '../schema/shapes.ts';

// Test-only helpers for the property tests (not exported from the package).

const KINDS = SHAPE_KINDS.filter((k) => k !== 'start');
// Ids an Object.prototype lookup would confuse are legal ids, so they are drawn often
// (`__proto__`, `constructor`, `prototype` are not: see RESERVED_KEYS).
const id = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.:-]{1,12}$/).filter(isSafeKey),
  fc.constantFrom('toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'),
);
const coordinate = fc.integer({ min: -100_000, max: 100_000 });
const position = fc.record({ x: coordinate, y: coordinate });

export const parameterValue: fc.Arbitrary<ParameterValue> = fc.oneof(
  fc.record({ type: fc.constant('static' as const), value: fc.string() }),
  fc.record({
    type: fc.constant('document-property' as const),
    name: fc.string({ minLength: 1 }).filter(isSafeKey),
  }),
  fc.record({ type: fc.constant('process-property' as const), name: fc.string({ minLength: 1 }) }),
  fc.record({ type: fc.constant('profile-element' as const), path: fc.string({ minLength: 1 }) }),
  fc.record(
    {
      type: fc.constant('current-date' as const),
      format: fc.string({ minLength: 1, maxLength: 100 }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({
    type: fc.constant('execution-property' as const),
    name: fc.constantFrom('EXECUTION_ID', 'PROCESS_ID', 'PROCESS_NAME', 'DOCUMENT_COUNT' as const),
  }),
);

/** A kind's default shape with a random label and, for kinds whose ports vary, a random config. */
function shapeOf(kind: ShapeKind): fc.Arbitrary<Shape> {
  const label = fc.string({ maxLength: 120 });
  const base = defaultShape(kind);
  switch (base.kind) {
    case 'branch':
      return fc
        .record({ label, count: fc.integer({ min: 2, max: 6 }) })
        .map(({ label, count }) => ({
          ...base,
          label,
          config: { count },
        }));
    case 'route':
      return fc
        .record({
          label,
          keys: fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
          value: parameterValue,
        })
        .map(({ label, keys, value }) => ({
          ...base,
          label,
          config: { ...base.config, keys, value },
        }));
    case 'message':
      return fc
        .record({
          label,
          text: fc.string({ maxLength: 200 }),
          parameters: fc.array(parameterValue, { maxLength: 3 }),
        })
        .map(({ label, text, parameters }) => ({
          ...base,
          label,
          config: { ...base.config, text, parameters },
        }));
    case 'process-call':
      return fc
        .record({ label, returnPaths: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }) })
        .map(({ label, returnPaths }) => ({
          ...base,
          label,
          config: { ...base.config, returnPaths },
        }));
    case 'connector':
      // A response profile inferred from a random sample, as Import Operation would.
      return fc
        .record({ label, sample: fc.option(fc.jsonValue({ maxDepth: 4 }), { nil: undefined }) })
        .map(({ label, sample }) =>
          sample === undefined
            ? { ...base, label }
            : {
                ...base,
                label,
                config: { ...base.config, responseProfile: profileFromSample(sample) },
              },
        );
    default:
      return label.map((l) => ({ ...base, label: l }));
  }
}

const step = fc.oneof(
  fc
    .record({ op: fc.constant('add' as const), kind: fc.constantFrom(...KINDS), id, position })
    .chain((s) => shapeOf(s.kind).map((shape) => ({ ...s, shape }))),
  fc.record({ op: fc.constant('connect' as const), from: fc.nat(), port: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), dx: coordinate, dy: coordinate }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('note' as const),
    id,
    text: fc.string({ maxLength: 250 }),
    position,
  }),
  fc.record({
    op: fc.constant('relabel' as const),
    pick: fc.nat(),
    label: fc.string({ maxLength: 120 }),
  }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function apply(doc: ProcessDocument, s: Step, n: number): ProcessDocument {
  const ids = Object.keys(doc.shapes);
  const pick = (i: number) => ids[i % ids.length] as string;
  switch (s.op) {
    case 'add':
      return addShape(doc, { id: s.id, kind: s.kind, position: s.position, shape: s.shape });
    case 'connect': {
      const from = pick(s.from);
      const source = doc.shapes[from];
      const ports = source ? outputPorts(source) : [];
      const port = ports[s.port % Math.max(ports.length, 1)];
      return port
        ? connectShapes(doc, {
            id: `c${n}`,
            from: { shape: from, port: port.id },
            to: { shape: pick(s.to) },
          })
        : doc;
    }
    case 'move':
      return moveShapes(doc, { [pick(s.pick)]: { x: s.dx, y: s.dy } });
    case 'remove':
      return removeShapes(doc, [pick(s.pick)]);
    case 'note':
      return doc.notes.some((note) => note.id === s.id)
        ? doc
        : addNote(doc, { id: s.id, text: s.text, position: s.position });
    case 'relabel': {
      const target = pick(s.pick);
      const shape = doc.shapes[target];
      return shape ? updateShape(doc, target, { ...shape, label: s.label }) : doc;
    }
  }
}

/** A process built only with the pure operations, so it is always well formed. */
export const validProcess: fc.Arbitrary<ProcessDocument> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 200 }),
    description: fc.string({ maxLength: 300 }),
    steps: fc.array(step, { maxLength: 40 }),
  })
  .map(({ name, description, steps }) =>
    steps.reduce((doc, s, i) => apply(doc, s, i), createProcess({ id: 'p', name, description })),
  );
