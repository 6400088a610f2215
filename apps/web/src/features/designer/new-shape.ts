import { defaultShape, type Shape, type ShapeKind } from '@junction/process-model';

/** Short, readable, unique-enough ids: shape ids show up in files and in git diffs. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * A freshly dropped shape. Connectors start on the default connection (the
 * built-in Sandbox), so a newcomer can run without configuring credentials.
 */
export function newShape(kind: ShapeKind, defaultConnectionId: string | undefined): Shape {
  const shape = defaultShape(kind);
  if (shape.kind === 'connector' && defaultConnectionId) {
    return { ...shape, config: { ...shape.config, connectionId: defaultConnectionId } };
  }
  return shape;
}
