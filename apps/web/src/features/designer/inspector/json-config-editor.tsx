import type { Shape, ValidationIssue } from '@junction/process-model';
import { useState } from 'react';

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/**
 * Edits a shape's configuration as JSON (the Advanced disclosure). The text is
 * checked as it is typed; only an object that matches the kind's schema is applied,
 * so the form next to it never sees a configuration it cannot show.
 */
export function JsonConfigEditor({
  shape,
  onChange,
  onCommit,
  check,
}: {
  shape: Shape;
  onChange: (config: unknown) => void;
  onCommit: () => void;
  /** The file-format problems `config` would have; empty means it can be applied. */
  check: (config: unknown) => readonly ValidationIssue[];
}) {
  const [text, setText] = useState(() => JSON.stringify(shape.config, null, 2));
  const [source, setSource] = useState(shape.config);
  const [problems, setProblems] = useState<readonly string[]>([]);
  // The form, undo or redo changed the configuration: show it, unless the text
  // already says the same (it was typed here).
  if (shape.config !== source) {
    setSource(shape.config);
    if (!sameJson(text, shape.config)) {
      setText(JSON.stringify(shape.config, null, 2));
      setProblems([]);
    }
  }
  return (
    <label className="json-config">
      Configuration (JSON)
      <textarea
        rows={14}
        spellCheck={false}
        value={text}
        aria-invalid={problems.length > 0}
        onChange={(e) => {
          setText(e.target.value);
          let parsed: unknown;
          try {
            parsed = JSON.parse(e.target.value);
          } catch (error) {
            setProblems([(error as Error).message]);
            return;
          }
          const issues = check(parsed);
          setProblems(
            issues.map((i) => `${i.pointer.replace(/^\/shapes\/[^/]+/, '')}: ${i.message}`),
          );
          if (issues.length === 0) {
            onChange(parsed);
          }
        }}
        onBlur={onCommit}
      />
      {problems.length > 0 && (
        <ul className="field-issues">
          {problems.map((p) => (
            <li key={p} className="is-error">
              {p}
            </li>
          ))}
        </ul>
      )}
    </label>
  );
}
