import type { DocumentDirection, DocumentPreview } from '@junction/api';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DOCUMENT_PAGE, documentPageQuery } from './run-queries.ts';

const ROW = 28;
const VIEW_HEIGHT = 252;

function firstLine(doc: DocumentPreview): string {
  const text = doc.error ?? doc.data;
  return text === '' ? '(empty document)' : text.replace(/\s+/g, ' ').slice(0, 120);
}

/**
 * A shape's documents in one direction, virtualised: only the rows in view are
 * rendered and only their pages are fetched, so 100,000 documents scroll as
 * smoothly as ten. While the run goes on (`live`), the pages in view are fetched
 * again every second: a connector's records show as they are stored.
 */
export function DocumentList({
  runId,
  shapeId,
  direction,
  live,
  selected,
  onSelect,
}: {
  runId: string;
  shapeId: string;
  direction: DocumentDirection;
  live: boolean;
  selected: string | null;
  onSelect: (documentId: string) => void;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = useQuery(documentPageQuery(runId, shapeId, direction, 0, live));
  const total = first.data?.total ?? 0;
  const start = Math.floor(scrollTop / ROW);
  const end = Math.min(total, start + Math.ceil(VIEW_HEIGHT / ROW) + 1);
  const pages = [
    ...new Set([
      Math.floor(start / DOCUMENT_PAGE),
      Math.floor(Math.max(start, end - 1) / DOCUMENT_PAGE),
    ]),
  ];
  const loaded = useQueries({
    queries: pages.map((p) => documentPageQuery(runId, shapeId, direction, p, live)),
  });
  const rowAt = (index: number): DocumentPreview | undefined => {
    const page = Math.floor(index / DOCUMENT_PAGE);
    return loaded[pages.indexOf(page)]?.data?.items[index - page * DOCUMENT_PAGE];
  };

  if (first.isPending) {
    return <p className="hint">Loading documents…</p>;
  }
  if (total === 0) {
    return (
      <p className="hint">
        No documents {direction === 'in' ? 'entered' : direction === 'out' ? 'left' : 'failed at'}{' '}
        this shape{live ? ' yet' : ''}.
      </p>
    );
  }
  const rows = [];
  for (let index = start; index < end; index++) {
    const doc = rowAt(index);
    rows.push(
      <div
        key={index}
        role="option"
        aria-selected={doc !== undefined && doc.documentId === selected}
        style={{ top: index * ROW, height: ROW }}
        className={doc?.error ? 'is-error' : undefined}
        onClick={() => doc && onSelect(doc.documentId)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && doc) {
            onSelect(doc.documentId);
          }
        }}
        tabIndex={0}
      >
        <span className="document-list__index">#{index + 1}</span>
        {doc ? firstLine(doc) : '…'}
      </div>,
    );
  }
  return (
    <>
      {live && (
        // No live region: read out every second, the count would drown the panel.
        <p className="hint">{total.toLocaleString('en')} stored so far; the run is still going.</p>
      )}
      <div
        className="document-list"
        style={{ height: VIEW_HEIGHT }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div role="listbox" aria-label={`Documents ${direction}`} style={{ height: total * ROW }}>
          {rows}
        </div>
      </div>
    </>
  );
}
