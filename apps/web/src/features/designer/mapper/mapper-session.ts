import type { JsonSchemaProfile } from '@junction/process-model';

/**
 * What the mapper knows that the process file has no place for: the profiles and
 * samples the user gave. Editor state, like breakpoints: kept while the page is
 * open so closing and reopening the mapper loses nothing, never saved (the Map
 * shape's schema holds rows only, and a profile is a guess about documents, not
 * part of what the process does).
 */
export interface MapperSession {
  source: JsonSchemaProfile | null;
  target: JsonSchemaProfile | null;
  sourceSample: string;
  targetSample: string;
}

const sessions = new Map<string, MapperSession>();

export const emptySession = (): MapperSession => ({
  source: null,
  target: null,
  sourceSample: '',
  targetSample: '',
});

/** The session of one Map shape of one process. */
export function loadSession(key: string): MapperSession {
  return sessions.get(key) ?? emptySession();
}

export function storeSession(key: string, session: MapperSession): void {
  sessions.set(key, session);
}
