import {
  CONNECT_ACTIONS,
  CONNECT_OBJECTS,
  type ConnectAction,
  type ConnectObject,
  isValidConnectPair,
} from '../../catalog/connect-operations.ts';
import { own } from '../../own.ts';

/** What a Boomi operation component says about a Connect connector call. */
export interface BoomiOperation {
  /** `GET`, `QUERY`, `CREATE`, `UPDATE`, `DELETE`, `EXECUTE`, … */
  operationType: string;
  /** Custom action name for EXECUTE-type operations (e.g. `APPROVE`). */
  customOperationType: string;
  /** The object type id or name (e.g. `Request`, `tier_config_request`). */
  objectType: string;
}

/** Boomi's standard operation types → the Connect connector's actions. */
const STANDARD_ACTIONS: Readonly<Record<string, ConnectAction>> = {
  get: 'get',
  query: 'list',
  list: 'list',
  create: 'create',
  update: 'update',
  delete: 'delete',
  upsert: 'update',
};

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const ACTIONS_BY_NAME = new Map<string, ConnectAction>(
  (Object.entries(CONNECT_ACTIONS) as [ConnectAction, string][]).flatMap(([id, label]) => [
    [normalise(id), id],
    [normalise(label), id],
  ]),
);

const OBJECTS_BY_NAME = new Map<string, ConnectObject>(
  (Object.entries(CONNECT_OBJECTS) as [ConnectObject, string][]).flatMap(([id, label]) => [
    [normalise(id), id],
    [normalise(label), id],
  ]),
);

/** The Connect action a Boomi operation type (and custom type) names, if any. */
export function connectAction(operationType: string, custom: string): ConnectAction | undefined {
  const custom_ = custom.trim() === '' ? undefined : ACTIONS_BY_NAME.get(normalise(custom));
  if (custom_) {
    return custom_;
  }
  return (
    own(STANDARD_ACTIONS, operationType.toLowerCase()) ??
    ACTIONS_BY_NAME.get(normalise(operationType))
  );
}

/** The Connect object a Boomi object type id or name names, if any. */
export function connectObject(objectType: string): ConnectObject | undefined {
  return OBJECTS_BY_NAME.get(normalise(objectType));
}

export type MappedOperation =
  | { ok: true; action: ConnectAction; object: ConnectObject }
  | { ok: false; reason: string };

/** Maps a Boomi operation onto one of the Connect catalog's (action, object) pairs. */
export function mapConnectOperation(op: BoomiOperation): MappedOperation {
  const action = connectAction(op.operationType, op.customOperationType);
  const object = connectObject(op.objectType);
  const actionText = op.customOperationType || op.operationType;
  if (!action) {
    return { ok: false, reason: `action “${actionText}” has no Connect counterpart` };
  }
  if (!object) {
    return { ok: false, reason: `object “${op.objectType}” has no Connect counterpart` };
  }
  if (!isValidConnectPair(action, object)) {
    return {
      ok: false,
      reason: `action “${actionText}” is not offered on ${CONNECT_OBJECTS[object]}`,
    };
  }
  return { ok: true, action, object };
}
