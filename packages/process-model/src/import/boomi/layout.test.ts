import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultShape } from '../../catalog/shape-catalog.ts';
import type { ProcessDocument } from '../../schema/process.ts';
import { importBoomiProcess } from './import-boomi.ts';
import { type Box, chooseScale, overlaps, shapeHeight } from './layout.ts';

function boxesOf(doc: ProcessDocument): Box[] {
  const shapes = Object.entries(doc.shapes).map(([id, shape]) => ({
    ...(doc.layout[id] ?? { x: 0, y: 0 }),
    width: 220,
    height: shapeHeight(shape),
  }));
  const notes = doc.notes.map((n) => ({ ...n.position, width: 200, height: 80 }));
  return [...shapes, ...notes];
}

function overlapping(boxes: Box[]): [Box, Box][] {
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => overlaps(a, b))
      .map((b): [Box, Box] => [a, b]),
  );
}

describe('Boomi import layout', () => {
  it.each([
    'simple-process',
    'logic-process',
    'connect-bundle',
    'unsupported-process',
    'route-process',
  ])('places the shapes and notes of %s without overlaps', (name) => {
    const xml = readFileSync(new URL(`./fixtures/${name}.xml`, import.meta.url), 'utf8');
    const result = importBoomiProcess(xml, { id: 'p' });
    if (!result.ok) {
      throw new Error(result.problem.message);
    }
    expect(overlapping(boxesOf(result.document))).toEqual([]);
  });

  it('spreads a crowded Boomi canvas further until nothing overlaps', () => {
    const branch = { ...defaultShape('branch'), config: { count: 5 } };
    const footprints = [
      { origin: { x: 0, y: 0 }, shape: branch, hasNote: true },
      { origin: { x: 0, y: 120 }, shape: defaultShape('stop'), hasNote: false },
      { origin: { x: 130, y: 0 }, shape: defaultShape('map'), hasNote: true },
    ];
    const scale = chooseScale(footprints);
    expect(scale.y).toBeGreaterThan(1.25);
    // Branch (170 tall) plus its note (12 + 80) must fit above the stop's row.
    expect(120 * scale.y).toBeGreaterThanOrEqual(170 + 12 + 80);
    expect(130 * scale.x).toBeGreaterThanOrEqual(220);
  });

  it('keeps the compact scale when nothing overlaps', () => {
    expect(
      chooseScale([{ origin: { x: 0, y: 0 }, shape: defaultShape('map'), hasNote: false }]),
    ).toEqual({
      x: 1.5,
      y: 1.25,
    });
  });
});
