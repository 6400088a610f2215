import type { Shape, ValidationIssue } from '@junction/process-model';
import { useState } from 'react';

/**
 * Edits a shape's configuration as JSON, for kinds that have no dedicated form
 * yet. The text is checked as it is typed; only a parseable object is applied,
 * and the validation messages of the shape show right below.
 */
export function JsonConfigEditor({
  shape,
  issues,
  onChange,
}: {
  shape: Shape;
  issues: readonly ValidationIssue[];
  onChange: (config: unknown) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(shape.config, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);
  return (
    <label className="json-config">
      Configuration (JSON)
      <textarea
        rows={14}
        spellCheck={false}
        value={text}
        aria-invalid={syntax !== null || issues.some((i) => i.severity === 'error')}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            setSyntax(null);
            onChange(parsed);
          } catch (error) {
            setSyntax((error as Error).message);
          }
        }}
      />
      {syntax && <span className="field-issues is-error">{syntax}</span>}
    </label>
  );
}
