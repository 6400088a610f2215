import { describe, expect, it } from 'vitest';
import { CONNECT_OBJECT_ACTIONS } from './connect-operations.ts';
import {
  connectOperationParameters,
  connectParameterPlace,
  connectParametersText,
  isConnectFilterField,
} from './connect-parameters.ts';

const place = (action: string, object: string, name: string) =>
  connectParameterPlace(connectOperationParameters(action, object)!, name);

describe('connectOperationParameters', () => {
  it('describes every valid pair and no other', () => {
    for (const [object, actions] of Object.entries(CONNECT_OBJECT_ACTIONS)) {
      for (const action of actions) {
        expect(connectOperationParameters(action, object), `${action}:${object}`).toBeDefined();
      }
    }
    expect(connectOperationParameters('approve', 'asset')).toBeUndefined();
    expect(connectOperationParameters('list', 'constructor')).toBeUndefined();
  });

  it('makes a List’s id a filter like any other field, and keeps filter/maxRecords as controls', () => {
    expect(place('list', 'request', 'id')).toBe('filter');
    expect(place('list', 'request', 'status')).toBe('filter');
    expect(place('list', 'request', 'filter')).toBe('query');
    expect(place('list', 'request', 'maxRecords')).toBe('query');
    expect(place('list', 'tier-account-version', 'parentId')).toBe('path');
  });

  it('puts an action’s documented fields in the body and refuses the rest', () => {
    expect(place('approve', 'request', 'template_id')).toBe('body');
    expect(place('approve', 'request', 'id')).toBe('path');
    expect(place('approve', 'request', 'status')).toBeUndefined();
    expect(place('pending', 'request', 'reason')).toBeUndefined();
    expect(place('bulk-close', 'usage-record', 'id')).toBeUndefined();
  });

  it('takes any top-level field on Create and Update', () => {
    expect(place('create', 'case', 'subject')).toBe('body');
    expect(place('update', 'product', 'name')).toBe('body');
    expect(place('update', 'product', 'id')).toBe('path');
  });

  it('requires the id of a Get', () => {
    expect(connectOperationParameters('get', 'asset')?.named).toEqual([
      { name: 'id', place: 'path', required: true },
    ]);
  });

  it('words what an operation takes', () => {
    expect(connectParametersText(connectOperationParameters('reject', 'request')!)).toBe(
      'takes id, reason',
    );
    expect(connectParametersText(connectOperationParameters('bulk-close', 'usage-record')!)).toBe(
      'takes no parameters',
    );
  });
});

describe('isConnectFilterField', () => {
  it('accepts dotted field paths and refuses what RQL cannot name', () => {
    expect(isConnectFilterField('asset.product.id')).toBe(true);
    expect(isConnectFilterField('a b')).toBe(false);
    expect(isConnectFilterField('eq(id')).toBe(false);
  });
});
