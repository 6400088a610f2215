import type { ShapeKind } from '../schema/shapes.ts';
import type { PaletteGroup } from './kind-info.ts';
import { SHAPE_CATALOG } from './shape-catalog.ts';

/** One tab of the designer's palette. */
export interface PaletteSection {
  group: Exclude<PaletteGroup, 'special'>;
  label: string;
  kinds: readonly ShapeKind[];
}

const SECTIONS: readonly Omit<PaletteSection, 'kinds'>[] = [
  { group: 'connector', label: 'Connect' },
  { group: 'execute', label: 'Execute' },
  { group: 'logic', label: 'Logic' },
];

/**
 * The palette, tab by tab, in Boomi's order (process-semantics.md §1). Start is not
 * in it: every process gets exactly one when created.
 */
export const PALETTE: readonly PaletteSection[] = SECTIONS.map((section) => ({
  ...section,
  kinds: Object.values(SHAPE_CATALOG)
    .filter((info) => info.group === section.group)
    .map((info) => info.kind),
}));
