import { outputPorts } from '../../catalog/shape-catalog.ts';
import { START_SHAPE_ID } from '../../create-process.ts';
import { ID_PATTERN } from '../../schema/common.ts';
import {
  type Connection,
  CURRENT_SCHEMA_VERSION,
  type Note,
  type ProcessDocument,
} from '../../schema/process.ts';
import type { Shape, ShapeKind } from '../../schema/shapes.ts';
import type { ValidationIssue } from '../../validation/issue.ts';
import { validateProcess } from '../../validation/validate.ts';
import type { BoomiOperation } from './connect-operation.ts';
import { connectorShape, type OperationIndex, startShape } from './connector-shapes.ts';
import { chooseScale, type Footprint, placeFootprint } from './layout.ts';
import {
  attribute,
  childNamed,
  childrenNamed,
  localName,
  type ReadXmlLimits,
  readXml,
  type XmlElement,
  type XmlProblem,
} from './read-xml.ts';
import { type ConvertedShape, portFor, SHAPE_CONVERTERS } from './shape-converters.ts';

/** A Boomi shape that became a shape here. */
export interface MappedShape {
  boomiName: string;
  boomiType: string;
  label: string;
  id: string;
  kind: ShapeKind;
}

/** What the import left out, and the note on the canvas that says so. */
export interface Omission {
  boomiName: string;
  boomiType: string;
  label: string;
  /** Set when the whole shape was left out (else only parts of its configuration). */
  shapeDropped: boolean;
  lost: string[];
  noteId: string;
}

export type BoomiImportResult =
  | {
      ok: true;
      document: ProcessDocument;
      mapped: MappedShape[];
      omitted: Omission[];
      issues: ValidationIssue[];
    }
  | { ok: false; problem: XmlProblem };

export interface BoomiImportOptions {
  /** The new process's id. */
  id: string;
  limits?: Partial<ReadXmlLimits>;
  /** Most shapes accepted. */
  maxShapes?: number;
}

const NOTE_MAX = 250;

interface SourceShape {
  name: string;
  type: string;
  label: string;
  x: number;
  y: number;
  config: XmlElement | undefined;
  dragpoints: { identifier: string; to: string }[];
}

/** Converts a Boomi process Component export into a process here. Never throws. */
export function importBoomiProcess(xml: string, options: BoomiImportOptions): BoomiImportResult {
  const read = readXml(xml, options.limits);
  if (!read.ok) {
    return { ok: false, problem: read.problem };
  }
  const found = findProcess(read.root);
  if ('problem' in found) {
    return { ok: false, problem: found.problem };
  }
  const shapesEl = childNamed(found.process, 'shapes');
  const sources = shapesEl ? childrenNamed(shapesEl, 'shape').map(readShape) : [];
  const max = options.maxShapes ?? 1000;
  if (sources.length > max) {
    return {
      ok: false,
      problem: {
        message: `The process has more than ${max} shapes.`,
        path: '/Component/object/process/shapes',
      },
    };
  }
  return convert(sources, found, options.id);
}

interface FoundProcess {
  component: XmlElement;
  process: XmlElement;
  operations: OperationIndex;
}

function findProcess(root: XmlElement): FoundProcess | { problem: XmlProblem } {
  const components =
    localName(root.name) === 'Components' ? childrenNamed(root, 'Component') : [root];
  const component = components.find(
    (c) => localName(c.name) === 'Component' && attribute(c, 'type') === 'process',
  );
  if (!component) {
    return {
      problem: {
        message:
          'Expected a Boomi Component of type “process” (or a Components bundle holding one).',
        path: `/${root.name}`,
      },
    };
  }
  const object = childNamed(component, 'object');
  const process = object ? childNamed(object, 'process') : undefined;
  if (!process) {
    return {
      problem: {
        message: 'The component holds no <process> in <bns:object>.',
        path: `/${component.name}/object`,
      },
    };
  }
  return { component, process, operations: operationIndex(components) };
}

/** Connector operation components in a bundle (`type="connector-action"`). */
function operationIndex(components: XmlElement[]): OperationIndex {
  const index = new Map<string, BoomiOperation>();
  for (const c of components) {
    if (attribute(c, 'type') !== 'connector-action') {
      continue;
    }
    const config = findDescendant(c, 'GenericOperationConfig');
    if (!config) {
      continue;
    }
    index.set(attribute(c, 'componentId') ?? '', {
      operationType: attribute(config, 'operationType') ?? '',
      customOperationType: attribute(config, 'customOperationType') ?? '',
      objectType: attribute(config, 'objectTypeName') || (attribute(config, 'objectTypeId') ?? ''),
    });
  }
  return index;
}

function findDescendant(el: XmlElement, name: string): XmlElement | undefined {
  const stack = [...el.children];
  while (stack.length > 0) {
    const next = stack.pop() as XmlElement;
    if (localName(next.name) === name) {
      return next;
    }
    stack.push(...next.children);
  }
  return undefined;
}

function readShape(el: XmlElement): SourceShape {
  const configuration = childNamed(el, 'configuration');
  const dragpoints = childNamed(el, 'dragpoints');
  return {
    name: attribute(el, 'name') ?? '',
    type: attribute(el, 'shapetype') ?? '',
    label: attribute(el, 'userlabel') ?? '',
    x: Number.parseFloat(attribute(el, 'x') ?? ''),
    y: Number.parseFloat(attribute(el, 'y') ?? ''),
    config: configuration?.children[0],
    dragpoints: (dragpoints ? childrenNamed(dragpoints, 'dragpoint') : []).map((d) => ({
      identifier: attribute(d, 'identifier') ?? '',
      to: attribute(d, 'toShape') ?? '',
    })),
  };
}

function convertShape(source: SourceShape, operations: OperationIndex): ConvertedShape {
  if (source.type === 'start') {
    return startShape(source.config, operations);
  }
  if (source.type === 'connectoraction') {
    return connectorShape(source.config, operations);
  }
  const converter = Object.hasOwn(SHAPE_CONVERTERS, source.type)
    ? SHAPE_CONVERTERS[source.type]
    : undefined;
  if (!converter) {
    return {
      ok: false,
      reason: `Boomi ${source.type || 'unknown'} shapes have no counterpart here`,
    };
  }
  return converter({
    shapetype: source.type,
    config: source.config,
    identifiers: source.dragpoints.map((d) => d.identifier),
  });
}

const ID_RULE = new RegExp(ID_PATTERN);

function convert(sources: SourceShape[], found: FoundProcess, id: string): BoomiImportResult {
  const ids = assignIds(sources);
  const doc = emptyDocument(found.component, id);
  const converted = sources.map((source) => convertShape(source, found.operations));
  const dropped = new Map<string, SourceShape>();
  sources.forEach((source, index) => {
    const result = converted[index] as ConvertedShape;
    if (result.ok) {
      doc.shapes[ids[index] as string] = {
        ...result.shape,
        label: source.label.slice(0, 120),
      } as Shape;
    } else {
      dropped.set(source.name, source);
    }
  });
  const byName = new Map(sources.map((s, i) => [s.name, ids[i] as string]));
  const wiring = connect(sources, byName, dropped, doc);
  doc.connections = wiring.connections;
  const lostOf = (source: SourceShape, result: ConvertedShape) =>
    result.ok ? [...result.lost, ...(wiring.lostPaths.get(source.name) ?? [])] : [result.reason];
  const footprints = sources.map((source, index) =>
    footprint(
      source,
      index,
      converted[index] as ConvertedShape,
      lostOf(source, converted[index] as ConvertedShape),
    ),
  );
  const scale = chooseScale(footprints);
  const mapped: MappedShape[] = [];
  const omitted: Omission[] = [];
  sources.forEach((source, index) => {
    const shapeId = ids[index] as string;
    const result = converted[index] as ConvertedShape;
    const place = placeFootprint(footprints[index] as Footprint, scale);
    const lost = lostOf(source, result);
    if (result.ok) {
      doc.layout[shapeId] = place.at;
      mapped.push({
        boomiName: source.name,
        boomiType: source.type,
        label: source.label.slice(0, 120),
        id: shapeId,
        kind: result.shape.kind,
      });
    }
    if (lost.length > 0) {
      omitted.push(addNote(doc, source, lost, !result.ok, place.note));
    }
  });
  ensureStart(doc, omitted);
  return { ok: true, document: doc, mapped, omitted, issues: validateProcess(doc) };
}

function footprint(
  source: SourceShape,
  index: number,
  result: ConvertedShape,
  lost: string[],
): Footprint {
  return {
    origin: {
      x: Number.isFinite(source.x) ? source.x : index * 192,
      y: Number.isFinite(source.y) ? source.y : 0,
    },
    shape: result.ok ? result.shape : undefined,
    hasNote: lost.length > 0,
  };
}

/** Boomi names (`shape3`) become ids when they are safe ids; the start is `start`. */
function assignIds(sources: SourceShape[]): string[] {
  const used = new Set<string>();
  let startTaken = false;
  return sources.map((s, i) => {
    let candidate = s.name;
    if (s.type === 'start' && !startTaken) {
      startTaken = true;
      candidate = START_SHAPE_ID;
    } else if (!ID_RULE.test(candidate) || candidate === START_SHAPE_ID) {
      candidate = `boomi-shape-${i + 1}`;
    }
    while (used.has(candidate)) {
      candidate = `${candidate}-${i + 1}`;
    }
    used.add(candidate);
    return candidate;
  });
}

function emptyDocument(component: XmlElement, id: string): ProcessDocument {
  const name =
    (attribute(component, 'name') ?? '').trim().slice(0, 200) || 'Imported Boomi process';
  const description = childNamed(component, 'description')?.text.trim().slice(0, 4000) ?? '';
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name,
    description,
    options: { allowSimultaneousExecutions: false, captureRunDates: true },
    shapes: {},
    connections: [],
    layout: {},
    notes: [],
  };
}

function addNote(
  doc: ProcessDocument,
  source: SourceShape,
  lost: string[],
  shapeDropped: boolean,
  position: { x: number; y: number },
): Omission {
  const noteId = `boomi-note-${doc.notes.length + 1}`;
  const who = `Boomi ${source.type || 'shape'} “${source.label || source.name}”`;
  const text = `${who} ${shapeDropped ? 'was left out' : 'imported without'}: ${lost.join('; ')}`;
  const note: Note = {
    id: noteId,
    text: text.length > NOTE_MAX ? `${text.slice(0, NOTE_MAX - 1)}…` : text,
    position,
  };
  doc.notes.push(note);
  return {
    boomiName: source.name,
    boomiType: source.type,
    label: source.label,
    shapeDropped,
    lost,
    noteId,
  };
}

function ensureStart(doc: ProcessDocument, omitted: Omission[]): void {
  if (Object.values(doc.shapes).some((s) => s.kind === 'start')) {
    return;
  }
  doc.shapes[START_SHAPE_ID] = { kind: 'start', label: '', config: { mode: 'no-data' } };
  doc.layout[START_SHAPE_ID] = { x: 0, y: 0 };
  const source: SourceShape = {
    name: '',
    type: 'start',
    label: 'Start',
    x: 0,
    y: 0,
    config: undefined,
    dragpoints: [],
  };
  omitted.push(
    addNote(doc, source, ['the file has no Start shape; a No Data start was added'], false, {
      x: 0,
      y: 80,
    }),
  );
}

/**
 * Dragpoints become connections. A dropped shape with one way out is bridged: its
 * callers connect to its single successor, so the flow stays whole and the note
 * says what was skipped. A dropped shape with several ways out cannot be bridged
 * without guessing which path documents should take; its paths stay unconnected.
 */
function connect(
  sources: SourceShape[],
  ids: Map<string, string>,
  dropped: Map<string, SourceShape>,
  doc: ProcessDocument,
): { connections: Connection[]; lostPaths: Map<string, string[]> } {
  const connections: Connection[] = [];
  const lostPaths = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const source of sources) {
    const fromId = ids.get(source.name);
    if (!fromId || dropped.has(source.name)) {
      continue;
    }
    const shape = doc.shapes[fromId] as Shape;
    const ports = new Set(outputPorts(shape).map((p) => p.id));
    for (const dragpoint of source.dragpoints) {
      const port = portFor(shape.kind, dragpoint.identifier);
      const target = resolveTarget(dragpoint.to, dropped, new Set());
      const toId = target === undefined ? undefined : ids.get(target);
      const key = `${fromId}\u0000${port}\u0000${toId}`;
      if (toId && !ports.has(port)) {
        const lost = lostPaths.get(source.name) ?? [];
        lost.push(`the path “${dragpoint.identifier}” to ${dragpoint.to} (no such path here)`);
        lostPaths.set(source.name, lost);
      }
      if (!toId || !ports.has(port) || seen.has(key)) {
        continue;
      }
      seen.add(key);
      connections.push({
        id: `c${connections.length + 1}`,
        from: { shape: fromId, port },
        to: { shape: toId },
      });
    }
  }
  return { connections, lostPaths };
}

function resolveTarget(
  name: string,
  dropped: Map<string, SourceShape>,
  visiting: Set<string>,
): string | undefined {
  const skipped = dropped.get(name);
  if (!skipped) {
    return name === '' ? undefined : name;
  }
  const wired = skipped.dragpoints.filter((d) => d.to !== '');
  if (wired.length !== 1 || visiting.has(name)) {
    return undefined;
  }
  visiting.add(name);
  return resolveTarget((wired[0] as { to: string }).to, dropped, visiting);
}
