import type { RunRecord } from '@junction/api';
import { CodeText, useHighlighted } from '../runs/code-view.tsx';
import { DiffTable } from '../runs/document-detail.tsx';
import { diffDocuments, diffProperties } from '../runs/document-diff.ts';
import { documentText } from '../runs/document-text.ts';
import {
  type DocumentPair,
  type SideBySideRow,
  type SideLine,
  sideBySide,
} from '../runs/run-comparison.ts';
import { RunHeadings } from './run-headings.tsx';

/** Per line, the coloured HTML of indented JSON (JSON tokens never span lines); null otherwise. */
function useLineHtml(data: string | null): (string | undefined)[] | null {
  const { text, language } = documentText(data ?? '');
  const html = useHighlighted(text, language === 'json' ? 'json' : 'text');
  return html === null ? null : html.split('\n');
}

function Side({
  line,
  sign,
  html,
}: {
  line: SideLine | undefined;
  sign: 'removed' | 'added' | null;
  html: (string | undefined)[] | null;
}) {
  if (!line) {
    return <td colSpan={3} className="is-empty" />;
  }
  const marked = sign === null ? undefined : `is-${sign}`;
  return (
    <>
      <td className="side-by-side__number">{line.number}</td>
      <td className={marked}>
        {sign && (
          <>
            <span aria-hidden="true">{sign === 'removed' ? '−' : '+'}</span>
            <span className="visually-hidden">{sign === 'removed' ? 'before:' : 'after:'}</span>
          </>
        )}
      </td>
      <td className={marked}>
        <CodeText text={line.text} html={html?.[line.number - 1] ?? null} />
      </td>
    </>
  );
}

function SideBySide({
  rows,
  before,
  after,
  beforeData,
  afterData,
}: {
  rows: SideBySideRow[];
  before: RunRecord;
  after: RunRecord;
  beforeData: string | null;
  afterData: string | null;
}) {
  const left = useLineHtml(beforeData);
  const right = useLineHtml(afterData);
  return (
    <div className="side-by-side__scroll">
      <table className="side-by-side" aria-label="Side-by-side diff">
        <colgroup>
          <col className="side-by-side__number" />
          <col className="side-by-side__sign" />
          <col />
          <col className="side-by-side__number" />
          <col className="side-by-side__sign" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <RunHeadings before={before} after={after} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // Rows have no identity of their own; the diff is recomputed as a whole.
            // biome-ignore lint/suspicious/noArrayIndexKey: position is the row's identity here.
            <tr key={i}>
              <Side
                line={'before' in row ? row.before : undefined}
                sign={row.kind === 'same' ? null : 'removed'}
                html={left}
              />
              <Side
                line={'after' in row ? row.after : undefined}
                sign={row.kind === 'same' ? null : 'added'}
                html={right}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One changed document of a shape: before | after line by line, then its changes
 * by path and its property changes. It reads the documents as the shape saw them
 * (the list's previews): a document's detail holds its data at its last shape.
 */
export function DocumentPairDiff({
  before,
  after,
  pair,
  title,
}: {
  before: RunRecord;
  after: RunRecord;
  pair: DocumentPair;
  title: string;
}) {
  const heading = `Document ${pair.position + 1} at ${title}`;
  const beforeData = pair.before?.data ?? null;
  const afterData = pair.after?.data ?? null;
  return (
    <section aria-label={heading}>
      <h2>{heading}</h2>
      {!pair.before && <p className="hint">The earlier run had no document here.</p>}
      {!pair.after && <p className="hint">The later run had no document here.</p>}
      {(pair.before?.truncated || pair.after?.truncated) && (
        <p className="hint">
          Compared on the first 10 KB of each document ({pair.before?.size ?? 0} and{' '}
          {pair.after?.size ?? 0} characters in all).
        </p>
      )}
      <SideBySide
        rows={sideBySide(beforeData, afterData)}
        before={before}
        after={after}
        beforeData={beforeData}
        afterData={afterData}
      />
      {beforeData !== null && afterData !== null && (
        <DiffTable title="Changes by path" rows={diffDocuments(beforeData, afterData)} />
      )}
      {pair.before && pair.after && (
        <DiffTable
          title="Property changes"
          rows={diffProperties(pair.before.properties, pair.after.properties)}
        />
      )}
    </section>
  );
}
