import type { RunRecord, ShapeStats } from '@junction/api';

/**
 * A document side's button label ("Out (12)"). A shape's counts come when it finishes:
 * while it works in a running run they are still zero (or its last pass's), and
 * "Out (0)" would say it made nothing while its list shows what it has stored so far.
 * A run that ended with the shape cut off keeps its counts: they are all there will be.
 */
export function documentSideLabel(
  side: string,
  count: number | undefined,
  runStatus: RunRecord['status'],
  shapeStatus: ShapeStats['status'] | undefined,
): string {
  return runStatus === 'running' && shapeStatus === 'running' ? side : `${side} (${count ?? 0})`;
}
