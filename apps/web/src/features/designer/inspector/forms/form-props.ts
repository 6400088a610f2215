import type { ShapeConfig, ShapeKind, ValidationIssue } from '@junction/process-model';

/** What every kind's form gets: its configuration and the live issues of its shape. */
export interface ConfigFormProps<K extends ShapeKind> {
  config: ShapeConfig<K>;
  issues: readonly ValidationIssue[];
  /**
   * `commit` true for discrete edits (one undo entry each); false while typing, which
   * `onCommit` records as one undo entry when the field loses focus.
   */
  onChange: (next: ShapeConfig<K>, commit: boolean) => void;
  onCommit: () => void;
  /** The shape's id, for views that look around it in the process (the Map's mapper). */
  shapeId?: string;
}
