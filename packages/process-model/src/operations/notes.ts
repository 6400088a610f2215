import type { Position } from '../schema/common.ts';
import type { Note, ProcessDocument } from '../schema/process.ts';

/** Boomi's process notes hold at most 250 characters. */
export const MAX_NOTE_LENGTH = 250;

/** Adds a canvas note; notes have no effect at run time. */
export function addNote(doc: ProcessDocument, note: Note): ProcessDocument {
  if (doc.notes.some((n) => n.id === note.id)) {
    return doc;
  }
  return { ...doc, notes: [...doc.notes, { ...note, text: note.text.slice(0, MAX_NOTE_LENGTH) }] };
}

export function updateNoteText(doc: ProcessDocument, id: string, text: string): ProcessDocument {
  const clipped = text.slice(0, MAX_NOTE_LENGTH);
  if (!doc.notes.some((n) => n.id === id && n.text !== clipped)) {
    return doc;
  }
  return { ...doc, notes: doc.notes.map((n) => (n.id === id ? { ...n, text: clipped } : n)) };
}

export function moveNote(doc: ProcessDocument, id: string, position: Position): ProcessDocument {
  const note = doc.notes.find((n) => n.id === id);
  if (!note || (note.position.x === position.x && note.position.y === position.y)) {
    return doc;
  }
  return {
    ...doc,
    notes: doc.notes.map((n) => (n.id === id ? { ...n, position: { ...position } } : n)),
  };
}

export function removeNotes(doc: ProcessDocument, ids: readonly string[]): ProcessDocument {
  const doomed = new Set(ids);
  const notes = doc.notes.filter((n) => !doomed.has(n.id));
  return notes.length === doc.notes.length ? doc : { ...doc, notes };
}
