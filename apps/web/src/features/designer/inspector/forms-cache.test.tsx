import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  choose,
  click,
  messagesUnder,
  renderOptions,
  toggle,
  typeInto,
  undo,
} from './options-panel.test-utils.tsx';

afterEach(cleanup);

describe('Add to Cache options', () => {
  it('edits name and key, undoes, and flags a missing name and key', () => {
    const { store, config } = renderOptions('add-to-cache');
    expect(messagesUnder('Cache')).toContain('Name the cache.');
    expect(
      screen.getAllByText('Add the key the documents are cached under.').length,
    ).toBeGreaterThan(0);
    typeInto('Cache', 'orders');
    click('Add key part');
    choose('Key part 1 source', 'document-property');
    typeInto('Key part 1 value', 'id');
    expect(config()).toEqual({ cache: 'orders', key: [{ type: 'document-property', name: 'id' }] });
    undo(store);
    expect(config().key).toEqual([{ type: 'static', value: '' }]);
  });
});

describe('Retrieve From Cache options', () => {
  it('edits every field, undoes, and flags a key that all documents ignores', () => {
    const { store, config } = renderOptions('retrieve-from-cache');
    typeInto('Cache', 'orders');
    click('Add key part');
    toggle('All documents (ignore the key)');
    expect(
      screen.getAllByText('All documents are taken; the key is ignored.').length,
    ).toBeGreaterThan(0);
    choose('When nothing is cached', 'fail');
    expect(config()).toEqual({
      cache: 'orders',
      allDocuments: true,
      key: [{ type: 'static', value: '' }],
      failIfMissing: true,
    });
    undo(store);
    expect(config().failIfMissing).toBe(false);
  });
});

describe('Remove From Cache options', () => {
  it('edits the cache and selector, undoes, and flags a missing key', () => {
    const { store, config } = renderOptions('remove-from-cache');
    expect(screen.getAllByText('Add a key, or choose all documents.').length).toBeGreaterThan(0);
    toggle('All documents (empty the cache)');
    expect(screen.queryAllByText('Add a key, or choose all documents.')).toHaveLength(0);
    typeInto('Cache', 'orders');
    expect(config()).toEqual({ cache: 'orders', allDocuments: true, key: [] });
    undo(store);
    expect(config().cache).toBe('');
  });
});

describe('Find Changes options', () => {
  it('edits snapshot and key path, undoes, and flags a bad path', () => {
    const { store, config } = renderOptions('find-changes');
    typeInto('Snapshot name', 'accounts');
    typeInto('Record key path', 'a..b');
    expect(messagesUnder('Record key path')).toContain('is not a field path');
    typeInto('Record key path', 'id');
    expect(config()).toEqual({ cache: 'accounts', keyPath: 'id' });
    undo(store);
    expect(config().keyPath).toBe('a..b');
  });
});
