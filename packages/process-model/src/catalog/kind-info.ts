import type { ShapeKind, ShapeOfKind } from '../schema/shapes.ts';

export type PaletteGroup = 'special' | 'connector' | 'execute' | 'logic';

/** An outgoing path of a shape, in the order the runtime runs paths. */
export interface Port {
  id: string;
  label: string;
}

export interface ShapeKindInfo<K extends ShapeKind = ShapeKind> {
  kind: K;
  label: string;
  group: PaletteGroup;
  description: string;
  /** Ports depend on configuration (Branch count, Route keys, ...). */
  ports(shape: ShapeOfKind<K>): Port[];
  defaultShape(): ShapeOfKind<K>;
  /** A one-line summary of the configuration for the canvas, e.g. "Approve · Request". */
  summary(shape: ShapeOfKind<K>): string;
}

/** The one unnamed output of a simple shape. */
export const SINGLE_PORT: readonly Port[] = [{ id: 'default', label: '' }];

export function singlePort(): Port[] {
  return [...SINGLE_PORT];
}

/** Ports named by user-chosen ids; duplicates and blanks are skipped so ids stay unique. */
export function uniquePorts(ids: readonly string[], reserved: readonly string[] = []): Port[] {
  const seen = new Set(reserved);
  const ports: Port[] = [];
  for (const id of ids) {
    if (id.trim() !== '' && !seen.has(id)) {
      seen.add(id);
      ports.push({ id, label: id });
    }
  }
  return ports;
}

/** Shortens text for a one-line canvas summary. */
export function ellipsis(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
