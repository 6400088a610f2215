import { type ProcessDocument, parseProcess, serializeProcess } from '@junction/process-model';

/** An unsaved working copy kept in the browser, so a crash or reload loses nothing. */
export interface LocalDraft {
  /** The saved revision the draft was based on. */
  revision: number;
  savedAt: string;
  document: ProcessDocument;
}

const key = (processId: string) => `junction:draft:${processId}`;

export function writeDraft(storage: Storage, document: ProcessDocument, revision: number): void {
  try {
    const draft = { revision, savedAt: new Date().toISOString(), document };
    storage.setItem(key(document.id), JSON.stringify(draft));
  } catch {
    // A full or disabled storage must never break editing; the draft is a safety net.
  }
}

export function clearDraft(storage: Storage, processId: string): void {
  storage.removeItem(key(processId));
}

/** The stored draft if it is readable and differs from `saved`; anything else is dropped. */
export function readDraft(storage: Storage, saved: ProcessDocument): LocalDraft | null {
  const text = storage.getItem(key(saved.id));
  if (!text) {
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<LocalDraft>;
    const parsed = parseProcess(JSON.stringify(value.document));
    if (!parsed.ok || typeof value.revision !== 'number' || typeof value.savedAt !== 'string') {
      clearDraft(storage, saved.id);
      return null;
    }
    if (serializeProcess(parsed.document) === serializeProcess(saved)) {
      clearDraft(storage, saved.id);
      return null;
    }
    return { revision: value.revision, savedAt: value.savedAt, document: parsed.document };
  } catch {
    clearDraft(storage, saved.id);
    return null;
  }
}
