import { outputPorts, type Position, type ProcessDocument } from '@junction/process-model';
import type ELK from 'elkjs/lib/elk.bundled.js';

const DEFAULT_SIZE = { width: 180, height: 72 };

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Positions for every shape, left to right, paths stacked in the order they run
 * (Branch 1 above Branch 2, True above False), computed by ELK's layered layout.
 * Notes keep their place: they annotate, they are not part of the flow.
 */
export async function autoLayout(
  doc: ProcessDocument,
  sizes: Readonly<Record<string, { width: number; height: number }>>,
): Promise<Record<string, Position>> {
  // ELK is most of the bundle's weight and only needed here: loaded on first use.
  elk ??= new (await import('elkjs/lib/elk.bundled.js')).default();
  const portRank = (shapeId: string, port: string) => {
    const shape = doc.shapes[shapeId];
    return shape ? outputPorts(shape).findIndex((p) => p.id === port) : 0;
  };
  // ELK keeps the model order of edges: sort them by source, then by port run order.
  const edges = [...doc.connections].sort(
    (a, b) =>
      a.from.shape.localeCompare(b.from.shape) ||
      portRank(a.from.shape, a.from.port) - portRank(b.from.shape, b.from.port),
  );
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: Object.keys(doc.shapes).map((id) => ({ id, ...(sizes[id] ?? DEFAULT_SIZE) })),
    edges: edges.map((c) => ({ id: c.id, sources: [c.from.shape], targets: [c.to.shape] })),
  });
  const positions: Record<string, Position> = {};
  for (const child of graph.children ?? []) {
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}
