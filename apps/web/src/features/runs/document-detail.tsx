import type { DocumentDirection } from '@junction/api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CopyButton } from './copy-button.tsx';
import { placeToShow } from './document-at-shape.ts';
import { type DiffRow, diffDocuments, diffProperties } from './document-diff.ts';
import { type DataMode, DataViewer } from './json-view.tsx';
import { documentQuery } from './run-queries.ts';

const VIEWS: { id: DataMode; label: string }[] = [
  { id: 'tree', label: 'Tree' },
  { id: 'text', label: 'Text' },
  { id: 'table', label: 'Table' },
];

export function DiffTable({ title, rows }: { title: string; rows: DiffRow[] }) {
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="hint">No changes.</p>
      ) : (
        <table className="data-table diff">
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.key}</td>
                <td className="diff-before">{r.before ?? '—'}</td>
                <td className="diff-after">{r.after ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * One document of a run: its data (tree, raw or table), properties, where it
 * went, its logs, and what the selected shape changed. Previous/next follow the
 * same document from shape to shape, showing its data as it was at each.
 */
export function DocumentDetail({
  runId,
  documentId,
  shapeId,
  direction,
  shapeTitle,
  onGoToShape,
  onOpenDocument,
}: {
  runId: string;
  documentId: string;
  shapeId: string;
  /** The side of the shape the panel lists: the document is shown as it was there. */
  direction: DocumentDirection;
  shapeTitle: (id: string) => string;
  onGoToShape: (shapeId: string) => void;
  onOpenDocument: (documentId: string) => void;
}) {
  const [view, setView] = useState<DataMode>('tree');
  const detail = useQuery(documentQuery(runId, documentId));
  const place = detail.data && placeToShow(detail.data.appearances, shapeId, direction);
  const atPlace = useQuery({
    ...documentQuery(runId, documentId, place),
    enabled: place !== undefined,
  });
  // A parent the run did not keep has a note instead of a link that could only fail.
  const parentNote = detail.data?.parentNote ?? null;
  const parentId = parentNote === null ? (detail.data?.parentId ?? null) : null;
  const parent = useQuery({ ...documentQuery(runId, parentId ?? ''), enabled: parentId !== null });
  const shown = place === undefined ? detail : atPlace;
  if (shown.isPending) {
    return <p className="hint">Loading document…</p>;
  }
  if (shown.isError) {
    return <p role="alert">Could not load the document: {shown.error.message}</p>;
  }
  const doc = shown.data;
  const path = [...new Set(doc.appearances.map((a) => a.shapeId))];
  const here = path.indexOf(shapeId);
  const input = doc.appearances.find((a) => a.shapeId === shapeId && a.direction === 'in');
  const output = doc.appearances.find((a) => a.shapeId === shapeId && a.direction !== 'in');
  return (
    <section className="document-detail" aria-label="Document">
      <header>
        <strong>Document {doc.documentId}</strong>
        <CopyButton text={doc.data} />
        <fieldset className="view-toggle" aria-label="View">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-pressed={view === v.id}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </fieldset>
      </header>
      <nav className="row" aria-label="Document path">
        <button type="button" disabled={here <= 0} onClick={() => onGoToShape(path[here - 1]!)}>
          ← Previous shape
        </button>
        <span className="hint">{path.map(shapeTitle).join(' → ')}</span>
        <button
          type="button"
          disabled={here < 0 || here >= path.length - 1}
          onClick={() => onGoToShape(path[here + 1]!)}
        >
          Next shape →
        </button>
      </nav>
      {doc.appearances.find((a) => a.error) && (
        <p role="alert" className="is-error">
          {doc.appearances.find((a) => a.error)?.error}
        </p>
      )}
      <DataViewer data={doc.data} view={view} />
      <h4>Properties</h4>
      <table className="data-table" aria-label="Properties">
        <tbody>
          {Object.entries(doc.properties).map(([k, v]) => (
            <tr key={k}>
              <td>{k}</td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {parentId && (
        <p>
          Made from{' '}
          <button type="button" className="link" onClick={() => onOpenDocument(parentId)}>
            document {parentId}
          </button>
        </p>
      )}
      {parentNote && <p className="hint">{parentNote}</p>}
      {parent.data && (
        <DiffTable
          title="Data changes from its input"
          rows={diffDocuments(parent.data.data, doc.data)}
        />
      )}
      {input && output && (
        <DiffTable
          title={`Property changes at ${shapeTitle(shapeId)}`}
          rows={diffProperties(input.properties, output.properties)}
        />
      )}
      {doc.logs.length > 0 && (
        <>
          <h4>Logs</h4>
          <ul className="log-list">
            {doc.logs.map((l) => (
              <li key={l.seq} className={`log-${l.level}`}>
                {l.level}: {l.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
