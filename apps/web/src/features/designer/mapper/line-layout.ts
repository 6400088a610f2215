/**
 * Where the mapper draws a row's line. Both field lists use one fixed row height,
 * so a field's place is a function of its index: the layout is pure, needs no DOM
 * measuring and stays right while the lists scroll together.
 */
export const FIELD_ROW_HEIGHT = 32;

export interface MappingLine {
  /** Index of the Map row the line draws. */
  row: number;
  y1: number;
  y2: number;
  /** Where the row's function label sits: the line's midpoint. */
  labelY: number;
}

/**
 * One line per row whose source and target are both listed; rows naming a field
 * on neither list have no line (the list view still shows them). Labels of lines
 * whose midpoints fall within a row height of each other are pushed apart, in
 * row order, so no label hides another.
 */
export function layoutLines(
  rows: readonly { from: string; to: string }[],
  sourcePaths: readonly string[],
  targetPaths: readonly string[],
): MappingLine[] {
  const sourceIndex = new Map(sourcePaths.map((path, i) => [path, i]));
  const targetIndex = new Map(targetPaths.map((path, i) => [path, i]));
  const centre = (index: number) => index * FIELD_ROW_HEIGHT + FIELD_ROW_HEIGHT / 2;
  const lines: MappingLine[] = [];
  rows.forEach((row, index) => {
    const from = sourceIndex.get(row.from);
    const to = targetIndex.get(row.to);
    if (from === undefined || to === undefined) {
      return;
    }
    const y1 = centre(from);
    const y2 = centre(to);
    lines.push({ row: index, y1, y2, labelY: (y1 + y2) / 2 });
  });
  const byLabel = [...lines].sort((a, b) => a.labelY - b.labelY || a.row - b.row);
  for (let i = 1; i < byLabel.length; i++) {
    const previous = byLabel[i - 1] as MappingLine;
    const line = byLabel[i] as MappingLine;
    if (line.labelY - previous.labelY < FIELD_ROW_HEIGHT * 0.75) {
      line.labelY = previous.labelY + FIELD_ROW_HEIGHT * 0.75;
    }
  }
  return lines;
}
