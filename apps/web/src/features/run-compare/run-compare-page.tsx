import type { DocumentPreview, RunRecord } from '@junction/api';
import type { ProcessDocument } from '@junction/process-model';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { hrefFor, navigate } from '../../lib/router.ts';
import { shapeTitle } from '../designer/canvas/to-flow.ts';
import { processQuery } from '../processes/process-queries.ts';
import {
  comparedDirection,
  type DocumentPair,
  pairDocuments,
  shapesInRunOrder,
} from '../runs/run-comparison.ts';
import { DOCUMENT_PAGE, documentPageQuery, runQuery } from '../runs/run-queries.ts';
import { CountCells, RunFacts } from './run-counts.tsx';
import { RunHeadings } from './run-headings.tsx';
import { DocumentPairDiff } from './side-by-side-diff.tsx';
import '../runs/run-views.css';

function preview(doc: DocumentPreview | undefined): string {
  if (!doc) {
    return '(none)';
  }
  return doc.data === '' ? '(empty document)' : doc.data.replace(/\s+/g, ' ').slice(0, 120);
}

/** What the Documents column says for a shape: how many compared documents changed. */
function changedText(pairs: DocumentPair[], capped: boolean): string {
  const changed = pairs.filter((p) => p.changed).length;
  return `${changed} of ${pairs.length} changed${capped ? ` (first ${DOCUMENT_PAGE})` : ''}`;
}

function Comparison({
  doc,
  before,
  after,
}: {
  doc: ProcessDocument | undefined;
  before: RunRecord;
  after: RunRecord;
}) {
  const titleOf = (id: string) => {
    const shape = doc?.shapes[id];
    return shape ? shapeTitle(shape) : id;
  };
  const shapes = shapesInRunOrder(doc, [before, after]);
  const pages = useQueries({
    queries: shapes.flatMap((id) => [
      documentPageQuery(before.id, id, comparedDirection(doc, id), 0),
      documentPageQuery(after.id, id, comparedDirection(doc, id), 0),
    ]),
  });
  const pairsAt = (index: number): DocumentPair[] | null => {
    const left = pages[index * 2]?.data;
    const right = pages[index * 2 + 1]?.data;
    return left && right ? pairDocuments(left.items, right.items) : null;
  };
  const cappedAt = (index: number) =>
    (pages[index * 2]?.data?.total ?? 0) > DOCUMENT_PAGE ||
    (pages[index * 2 + 1]?.data?.total ?? 0) > DOCUMENT_PAGE;
  const [picked, setPicked] = useState<string | null>(null);
  const [pickedPosition, setPickedPosition] = useState<number | null>(null);
  // Until a shape is chosen, the first one with a changed document is open.
  const firstChanged = shapes.find((_, i) => pairsAt(i)?.some((p) => p.changed));
  const shape = picked ?? firstChanged ?? null;
  const shapeIndex = shape === null ? -1 : shapes.indexOf(shape);
  const changed = (shapeIndex < 0 ? [] : (pairsAt(shapeIndex) ?? [])).filter((p) => p.changed);
  const pair = changed.find((p) => p.position === pickedPosition) ?? changed[0];
  const direction = (id: string) =>
    comparedDirection(doc, id) === 'out' ? 'documents it produced' : 'documents in';

  return (
    <>
      <div className="run-compare__table">
        <table aria-label="Run comparison">
          <thead>
            <tr>
              <td />
              <RunHeadings before={before} after={after} />
              <td />
            </tr>
            <tr>
              <th scope="col">Shape</th>
              <th scope="col" className="is-number">
                In
              </th>
              <th scope="col" className="is-number">
                Out
              </th>
              <th scope="col" className="is-number">
                In error
              </th>
              <th scope="col" className="is-number">
                In
              </th>
              <th scope="col" className="is-number">
                Out
              </th>
              <th scope="col" className="is-number">
                In error
              </th>
              <th scope="col">Documents compared</th>
            </tr>
          </thead>
          <tbody>
            {shapes.map((id, index) => {
              const pairs = pairsAt(index);
              const count = pairs?.filter((p) => p.changed).length ?? 0;
              return (
                <tr key={id} className={id === shape ? 'is-selected' : undefined}>
                  <th scope="row">{titleOf(id)}</th>
                  <CountCells mine={before.shapes[id]} theirs={after.shapes[id]} />
                  <CountCells mine={after.shapes[id]} theirs={before.shapes[id]} />
                  <td>
                    {pairs === null ? (
                      '…'
                    ) : pairs.length === 0 ? (
                      <span className="hint">No documents</span>
                    ) : count === 0 ? (
                      `${changedText(pairs, cappedAt(index))} (${direction(id)})`
                    ) : (
                      <button
                        type="button"
                        aria-pressed={id === shape}
                        onClick={() => {
                          setPicked(id);
                          setPickedPosition(null);
                        }}
                      >
                        {changedText(pairs, cappedAt(index))}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Documents are compared by position: those entering each shape (Start: those it produced), by
        data and properties.
      </p>
      {shape !== null && changed.length > 0 && (
        <div className="run-compare__detail">
          <section aria-label={`Changed documents at ${titleOf(shape)}`}>
            <h2>Changed at {titleOf(shape)}</h2>
            <ul className="changed-documents">
              {changed.map((p) => (
                <li key={p.position}>
                  <button
                    type="button"
                    aria-pressed={p === pair}
                    onClick={() => setPickedPosition(p.position)}
                  >
                    <span>Document {p.position + 1}</span>
                    <span className="changed-documents__line">− {preview(p.before)}</span>
                    <span className="changed-documents__line">+ {preview(p.after)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {pair && (
            <DocumentPairDiff
              key={`${shape}:${pair.position}`}
              before={before}
              after={after}
              pair={pair}
              title={titleOf(shape)}
            />
          )}
        </div>
      )}
      {firstChanged === undefined && pages.every((p) => p.data) && (
        <p className="hint">No compared document changed between these runs.</p>
      )}
    </>
  );
}

/**
 * Two test runs of a process compared full width: shape by shape in process
 * order with both runs' counts side by side, the documents that changed at a
 * shape, and a changed document before | after.
 */
export function RunComparePage({
  processId,
  before,
  after,
}: {
  processId: string;
  before: string;
  after: string;
}) {
  const process = useQuery(processQuery(processId));
  const left = useQuery(runQuery(before));
  const right = useQuery(runQuery(after));
  const back = { page: 'designer', processId } as const;
  const failed = left.error ?? right.error;
  return (
    <main className="page run-compare">
      <header className="run-compare__header">
        <h1>Compare test runs</h1>
        {process.data && <span className="hint">{process.data.document.name}</span>}
        <a
          href={hrefFor(back)}
          onClick={(e) => {
            e.preventDefault();
            navigate(back);
          }}
        >
          Back to the designer
        </a>
      </header>
      {failed && <p role="alert">Could not load a run: {failed.message}</p>}
      {!failed && (left.isPending || right.isPending || process.isPending) && (
        <p className="hint">Loading the runs…</p>
      )}
      {left.data && right.data && !process.isPending && (
        <>
          <dl className="run-compare__runs">
            <RunFacts label="Before" run={left.data} />
            <RunFacts label="After" run={right.data} />
          </dl>
          <Comparison doc={process.data?.document} before={left.data} after={right.data} />
        </>
      )}
    </main>
  );
}
