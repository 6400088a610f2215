import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProcessDocument } from '../../schema/process.ts';
import { importBoomiProcess } from './import-boomi.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.xml`, import.meta.url), 'utf8');
}

function imported(name: string) {
  const result = importBoomiProcess(fixture(name), { id: 'imported' });
  if (!result.ok) {
    throw new Error(result.problem.message);
  }
  return result;
}

function shapeOf(doc: ProcessDocument, id: string) {
  return doc.shapes[id];
}

/** An id kept in a variable: the index-signature rules want brackets, Biome wants no literal ones. */
function at(id: string): string {
  return id;
}

function edges(doc: ProcessDocument): string[] {
  return doc.connections.map((c) => `${c.from.shape}:${c.from.port}->${c.to.shape}`);
}

describe('importBoomiProcess', () => {
  it('keeps the name, labels and spread-out positions of a simple process', () => {
    const { document, mapped } = imported('simple-process');
    expect(document.name).toBe('Orders to Warehouse');
    expect(document.description).toBe('Reads new orders and hands them to the warehouse.');
    expect(mapped.map((m) => [m.boomiName, m.kind])).toEqual([
      ['shape1', 'start'],
      ['shape3', 'map'],
      ['shape4', 'stop'],
    ]);
    expect(shapeOf(document, 'shape3')?.label).toBe('Order to warehouse order');
    expect(document.layout[at('shape3')]).toEqual({ x: 648, y: 58 });
    expect(shapeOf(document, 'shape4')).toMatchObject({
      kind: 'stop',
      config: { endAndReturn: false },
    });
  });

  it('bridges a dropped one-path shape and leaves a note where it stood', () => {
    const { document, omitted } = imported('simple-process');
    expect(edges(document)).toEqual(['start:default->shape3', 'shape3:default->shape4']);
    const http = omitted.find((o) => o.boomiName === 'shape2');
    expect(http).toMatchObject({ shapeDropped: true, label: 'Fetch orders' });
    const note = document.notes.find((n) => n.id === http?.noteId);
    expect(note?.text).toContain('Fetch orders');
    expect(note?.text).toContain('http');
    expect(note?.position).toEqual({ x: 360, y: 58 });
  });

  it('names the configuration a mapped shape lost in a note below it', () => {
    const { document, omitted } = imported('simple-process');
    const map = omitted.find((o) => o.boomiName === 'shape3');
    expect(map?.shapeDropped).toBe(false);
    expect(map?.lost.join()).toContain('map component');
    expect(document.notes.find((n) => n.id === map?.noteId)?.position).toEqual({ x: 648, y: 130 });
  });

  it('maps decision, branch, try/catch paths onto their ports', () => {
    const { document } = imported('logic-process');
    expect(edges(document)).toEqual([
      'start:default->shape2',
      'shape2:try->shape3',
      'shape2:catch->shape9',
      'shape3:true->shape4',
      'shape3:false->shape8',
      'shape4:1->shape5',
      'shape4:2->shape6',
      'shape4:3->shape7',
      'shape5:default->shape10',
      'shape6:default->shape10',
    ]);
  });

  it('carries over the configuration this product can express', () => {
    const { document, issues, omitted } = imported('logic-process');
    expect(shapeOf(document, 'start')?.config).toEqual({ mode: 'passthrough' });
    expect(shapeOf(document, 'shape2')?.config).toEqual({ retryCount: 2, trigger: 'all' });
    expect(shapeOf(document, 'shape3')?.config).toEqual({
      left: { type: 'document-property', name: 'status' },
      operator: 'equals',
      right: { type: 'static', value: 'paid' },
    });
    expect(shapeOf(document, 'shape4')?.config).toEqual({ count: 3 });
    expect(shapeOf(document, 'shape5')?.config).toMatchObject({
      level: 'warning',
      title: 'Paid invoice',
      text: 'Invoice {1} paid',
      parameters: [{ type: 'document-property', name: 'invoice' }],
    });
    expect(shapeOf(document, 'shape7')?.config).toEqual({ label: 'paid' });
    expect(shapeOf(document, 'shape8')?.config).toMatchObject({
      title: 'Unpaid invoice',
      stopEntireProcess: false,
    });
    expect(shapeOf(document, 'shape9')?.config).toEqual({ endAndReturn: true });
    expect(omitted).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('turns Connect connector operations into Connector shapes with the same action and object', () => {
    const { document, issues } = imported('connect-bundle');
    expect(shapeOf(document, 'start')?.config).toMatchObject({
      mode: 'connector',
      operation: { connector: 'cloudblue-connect', action: 'list', object: 'request' },
    });
    expect(shapeOf(document, 'shape2')).toMatchObject({
      kind: 'connector',
      label: 'Approve',
      config: {
        connector: 'cloudblue-connect',
        action: 'approve',
        object: 'request',
        connectionId: '',
      },
    });
    // A stored connection has to be picked: the import says so and the validator agrees.
    expect(issues.map((i) => i.code)).toContain('connector.connection-missing');
  });

  it('notes a Connect action the catalog lacks and leaves the shape for the user', () => {
    const { document, omitted } = imported('connect-bundle');
    expect(shapeOf(document, 'shape3')).toMatchObject({
      kind: 'connector',
      config: { action: '', object: '' },
    });
    const archive = omitted.find((o) => o.boomiName === 'shape3');
    expect(archive?.lost.join()).toContain('ARCHIVE');
  });

  it('takes the action from the shape when the operation component is not in the file', () => {
    const bundle = fixture('connect-bundle');
    const processOnly = bundle.slice(
      bundle.indexOf('<bns:Component '),
      bundle.indexOf('</bns:Component>') + '</bns:Component>'.length,
    );
    const result = importBoomiProcess(processOnly, { id: 'p' });
    if (!result.ok) {
      throw new Error(result.problem.message);
    }
    expect(shapeOf(result.document, 'start')?.config).toMatchObject({
      operation: { action: 'list', object: '' },
    });
    expect(result.omitted[0]?.lost.join()).toContain('not in the file');
    expect(result.issues.map((i) => i.code)).toContain('connector.object-missing');
  });

  it('maps route keys, business rules, cleanse and process call paths onto their ports', () => {
    const { document } = imported('route-process');
    expect(shapeOf(document, 'shape3')?.config).toMatchObject({ keys: ['acme', 'globex'] });
    expect(shapeOf(document, 'shape5')?.config).toEqual({
      processId: '',
      wait: true,
      abortOnFailure: false,
      returnPaths: ['shape9'],
    });
    expect(shapeOf(document, 'shape2')?.config).toEqual({
      batching: 'per-document',
      batchSize: 10,
      parallelUnits: 3,
    });
    expect(edges(document)).toEqual([
      'start:default->shape2',
      'shape2:default->shape3',
      'shape3:acme->shape4',
      'shape3:globex->shape5',
      'shape3:default->shape7',
      'shape4:accepted->shape6',
      'shape4:rejected->shape7',
      'shape5:shape9->shape6',
      'shape6:default->shape8',
      'shape7:clean->shape8',
      'shape7:rejected->shape8',
    ]);
  });

  it('notes a path this product has no port for, and the settings it could not keep', () => {
    const { document, omitted } = imported('route-process');
    const cleanse = omitted.find((o) => o.boomiName === 'shape7');
    expect(cleanse?.lost).toEqual([
      'the field rules',
      'the path “Maybe” to shape8 (no such path here)',
    ]);
    expect(document.notes.find((n) => n.id === cleanse?.noteId)?.text).toContain('Maybe');
    expect(omitted.map((o) => o.boomiName)).toEqual([
      'shape3',
      'shape4',
      'shape5',
      'shape6',
      'shape7',
    ]);
  });

  it('leaves a multi-path shape it cannot map unconnected and lists the issues', () => {
    const { document, omitted, issues } = imported('unsupported-process');
    expect(omitted.filter((o) => o.shapeDropped).map((o) => o.boomiType)).toEqual([
      'tradingpartneraction',
      'processroute',
    ]);
    expect(edges(document)).toEqual(['start:default->shape3']);
    expect(document.notes.map((n) => n.text).join('\n')).toContain('By partner');
    expect(issues.map((i) => `${i.code} ${i.pointer}`)).toContain(
      'shape.unreachable /shapes/shape5',
    );
  });

  it('keeps every note within the note length limit', () => {
    const label = 'x'.repeat(400);
    const xml = fixture('unsupported-process').replace(
      'userlabel="By partner"',
      `userlabel="${label}"`,
    );
    const result = importBoomiProcess(xml, { id: 'p' });
    if (!result.ok) {
      throw new Error(result.problem.message);
    }
    expect(Math.max(...result.document.notes.map((n) => n.text.length))).toBeLessThanOrEqual(250);
    expect(result.issues.filter((i) => i.code.startsWith('schema.'))).toEqual([]);
  });

  it('adds a No Data start to a process without one', () => {
    const xml = fixture('simple-process').replace('shapetype="start"', 'shapetype="stop"');
    const result = importBoomiProcess(xml, { id: 'p' });
    if (!result.ok) {
      throw new Error(result.problem.message);
    }
    expect(shapeOf(result.document, 'start')).toMatchObject({
      kind: 'start',
      config: { mode: 'no-data' },
    });
    expect(result.omitted.map((o) => o.lost.join())).toContain(
      'the file has no Start shape; a No Data start was added',
    );
  });

  it('refuses a component that is not a process, saying where', () => {
    const xml = fixture('simple-process').replace('type="process"', 'type="transform.map"');
    const result = importBoomiProcess(xml, { id: 'p' });
    expect(result).toMatchObject({ ok: false, problem: { path: '/bns:Component' } });
  });

  it('refuses more shapes than the limit', () => {
    const result = importBoomiProcess(fixture('logic-process'), { id: 'p', maxShapes: 5 });
    expect(result).toMatchObject({
      ok: false,
      problem: { message: 'The process has more than 5 shapes.' },
    });
  });
});
