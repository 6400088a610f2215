import type { Shape, ShapeKind, ShapeOfKind } from '../schema/shapes.ts';
import { CONNECT_ACTIONS, CONNECT_OBJECTS } from './connect-operations.ts';

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

const SINGLE_PORT: Port[] = [{ id: 'default', label: '' }];

function operationSummary(action: string, object: string): string {
  const a = (CONNECT_ACTIONS as Record<string, string>)[action];
  const o = (CONNECT_OBJECTS as Record<string, string>)[object];
  return a && o ? `${a} · ${o}` : 'Not configured';
}

const start: ShapeKindInfo<'start'> = {
  kind: 'start',
  label: 'Start',
  group: 'special',
  description: 'Where every run begins: no data, a connector Get, or the caller’s documents.',
  ports: () => SINGLE_PORT,
  defaultShape: () => ({ kind: 'start', label: '', config: { mode: 'no-data' } }),
  summary: (shape) => {
    switch (shape.config.mode) {
      case 'no-data':
        return 'No Data';
      case 'passthrough':
        return 'Data Passthrough';
      case 'connector':
        return operationSummary(shape.config.operation.action, shape.config.operation.object);
    }
  },
};

const connector: ShapeKindInfo<'connector'> = {
  kind: 'connector',
  label: 'Connector',
  group: 'connector',
  description: 'Get data from or send data to CloudBlue Connect.',
  ports: () => SINGLE_PORT,
  defaultShape: () => ({
    kind: 'connector',
    label: '',
    config: {
      connector: 'cloudblue-connect',
      connectionId: '',
      action: '',
      object: '',
      trackingDirection: 'output',
      returnApplicationErrors: false,
      parameters: [],
    },
  }),
  summary: (shape) => operationSummary(shape.config.action, shape.config.object),
};

const stop: ShapeKindInfo<'stop'> = {
  kind: 'stop',
  label: 'Stop',
  group: 'logic',
  description: 'Ends a path. “End and return” ends the whole run.',
  ports: () => [],
  defaultShape: () => ({ kind: 'stop', label: '', config: { endAndReturn: false } }),
  summary: (shape) => (shape.config.endAndReturn ? 'End and return' : 'End and continue'),
};

export const SHAPE_CATALOG: { readonly [K in ShapeKind]: ShapeKindInfo<K> } = {
  start,
  connector,
  stop,
};

export function shapeInfo<K extends ShapeKind>(kind: K): ShapeKindInfo<K> {
  return SHAPE_CATALOG[kind];
}

/** Output ports of a shape given its configuration. */
export function outputPorts(shape: Shape): Port[] {
  return (shapeInfo(shape.kind) as ShapeKindInfo).ports(shape as never);
}

export function shapeSummary(shape: Shape): string {
  return (shapeInfo(shape.kind) as ShapeKindInfo).summary(shape as never);
}

export function defaultShape<K extends ShapeKind>(kind: K): ShapeOfKind<K> {
  return shapeInfo(kind).defaultShape();
}
