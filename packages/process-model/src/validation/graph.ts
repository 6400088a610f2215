import { outputPorts, type Port } from '../catalog/shape-catalog.ts';
import { shapesOnCycles } from '../graph/cycles.ts';
import { reachableFrom } from '../graph/reachable.ts';
import { own } from '../own.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { Shape } from '../schema/shapes.ts';
import { pointerOf, type ValidationIssue } from './issue.ts';

/** Problems of the graph as a whole: Start, dangling references, ports, loops. */
export function graphIssues(
  doc: ProcessDocument,
  // Object.entries of a 5,000-key record costs ~1 ms; validateProcess takes it once.
  shapes: readonly [string, Shape][] = Object.entries(doc.shapes),
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const starts = shapes.filter(([, s]) => s.kind === 'start');
  if (starts.length !== 1) {
    issues.push({
      severity: 'error',
      code: 'process.start-count',
      message: `A process needs exactly one Start shape; this one has ${starts.length}.`,
      pointer: '/shapes',
    });
  }
  // Ports depend on configuration; compute them once per shape.
  const portCache = new Map<string, Port[]>();
  const portsOf = (id: string, shape: Shape): Port[] => {
    let ports = portCache.get(id);
    if (!ports) {
      ports = outputPorts(shape);
      portCache.set(id, ports);
    }
    return ports;
  };
  // Ports already connected, per source shape (short arrays: a shape has few ports).
  const used = new Map<string, string[]>();
  const ids = new Set<string>();
  doc.connections.forEach((c, i) => {
    // An index needs no escaping, so pointerOf's work is skipped on this hot loop.
    const at = `/connections/${i}`;
    if (ids.has(c.id)) {
      issues.push({
        severity: 'error',
        code: 'connection.duplicate-id',
        message: `Connection id "${c.id}" is used twice.`,
        pointer: `${at}/id`,
      });
    }
    ids.add(c.id);
    const source = own(doc.shapes, c.from.shape);
    const target = own(doc.shapes, c.to.shape);
    if (!source) {
      issues.push({
        severity: 'error',
        code: 'connection.unknown-shape',
        message: `Connection starts at missing shape "${c.from.shape}".`,
        pointer: `${at}/from/shape`,
      });
      return;
    }
    if (!target) {
      issues.push({
        severity: 'error',
        code: 'connection.unknown-shape',
        message: `Connection leads to missing shape "${c.to.shape}".`,
        pointer: `${at}/to/shape`,
      });
      return;
    }
    if (!portsOf(c.from.shape, source).some((p) => p.id === c.from.port)) {
      issues.push({
        severity: 'error',
        code: 'connection.unknown-port',
        message: `Shape "${c.from.shape}" has no port "${c.from.port}".`,
        pointer: `${at}/from/port`,
        shapeId: c.from.shape,
      });
    }
    if (target.kind === 'start') {
      issues.push({
        severity: 'error',
        code: 'connection.into-start',
        message: 'Nothing can connect into the Start shape.',
        pointer: `${at}/to/shape`,
      });
    }
    let ports = used.get(c.from.shape);
    if (!ports) {
      ports = [];
      used.set(c.from.shape, ports);
    }
    if (ports.includes(c.from.port)) {
      issues.push({
        severity: 'error',
        code: 'connection.port-reused',
        message: `Port "${c.from.port}" of "${c.from.shape}" already has a connection; use a Branch to fan out.`,
        pointer: at,
        shapeId: c.from.shape,
      });
    }
    ports.push(c.from.port);
  });
  for (const [id, shape] of shapes) {
    const connected = used.get(id);
    for (const port of portsOf(id, shape)) {
      if (!connected?.includes(port.id)) {
        issues.push({
          severity: 'warning',
          code: 'shape.port-unconnected',
          message: port.label
            ? `Path "${port.label}" leads nowhere.`
            : 'This shape leads nowhere; add a Stop.',
          pointer: pointerOf('shapes', id),
          shapeId: id,
        });
      }
    }
  }
  const start = starts[0];
  if (start) {
    const reachable = reachableFrom(doc, start[0]);
    for (const [id] of shapes) {
      if (!reachable.has(id)) {
        issues.push({
          severity: 'warning',
          code: 'shape.unreachable',
          message: 'No path from Start reaches this shape.',
          pointer: pointerOf('shapes', id),
          shapeId: id,
        });
      }
    }
  }
  for (const id of shapesOnCycles(doc)) {
    issues.push({
      severity: 'error',
      code: 'process.cycle',
      message: 'This shape is part of a loop; processes run forward only.',
      pointer: pointerOf('shapes', id),
      shapeId: id,
    });
  }
  for (const id of Object.keys(doc.layout)) {
    if (!own(doc.shapes, id)) {
      issues.push({
        severity: 'error',
        code: 'layout.unknown-shape',
        message: `Layout entry for missing shape "${id}".`,
        pointer: pointerOf('layout', id),
      });
    }
  }
  return issues;
}
