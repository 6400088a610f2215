import type { Shape, ShapeKind, ShapeOfKind } from '../schema/shapes.ts';
import type { PaletteGroup, Port, ShapeKindInfo } from './kind-info.ts';
import { addToCache, findChanges, removeFromCache, retrieveFromCache } from './kinds/cache.ts';
import { connector, start } from './kinds/connect.ts';
import {
  dataProcess,
  map,
  message,
  notify,
  processCall,
  programCommand,
  setProperties,
} from './kinds/execute.ts';
import {
  branch,
  businessRules,
  cleanse,
  decision,
  exception,
  flowControl,
  returnDocuments,
  route,
  stop,
  tryCatch,
} from './kinds/logic.ts';

export type { PaletteGroup, Port, ShapeKindInfo };

/** Everything the designer and runtime need to know about each kind, keyed by kind. */
export const SHAPE_CATALOG: { readonly [K in ShapeKind]: ShapeKindInfo<K> } = {
  start,
  connector,
  map,
  'set-properties': setProperties,
  message,
  notify,
  'program-command': programCommand,
  'process-call': processCall,
  'data-process': dataProcess,
  'find-changes': findChanges,
  'add-to-cache': addToCache,
  'retrieve-from-cache': retrieveFromCache,
  'remove-from-cache': removeFromCache,
  branch,
  route,
  cleanse,
  decision,
  exception,
  stop,
  'return-documents': returnDocuments,
  'flow-control': flowControl,
  'business-rules': businessRules,
  'try-catch': tryCatch,
};

/** The catalog entry of one kind. */
export function shapeInfo<K extends ShapeKind>(kind: K): ShapeKindInfo<K> {
  return SHAPE_CATALOG[kind];
}

/** Output ports of a shape given its configuration, in the order the runtime runs them. */
export function outputPorts(shape: Shape): Port[] {
  return (shapeInfo(shape.kind) as ShapeKindInfo).ports(shape as never);
}

/** A one-line description of a shape's configuration for the canvas. */
export function shapeSummary(shape: Shape): string {
  return (shapeInfo(shape.kind) as ShapeKindInfo).summary(shape as never);
}

/** A freshly dropped shape of `kind`, unconfigured. */
export function defaultShape<K extends ShapeKind>(kind: K): ShapeOfKind<K> {
  return shapeInfo(kind).defaultShape();
}
