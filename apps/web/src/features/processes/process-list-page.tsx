import type { BoomiImportPreview } from '@junction/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type DragEvent, useState } from 'react';
import { describeApiError } from '../../lib/api-issues.ts';
import { hrefFor, navigate } from '../../lib/router.ts';
import { BoomiImportPreviewPanel } from './boomi-import-preview.tsx';
import { emptyListText, lastRunText, UNTITLED_PROCESS } from './process-list-text.ts';
import {
  createProcessRequest,
  deleteProcessRequest,
  importProcessRequest,
  previewBoomiImportRequest,
  processKeys,
  processListQuery,
} from './process-queries.ts';

/** A Boomi export is XML; a Junction file is JSON. */
function isXmlFile(file: File, text: string): boolean {
  return /\.xml$/i.test(file.name) || /xml/.test(file.type) || text.trimStart().startsWith('<');
}

/**
 * Processes: create (a blank canvas at once, renamed in the designer), search by
 * name, open, delete, and import a file by drop or picker. Each row shows the last
 * change and the last run; an empty list says what to do next.
 */
export function ProcessListPage() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const [boomiPreview, setBoomiPreview] = useState<BoomiImportPreview | null>(null);
  const list = useQuery(processListQuery(search));
  const refresh = () => queryClient.invalidateQueries({ queryKey: processKeys.all });

  const create = useMutation({
    mutationFn: () => createProcessRequest(UNTITLED_PROCESS),
    onSuccess: (created) => {
      void refresh();
      navigate({ page: 'designer', processId: created.id });
    },
  });
  const remove = useMutation({ mutationFn: deleteProcessRequest, onSuccess: () => void refresh() });
  const opened = (imported: { id: string }) => {
    void refresh();
    navigate({ page: 'designer', processId: imported.id });
  };
  const importFile = useMutation({
    // The text goes as it is: the server reports bad JSON or XML by line and column.
    mutationFn: async (file: File) => {
      const text = await file.text();
      if (isXmlFile(file, text)) {
        return { preview: await previewBoomiImportRequest(text) };
      }
      return { imported: await importProcessRequest(text) };
    },
    onMutate: () => {
      setImportError(null);
      setBoomiPreview(null);
    },
    onSuccess: (result) => {
      if ('preview' in result) {
        setBoomiPreview(result.preview);
      } else {
        opened(result.imported);
      }
    },
    onError: (error) => setImportError(describeApiError(error)),
  });
  const createFromPreview = useMutation({
    mutationFn: importProcessRequest,
    onSuccess: opened,
    onError: (error) => setImportError(describeApiError(error)),
  });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) {
      importFile.mutate(file);
    }
  };
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      importFile.mutate(file);
    }
  };

  return (
    <main className="page" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h1>Processes</h1>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          Create process
        </button>
        <label className="button">
          Import file…
          <input
            type="file"
            accept=".json,.xml,application/json,application/xml,text/xml"
            hidden
            onChange={onPick}
          />
        </label>
      </div>
      {create.isError && (
        <p role="alert" className="banner is-error">
          Could not create a process: {describeApiError(create.error)}
        </p>
      )}
      <p className="hint">
        Drop a process file (or a Boomi process export, .xml) anywhere on this page to import it.
      </p>
      {importError && (
        <p role="alert" className="banner is-error">
          Import failed: {importError}
        </p>
      )}
      {boomiPreview && (
        <BoomiImportPreviewPanel
          preview={boomiPreview}
          creating={createFromPreview.isPending}
          onCreate={() => createFromPreview.mutate(boomiPreview.document)}
          onCancel={() => setBoomiPreview(null)}
        />
      )}
      <input
        type="search"
        aria-label="Search processes"
        placeholder="Search by name"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {list.isError && <p role="alert">Could not load processes: {list.error.message}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="data-table process-table" aria-label="Processes">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Last change</th>
              <th scope="col">Last run</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <a
                    href={hrefFor({ page: 'designer', processId: p.id })}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ page: 'designer', processId: p.id });
                    }}
                  >
                    {p.name}
                  </a>
                </td>
                <td>
                  {new Date(p.updatedAt).toLocaleString()}{' '}
                  <span className="hint">(revision {p.revision})</span>
                </td>
                <td>{lastRunText(p.lastRun)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Delete ${p.name}`}
                    onClick={() => {
                      if (window.confirm(`Delete “${p.name}”?`)) {
                        remove.mutate(p.id);
                      }
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && list.data.items.length === 0 && (
        <div className="empty-state" role="status">
          <p>{emptyListText(search)}</p>
          {search.trim() !== '' && (
            <button type="button" onClick={() => setSearch('')}>
              Clear search
            </button>
          )}
        </div>
      )}
    </main>
  );
}
