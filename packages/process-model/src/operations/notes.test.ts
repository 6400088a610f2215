import { describe, expect, it } from 'vitest';
import { createProcess } from '../create-process.ts';
import { addNote, MAX_NOTE_LENGTH, moveNote, removeNotes, updateNoteText } from './notes.ts';

describe('canvas notes', () => {
  const base = createProcess({ id: 'p', name: 'P' });

  it('adds, edits, moves and removes a note without touching shapes', () => {
    let doc = addNote(base, { id: 'n1', text: 'Why this path exists', position: { x: 10, y: 20 } });
    doc = updateNoteText(doc, 'n1', 'Edited');
    doc = moveNote(doc, 'n1', { x: 50, y: 60 });
    expect(doc.notes).toEqual([{ id: 'n1', text: 'Edited', position: { x: 50, y: 60 } }]);
    expect(doc.shapes).toBe(base.shapes);
    expect(removeNotes(doc, ['n1']).notes).toEqual([]);
  });

  it('keeps notes within 250 characters, as Boomi does', () => {
    const doc = addNote(base, { id: 'n1', text: 'x'.repeat(400), position: { x: 0, y: 0 } });
    expect(doc.notes[0]?.text).toHaveLength(MAX_NOTE_LENGTH);
  });

  it('returns the same document when nothing changes, so no empty undo entries', () => {
    const doc = addNote(base, { id: 'n1', text: 'a', position: { x: 0, y: 0 } });
    expect(updateNoteText(doc, 'n1', 'a')).toBe(doc);
    expect(moveNote(doc, 'n1', { x: 0, y: 0 })).toBe(doc);
    expect(removeNotes(doc, ['other'])).toBe(doc);
    expect(addNote(doc, { id: 'n1', text: 'dup', position: { x: 0, y: 0 } })).toBe(doc);
  });
});
