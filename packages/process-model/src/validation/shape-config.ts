import type { ProcessDocument } from '../schema/process.ts';
import type { Shape, ShapeKind, ShapeOfKind } from '../schema/shapes.ts';
import type { ValidationIssue } from './issue.ts';
import { ShapeIssues } from './shape-context.ts';
import { connectorShapeIssues, startIssues } from './shapes/connect.ts';
import {
  addToCacheIssues,
  dataProcessIssues,
  findChangesIssues,
  removeFromCacheIssues,
  retrieveFromCacheIssues,
} from './shapes/data.ts';
import {
  mapIssues,
  messageIssues,
  notifyIssues,
  processCallIssues,
  programCommandIssues,
  setPropertiesIssues,
} from './shapes/execute.ts';
import {
  branchIssues,
  businessRulesIssues,
  cleanseIssues,
  decisionIssues,
  exceptionIssues,
  flowControlIssues,
  returnDocumentsIssues,
  routeIssues,
  tryCatchIssues,
} from './shapes/logic.ts';

type Check<K extends ShapeKind> = (shape: ShapeOfKind<K>, at: ShapeIssues) => void;

// A mapped type, so adding a kind without a check is a compile error.
const CHECKS: { readonly [K in ShapeKind]: Check<K> } = {
  start: startIssues,
  connector: connectorShapeIssues,
  map: mapIssues,
  'set-properties': setPropertiesIssues,
  message: messageIssues,
  notify: notifyIssues,
  'program-command': programCommandIssues,
  'process-call': processCallIssues,
  'data-process': dataProcessIssues,
  'find-changes': findChangesIssues,
  'add-to-cache': addToCacheIssues,
  'retrieve-from-cache': retrieveFromCacheIssues,
  'remove-from-cache': removeFromCacheIssues,
  branch: branchIssues,
  route: routeIssues,
  cleanse: cleanseIssues,
  decision: decisionIssues,
  exception: exceptionIssues,
  stop: () => {},
  'return-documents': returnDocumentsIssues,
  'flow-control': flowControlIssues,
  'business-rules': businessRulesIssues,
  'try-catch': tryCatchIssues,
};

/** What one shape's configuration still needs, with pointers into `/shapes/<id>/config`. */
export function shapeConfigIssues(
  doc: ProcessDocument,
  id: string,
  shape: Shape,
): ValidationIssue[] {
  const at = new ShapeIssues(doc, id);
  (CHECKS[shape.kind] as Check<ShapeKind>)(shape as never, at);
  return at.issues;
}
