import { describe, expect, it } from 'vitest';
import { everyShapeProcess } from './fixtures/every-shape.ts';
import {
  addShape,
  connectionProblem,
  connectionTargets,
  connectShapes,
  createProcess,
  moveShapes,
  outputPorts,
  parseProcess,
  removeShapes,
  serializeProcess,
  updateShape,
  validateProcess,
} from './index.ts';
import type { ProcessDocument } from './schema/process.ts';

function skeleton(): ProcessDocument {
  //  [start] --default--> [list] --default--> [stop]
  let doc = createProcess({ id: 'p1', name: 'List requests' });
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
    throw new Error('connector missing');
  }
  return updateShape(doc, 'list', {
    ...list,
    config: { ...list.config, connectionId: 'sandbox', action: 'list', object: 'request' },
  });
}

describe('a new process', () => {
  it('holds exactly one Start shape, which cannot be removed or added twice', () => {
    const doc = createProcess({ id: 'p1', name: 'New' });
    expect(Object.values(doc.shapes).map((s) => s.kind)).toEqual(['start']);
    expect(removeShapes(doc, ['start'])).toBe(doc);
    expect(addShape(doc, { id: 's2', kind: 'start', position: { x: 0, y: 0 } })).toBe(doc);
  });
});

describe('validateProcess', () => {
  it('accepts the walking-skeleton process with no issues', () => {
    expect(validateProcess(skeleton())).toEqual([]);
  });

  it('points at the connector fields that still need a value', () => {
    let doc = createProcess({ id: 'p1', name: 'x' });
    doc = addShape(doc, { id: 'c', kind: 'connector', position: { x: 0, y: 0 } });
    const codes = validateProcess(doc).filter((i) => i.severity === 'error');
    expect(codes.map((i) => [i.code, i.pointer])).toEqual([
      ['connector.connection-missing', '/shapes/c/config/connectionId'],
      ['connector.action-missing', '/shapes/c/config/action'],
      ['connector.object-missing', '/shapes/c/config/object'],
    ]);
  });

  it('refuses an action the object does not support', () => {
    const doc = skeleton();
    const list = doc.shapes['list']!;
    const bad = updateShape(doc, 'list', {
      ...list,
      config: { ...(list.config as object), action: 'approve', object: 'asset' },
    } as never);
    expect(validateProcess(bad).map((i) => i.code)).toContain('connector.invalid-pair');
  });

  it('reports structural errors with JSON pointers into the file', () => {
    const doc = skeleton() as unknown as {
      shapes: Record<string, { config: Record<string, unknown> }>;
    };
    doc.shapes['stop']!.config['endAndReturn'] = 'yes';
    const issues = validateProcess(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.pointer).toBe('/shapes/stop/config/endAndReturn');
  });

  it('warns about a path that leads nowhere and a shape nothing reaches', () => {
    let doc = skeleton();
    doc = addShape(doc, { id: 'orphan', kind: 'stop', position: { x: 0, y: 0 } });
    doc = removeShapes(doc, ['stop']);
    const warnings = validateProcess(doc).filter((i) => i.severity === 'warning');
    expect(warnings.map((i) => [i.code, i.shapeId])).toEqual([
      ['shape.port-unconnected', 'list'],
      ['shape.unreachable', 'orphan'],
    ]);
  });
});

describe('connectShapes', () => {
  it('refuses loops and connections into Start', () => {
    //  [start] -> [list] -> [stop]; list -> start would loop
    const doc = skeleton();
    expect(
      connectShapes(doc, {
        id: 'x',
        from: { shape: 'list', port: 'default' },
        to: { shape: 'start' },
      }),
    ).toBe(doc);
  });

  it('replaces what a port led to instead of fanning out', () => {
    let doc = addShape(skeleton(), { id: 'stop2', kind: 'stop', position: { x: 0, y: 0 } });
    doc = connectShapes(doc, {
      id: 'c3',
      from: { shape: 'list', port: 'default' },
      to: { shape: 'stop2' },
    });
    expect(doc.connections.filter((c) => c.from.shape === 'list').map((c) => c.to.shape)).toEqual([
      'stop2',
    ]);
  });
});

describe('connectionTargets', () => {
  it('offers exactly the shapes connectionProblem allows, for every port of every shape', () => {
    const doc = everyShapeProcess();
    let ports = 0;
    for (const [id, shape] of Object.entries(doc.shapes)) {
      for (const port of outputPorts(shape)) {
        ports += 1;
        const allowed = Object.keys(doc.shapes).filter(
          (to) => connectionProblem(doc, { shape: id, port: port.id }, { shape: to }) === null,
        );
        expect(
          [...connectionTargets(doc, { shape: id, port: port.id })].sort(),
          `${id}.${port.id}`,
        ).toEqual(allowed.sort());
      }
    }
    expect(ports).toBeGreaterThan(20);
    expect(connectionTargets(doc, { shape: 'start', port: 'nope' }).size).toBe(0);
  });
});

describe('serializeProcess / parseProcess', () => {
  it('round-trips and prints deterministically with sorted keys and a final newline', () => {
    const doc = skeleton();
    const text = serializeProcess(doc);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = parseProcess(text);
    expect(parsed).toEqual({ ok: true, document: doc });
    const { layout, ...rest } = doc;
    const reordered = { layout, ...rest };
    expect(serializeProcess(reordered)).toBe(text);
  });

  it('moving a shape changes only its layout lines', () => {
    const doc = skeleton();
    const before = serializeProcess(doc).split('\n');
    const after = serializeProcess(moveShapes(doc, { stop: { x: 600, y: 160 } })).split('\n');
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['      "x": 600,']);
  });

  it('refuses two shapes under one id instead of keeping the last, and says where', () => {
    const text = serializeProcess(skeleton());
    // A second "stop" entry inside "shapes", as a hand merge of two branches might leave.
    const doubled = text.replace('"shapes": {', '"shapes": {\n    "stop": { "kind": "stop" },');
    expect(JSON.parse(doubled)).toEqual(JSON.parse(text));
    const parsed = parseProcess(doubled);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues).toEqual([
      expect.objectContaining({ code: 'json.duplicate-key', pointer: '/shapes/stop' }),
    ]);
  });

  it('refuses a file nested 10,000 levels deep with an issue, not a stack overflow', () => {
    const deep = `{"shapes":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(parseProcess(deep)).toMatchObject({ ok: false, issues: [{ code: 'json.too-deep' }] });
  });

  it('explains bad JSON and files from a newer Junction', () => {
    expect(parseProcess('{\n  "id": nope')).toMatchObject({
      ok: false,
      issues: [
        { code: 'json.syntax', message: 'Invalid symbol at line 2, column 9', pointer: '/id' },
      ],
    });
    const future = { ...skeleton(), schemaVersion: 99 };
    expect(parseProcess(JSON.stringify(future))).toMatchObject({
      ok: false,
      issues: [{ code: 'schema.version-too-new', pointer: '/schemaVersion' }],
    });
  });
});
