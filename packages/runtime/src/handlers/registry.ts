import type { ShapeKind } from '@junction/process-model';
import type { AnyShapeHandler, ShapeHandler } from '../types.ts';
import { branchHandler } from './branch.ts';
import { businessRulesHandler } from './business-rules.ts';
import { addToCacheHandler, removeFromCacheHandler, retrieveFromCacheHandler } from './cache.ts';
import { cleanseHandler } from './cleanse.ts';
import { connectorHandler } from './connector.ts';
import { dataProcessHandler } from './data-process.ts';
import { decisionHandler } from './decision.ts';
import { exceptionHandler } from './exception.ts';
import { findChangesHandler } from './find-changes.ts';
import { flowControlHandler } from './flow-control.ts';
import { mapHandler } from './map.ts';
import { messageHandler } from './message.ts';
import { notifyHandler } from './notify.ts';
import { processCallHandler } from './process-call.ts';
import { programCommandHandler } from './program-command.ts';
import { returnDocumentsHandler } from './return-documents.ts';
import { routeHandler } from './route.ts';
import { setPropertiesHandler } from './set-properties.ts';
import { startHandler } from './start.ts';
import { stopHandler } from './stop.ts';
import { tryCatchHandler } from './try-catch.ts';

/** One handler per shape kind; the engine looks handlers up here and nowhere else. */
const HANDLERS: { [K in ShapeKind]: ShapeHandler<K> } = {
  start: startHandler,
  connector: connectorHandler,
  map: mapHandler,
  'set-properties': setPropertiesHandler,
  message: messageHandler,
  notify: notifyHandler,
  'program-command': programCommandHandler,
  'process-call': processCallHandler,
  'data-process': dataProcessHandler,
  'find-changes': findChangesHandler,
  'add-to-cache': addToCacheHandler,
  'retrieve-from-cache': retrieveFromCacheHandler,
  'remove-from-cache': removeFromCacheHandler,
  branch: branchHandler,
  route: routeHandler,
  cleanse: cleanseHandler,
  decision: decisionHandler,
  exception: exceptionHandler,
  stop: stopHandler,
  'return-documents': returnDocumentsHandler,
  'flow-control': flowControlHandler,
  'business-rules': businessRulesHandler,
  'try-catch': tryCatchHandler,
};

export function handlerFor(kind: ShapeKind): AnyShapeHandler | undefined {
  return HANDLERS[kind] as AnyShapeHandler | undefined;
}
