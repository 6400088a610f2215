import type { FastifyInstance } from 'fastify';
import { missedFields, notFound, SandboxHttpError, validationError } from '../errors.ts';
import { readUpload } from '../http/multipart.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { randomId } from '../ids.ts';
import { isObject, type JsonObject, type JsonValue, objectAt, stringAt } from '../json.ts';
import { nextState } from '../state-machines/machine.ts';
import { USAGE_CHUNK_MACHINE, USAGE_RECORD_MACHINE } from '../state-machines/machines.ts';
import type { SandboxState } from '../store/state.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';

const RECORD_STATUSES = ['valid', 'invalid', 'approved', 'rejected', 'closed'];

/** `/usage/records` (incl. bulk close → 206), `/usage/chunks` and `/usage/reconciliations` (§4.10–4.12). */
export function registerUsageRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, {
    path: '/usage/records',
    collection: 'usage-record',
    searchable: ['id', 'asset.id', 'item.id'],
  });
  addRoute(app, 'POST', '/usage/records/close-records', (request, reply) => {
    const body: unknown = request.body;
    if (!Array.isArray(body)) {
      throw validationError('Invalid data. Expected a list of records.');
    }
    reply.code(206);
    return body.map((entry: JsonValue) => closeOne(state, isObject(entry) ? entry : {}));
  });
  addRoute(app, 'PUT', '/usage/records/:id', (request) => {
    const current = requireObject(state, 'usage-record', param(request, 'id'));
    const status = stringAt(bodyObject(request), 'status');
    if (status !== '' && !RECORD_STATUSES.includes(status)) {
      throw validationError(`status: "${status}" is not a valid choice.`);
    }
    const updated: JsonObject = { ...current, ...(status === '' ? {} : { status }) };
    state.put('usage-record', updated);
    return updated;
  });
  addRoute(app, 'POST', '/usage/records/:id/close', (request) => {
    const current = requireObject(state, 'usage-record', param(request, 'id'));
    const updated = closeRecord(state, current, bodyObject(request));
    state.put('usage-record', updated);
    return updated;
  });

  addReadRoutes(app, state, {
    path: '/usage/chunks',
    collection: 'usage-chunk',
    searchable: ['id', 'usagefile.id'],
  });
  addRoute(app, 'PUT', '/usage/chunks/:id', (request) => {
    const current = requireObject(state, 'usage-chunk', param(request, 'id'));
    const updated: JsonObject = {
      ...current,
      external_id: stringAt(bodyObject(request), 'external_id'),
    };
    state.put('usage-chunk', updated);
    return updated;
  });
  addRoute(app, 'POST', '/usage/chunks/:id/close', (request) => {
    const current = requireObject(state, 'usage-chunk', param(request, 'id'));
    const body = bodyObject(request);
    const status = nextState(USAGE_CHUNK_MACHINE, current, 'close');
    if (stringAt(body, 'external_billing_id') === '') {
      throw missedFields(['external_billing_id']);
    }
    const updated: JsonObject = {
      ...current,
      status,
      external_billing_id: stringAt(body, 'external_billing_id'),
      external_billing_note: stringAt(body, 'external_billing_note'),
      events: { ...objectAt(current, 'events'), closed: { at: state.now() } },
    };
    state.put('usage-chunk', updated);
    return updated;
  });
  addRoute(app, 'POST', '/usage/chunks/:id/regenerate', (request) => {
    const current = requireObject(state, 'usage-chunk', param(request, 'id'));
    const updated: JsonObject = {
      ...current,
      status: nextState(USAGE_CHUNK_MACHINE, current, 'regenerate'),
      outdated: false,
      events: { ...objectAt(current, 'events'), updated: { at: state.now() } },
    };
    state.put('usage-chunk', updated);
    return updated;
  });
  addRoute(app, 'GET', '/usage/chunks/:id/download', (request, reply) => {
    requireObject(state, 'usage-chunk', param(request, 'id'));
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.send(Buffer.alloc(0));
    return undefined;
  });

  addReadRoutes(app, state, {
    path: '/usage/reconciliations',
    collection: 'usage-reconciliation',
    searchable: ['id', 'usagefile.id'],
  });
  addRoute(app, 'POST', '/usage/reconciliations', async (request, reply) => {
    const upload = await readUpload(request, 'recon_file');
    const now = state.now();
    const reconciliation: JsonObject = {
      id: randomId(state.random, 'reconciliation'),
      status: 'uploaded',
      // usagefile, partusagefile and binding appear once processing matched the upload.
      error: { detail: '' },
      notes: { uploaded: upload.fields['upload_note'] ?? '', processing: '' },
      events: { created: { at: now }, uploaded: { at: now } },
    };
    state.put('usage-reconciliation', reconciliation);
    reply.code(201);
    return reconciliation;
  });
}

function closeRecord(state: SandboxState, record: JsonObject, body: JsonObject): JsonObject {
  const status = nextState(USAGE_RECORD_MACHINE, record, 'close');
  return {
    ...record,
    status,
    external_billing_id: stringAt(body, 'external_billing_id'),
    external_billing_note: stringAt(body, 'external_billing_note'),
    closed_at: state.now(),
  };
}

// One entry of the bulk close answer: `{id, status, error_codes, error_details}`.
function closeOne(state: SandboxState, entry: JsonObject): JsonObject {
  const id = stringAt(entry, 'id');
  try {
    const record = state.get('usage-record', id);
    if (record === undefined) {
      throw notFound(id);
    }
    const closed = closeRecord(state, record, entry);
    state.put('usage-record', closed);
    return { id, status: 'closed', error_codes: '', error_details: '' };
  } catch (error) {
    if (error instanceof SandboxHttpError) {
      // The spec's 206 entry: strings, and the record's own (unchanged) status.
      const status = stringAt(state.get('usage-record', id) ?? {}, 'status') || 'invalid';
      return {
        id,
        status,
        error_codes: error.body.error_code,
        error_details: error.body.errors.join(' '),
      };
    }
    throw error;
  }
}
