import { isInboundPlatformAction } from '../../catalog/platform-operations.ts';
import type { ShapeOfKind } from '../../schema/shapes.ts';
import { connectorIssues } from '../connector.ts';
import { pointerOf } from '../issue.ts';
import type { ShapeIssues } from '../shape-context.ts';
import { listenerIssues } from './listen.ts';

export function connectorShapeIssues(shape: ShapeOfKind<'connector'>, at: ShapeIssues): void {
  at.issues.push(
    ...connectorIssues(shape.config, pointerOf('shapes', at.shapeId, 'config'), at.shapeId),
  );
}

export function startIssues(shape: ShapeOfKind<'start'>, at: ShapeIssues): void {
  if (shape.config.mode === 'listen') {
    listenerIssues(shape.config.listener, at);
    return;
  }
  if (shape.config.mode !== 'connector') {
    return;
  }
  const op = shape.config.operation;
  at.issues.push(
    ...connectorIssues(op, pointerOf('shapes', at.shapeId, 'config', 'operation'), at.shapeId),
  );
  if (op.connector === 'cloudblue-connect') {
    if (op.action !== '' && op.action !== 'list' && op.action !== 'get') {
      at.error(
        'start.not-a-get',
        'A Start connector must get data (List Resource or Get Resource).',
        'operation',
        'action',
      );
    }
  } else if (!isInboundPlatformAction(op.action)) {
    at.error(
      'start.not-a-get',
      'A Start connector must get data (Get or Query).',
      'operation',
      'action',
    );
  }
}
