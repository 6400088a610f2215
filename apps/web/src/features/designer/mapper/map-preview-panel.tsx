import type { ShapeConfig } from '@junction/process-model';
import { useDeferredValue, useMemo } from 'react';
import { previewMap } from './map-preview.ts';
import { parseSample } from './profile-fields.ts';

/** The Map's output for the sample document, recomputed as rows change. */
export function MapPreview({
  config,
  sample,
  onSample,
}: {
  config: ShapeConfig<'map'>;
  sample: string;
  onSample: (sample: string) => void;
}) {
  // Typing in a large sample stays responsive: the preview follows a step behind.
  const deferredSample = useDeferredValue(sample);
  const result = useMemo(() => {
    const parsed = parseSample(deferredSample);
    return parsed.ok ? previewMap(config, parsed.value) : parsed;
  }, [config, deferredSample]);
  return (
    <section aria-label="Preview">
      <h3>Preview</h3>
      <label>
        Preview input
        <textarea
          className="code"
          rows={6}
          value={sample}
          onChange={(e) => onSample(e.target.value)}
        />
      </label>
      {result.ok === true && (
        <section aria-label="Preview output">
          <pre className="code">{result.output}</pre>
        </section>
      )}
      {result.ok === false && <p className="is-error">{result.error}</p>}
      {result.ok === 'expression' && (
        <p className="hint">
          This Map has a JSONata expression, which runs on the server: start a test run to see its
          output.
        </p>
      )}
    </section>
  );
}
