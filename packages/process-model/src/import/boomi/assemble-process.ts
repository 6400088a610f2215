import { outputPorts } from '../../catalog/shape-catalog.ts';
import { START_SHAPE_ID } from '../../create-process.ts';
import { ID_PATTERN } from '../../schema/common.ts';
import {
  type Connection,
  CURRENT_SCHEMA_VERSION,
  type Note,
  type ProcessDocument,
} from '../../schema/process.ts';
import type { Shape } from '../../schema/shapes.ts';
import type { Omission } from './boomi-import-types.ts';
import type { SourceShape } from './find-process.ts';
import { attribute, childNamed, type XmlElement } from './read-xml.ts';
import { portFor } from './shape-converters.ts';

/**
 * Assembling the process here from converted shapes: ids, the empty document, notes
 * for what was left out, a Start when the file had none, and the connections.
 */

const NOTE_MAX = 250;
const ID_RULE = new RegExp(ID_PATTERN);

/** Boomi names (`shape3`) become ids when they are safe ids; the start is `start`. */
export function assignIds(sources: SourceShape[]): string[] {
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

export function emptyDocument(component: XmlElement, id: string): ProcessDocument {
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

export function addNote(
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

export function ensureStart(doc: ProcessDocument, omitted: Omission[]): void {
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
export function connect(
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
