import { createProcess, moveShapes } from '@junction/process-model';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, readDraft, writeDraft } from './local-draft.ts';

describe('local draft', () => {
  const saved = createProcess({ id: 'p1', name: 'P' });
  beforeEach(() => localStorage.clear());

  it('keeps an unsaved working copy across a reload', () => {
    const edited = moveShapes(saved, { start: { x: 1, y: 2 } });
    writeDraft(localStorage, edited, 3);
    expect(readDraft(localStorage, saved)).toMatchObject({ revision: 3, document: edited });
    clearDraft(localStorage, 'p1');
    expect(readDraft(localStorage, saved)).toBeNull();
  });

  it('drops a draft equal to the saved copy, and a corrupted one', () => {
    writeDraft(localStorage, saved, 1);
    expect(readDraft(localStorage, saved)).toBeNull();
    localStorage.setItem('junction:draft:p1', '{"document": 42}');
    expect(readDraft(localStorage, saved)).toBeNull();
    expect(localStorage.getItem('junction:draft:p1')).toBeNull();
  });
});
