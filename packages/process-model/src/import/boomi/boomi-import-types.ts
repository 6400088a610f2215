import type { ProcessDocument } from '../../schema/process.ts';
import type { ShapeKind } from '../../schema/shapes.ts';
import type { ValidationIssue } from '../../validation/issue.ts';
import type { ReadXmlLimits, XmlProblem } from './read-xml.ts';

/** A Boomi shape that became a shape here. */
export interface MappedShape {
  boomiName: string;
  boomiType: string;
  label: string;
  id: string;
  kind: ShapeKind;
}

/** What the import left out, and the note on the canvas that says so. */
export interface Omission {
  boomiName: string;
  boomiType: string;
  label: string;
  /** Set when the whole shape was left out (else only parts of its configuration). */
  shapeDropped: boolean;
  lost: string[];
  noteId: string;
}

export type BoomiImportResult =
  | {
      ok: true;
      document: ProcessDocument;
      mapped: MappedShape[];
      omitted: Omission[];
      issues: ValidationIssue[];
    }
  | { ok: false; problem: XmlProblem };

export interface BoomiImportOptions {
  /** The new process's id. */
  id: string;
  limits?: Partial<ReadXmlLimits>;
  /** Most shapes accepted. */
  maxShapes?: number;
}
