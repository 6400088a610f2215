import type { ShapeConfig } from '@junction/process-model';
import { compileRows } from '@junction/runtime/map-rows';

export type PreviewResult =
  | { ok: true; output: string }
  | { ok: false; error: string }
  | { ok: 'expression' };

/**
 * The Map's output for one sample document, computed by the runtime's own row
 * compiler (`@junction/runtime/map-rows`: pure, process-model only), so the preview
 * cannot disagree with a run. A Map with a JSONata expression is not previewed
 * here: jsonata is the server's dependency, and its result is the base the rows
 * write on; a test run shows it.
 */
export function previewMap(config: ShapeConfig<'map'>, sample: unknown): PreviewResult {
  if (config.expression.trim() !== '') {
    return { ok: 'expression' };
  }
  try {
    const output = compileRows(config.mappings)(sample, {});
    return { ok: true, output: JSON.stringify(output, null, 2) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
