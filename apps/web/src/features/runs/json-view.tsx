import { renderPath } from '@junction/process-model';
import { useState } from 'react';
import { CodeView } from './code-view.tsx';

function JsonNode({ name, value, depth }: { name: string; value: unknown; depth: number }) {
  const [open, setOpen] = useState(depth < 2);
  if (value === null || typeof value !== 'object') {
    return (
      <li>
        <span className="json-key">{name}</span>:{' '}
        <span className={`json-${value === null ? 'null' : typeof value}`}>
          {JSON.stringify(value)}
        </span>
      </li>
    );
  }
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  return (
    <li>
      <button
        type="button"
        className="json-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} <span className="json-key">{name}</span>
        <span className="hint">
          {' '}
          {Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}
        </span>
      </button>
      {open && (
        <ul>
          {entries.map(([k, v]) => (
            <JsonNode key={k} name={k} value={v} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Rows of scalar leaves by path: a flat view that suits records. */
function flatten(
  value: unknown,
  path: (string | number)[] = [],
  out: [string, string][] = [],
): [string, string][] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Array.isArray(value)
      ? value.map((v, i) => [i, v] as const)
      : Object.entries(value)) {
      flatten(v, [...path, k], out);
    }
  } else {
    // The same path text as the diff, so a dotted key is not read as two keys.
    out.push([
      path.length === 0 ? '(value)' : renderPath(path),
      value === null ? 'null' : String(value),
    ]);
  }
  return out;
}

export type DataMode = 'tree' | 'text' | 'table';

/** A document's data as a JSON tree, coloured text or a path/value table. */
export function DataViewer({ data, view }: { data: string; view: DataMode }) {
  let parsed: unknown;
  let isJson = true;
  try {
    parsed = JSON.parse(data);
  } catch {
    isJson = false;
  }
  if (view === 'text' || !isJson) {
    return <CodeView data={data} label="Text view" />;
  }
  if (view === 'table') {
    return (
      <table className="data-table">
        <thead>
          <tr>
            <th>Path</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {flatten(parsed).map(([path, value]) => (
            <tr key={path}>
              <td>{path}</td>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <ul className="json-tree" aria-label="Document data">
      <JsonNode name="document" value={parsed} depth={0} />
    </ul>
  );
}
