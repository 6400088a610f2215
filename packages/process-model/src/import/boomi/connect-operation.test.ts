import { describe, expect, it } from 'vitest';
import { mapConnectOperation } from './connect-operation.ts';

describe('mapConnectOperation', () => {
  it.each([
    ['GET', '', 'Asset', 'get', 'asset'],
    ['QUERY', 'QUERY', 'Request', 'list', 'request'],
    ['CREATE', '', 'tier_account', 'create', 'tier-account'],
    ['UPDATE', '', 'Usage Report', 'update', 'usage-report'],
    ['DELETE', '', 'Product', 'delete', 'product'],
    ['EXECUTE', 'APPROVE', 'TierConfigRequest', 'approve', 'tier-config-request'],
    ['EXECUTE', 'BULK_CLOSE', 'usage-record', 'bulk-close', 'usage-record'],
    ['EXECUTE', 'Update Resource File', 'Case', 'update', 'case'],
  ])(
    '%s %s on %s becomes %s %s',
    (operationType, customOperationType, objectType, action, object) => {
      expect(mapConnectOperation({ operationType, customOperationType, objectType })).toEqual({
        ok: true,
        action,
        object,
      });
    },
  );

  it.each([
    [
      { operationType: 'EXECUTE', customOperationType: 'ARCHIVE', objectType: 'Request' },
      'ARCHIVE',
    ],
    [{ operationType: 'GET', customOperationType: '', objectType: 'Invoice' }, 'Invoice'],
    [
      { operationType: 'DELETE', customOperationType: '', objectType: 'Asset' },
      'not offered on Asset',
    ],
    [{ operationType: 'GET', customOperationType: '', objectType: '__proto__' }, '__proto__'],
  ])('explains why %o cannot be mapped', (operation, reason) => {
    const result = mapConnectOperation(operation);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(reason);
    }
  });
});
