import type { Shape } from '../../schema/shapes.ts';
import { validateProcess } from '../../validation/validate.ts';
import { addNote, assignIds, connect, emptyDocument, ensureStart } from './assemble-process.ts';
import type {
  BoomiImportOptions,
  BoomiImportResult,
  MappedShape,
  Omission,
} from './boomi-import-types.ts';
import { connectorShape, type OperationIndex, startShape } from './connector-shapes.ts';
import { type FoundProcess, findProcess, readShape, type SourceShape } from './find-process.ts';
import { chooseScale, type Footprint, placeFootprint } from './layout.ts';
import { childNamed, childrenNamed, readXml } from './read-xml.ts';
import { type ConvertedShape, SHAPE_CONVERTERS } from './shape-converters.ts';

export type { BoomiImportOptions, BoomiImportResult, MappedShape, Omission };

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
