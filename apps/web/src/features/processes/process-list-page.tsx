import type { BoomiImportPreview } from '@junction/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type DragEvent, type FormEvent, useState } from 'react';
import { describeApiError } from '../../lib/api-issues.ts';
import { hrefFor, navigate } from '../../lib/router.ts';
import { BoomiImportPreviewPanel } from './boomi-import-preview.tsx';
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

/** Processes: search, create, open, delete, and import a file by drop or picker. */
export function ProcessListPage() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [name, setName] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const [boomiPreview, setBoomiPreview] = useState<BoomiImportPreview | null>(null);
  const list = useQuery(processListQuery(search));
  const refresh = () => queryClient.invalidateQueries({ queryKey: processKeys.all });

  const create = useMutation({
    mutationFn: createProcessRequest,
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

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '') {
      create.mutate(name.trim());
    }
  };
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
      <form className="row" onSubmit={onCreate}>
        <input
          aria-label="New process name"
          placeholder="New process name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="primary" disabled={create.isPending || name.trim() === ''}>
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
      </form>
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
        placeholder="Search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {list.isError && <p role="alert">Could not load processes: {list.error.message}</p>}
      <ul className="process-list">
        {(list.data?.items ?? []).map((p) => (
          <li key={p.id}>
            <a
              href={hrefFor({ page: 'designer', processId: p.id })}
              onClick={(e) => {
                e.preventDefault();
                navigate({ page: 'designer', processId: p.id });
              }}
            >
              {p.name}
            </a>
            <span className="hint">
              revision {p.revision} · {new Date(p.updatedAt).toLocaleString()}
            </span>
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
          </li>
        ))}
      </ul>
      {list.data && list.data.items.length === 0 && (
        <p className="hint">No processes yet. Create one above.</p>
      )}
    </main>
  );
}
