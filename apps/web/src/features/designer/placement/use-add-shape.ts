import { SHAPE_KINDS, type ShapeKind } from '@junction/process-model';
import { createContext, useCallback, useContext } from 'react';
import { newId, newShape } from '../new-shape.ts';
import { useEditorStoreApi } from '../store/editor-context.ts';
import { addNewShape, type PortRef } from './add-new-shape.ts';
import type { Point } from './free-position.ts';

/** The drag-and-drop type a palette item carries: the shape kind. */
export const SHAPE_DRAG_TYPE = 'application/x-junction-shape';

export function isShapeKind(value: string): value is ShapeKind {
  return (SHAPE_KINDS as readonly string[]).includes(value);
}

/**
 * The connection new Connector shapes start on, for the canvas's own drop targets
 * (the "+" beside a free port), which sit too deep to be handed it as a prop.
 */
export const DefaultConnectionContext = createContext<string | undefined>(undefined);

export interface AddShapeOptions {
  after?: PortRef | undefined;
  near?: Point | undefined;
  /** Select the new shape, so its options open (a Stop added by "+" is not). */
  select?: boolean;
}

/** Adds a shape of a kind where it covers nothing, connected to `after` if given. */
export function useAddShape(defaultConnectionId: string | undefined) {
  const store = useEditorStoreApi();
  return useCallback(
    (kind: ShapeKind, options: AddShapeOptions = {}) => {
      const id = newId(kind);
      const sizes = store.getState().measured;
      store.getState().apply((doc) =>
        addNewShape(
          doc,
          {
            id,
            kind,
            shape: newShape(kind, defaultConnectionId),
            connectionId: newId('c'),
            after: options.after,
            near: options.near,
          },
          sizes,
        ),
      );
      if (options.select ?? true) {
        store.getState().select([id]);
      }
    },
    [store, defaultConnectionId],
  );
}

/** `useAddShape` with the canvas's default connection. */
export function useCanvasAddShape() {
  return useAddShape(useContext(DefaultConnectionContext));
}
