import type { FastifyInstance } from 'fastify';
import { validationError } from '../errors.ts';
import { readUpload } from '../http/multipart.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { usageFileId } from '../ids.ts';
import { type JsonObject, objectAt, stringAt } from '../json.ts';
import { nextState } from '../state-machines/machine.ts';
import { USAGE_FILE_MACHINE } from '../state-machines/machines.ts';
import type { SandboxState } from '../store/state.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';
import { finishProcessing, setRecordsStatus } from './usage-processing.ts';
import { usageFileShape } from './usage-shape.ts';

const EDITABLE = ['description', 'note', 'period', 'currency', 'external_id', 'name'];

// Simple actions: [path, machine action, note field copied from the body, record status after].
const ACTIONS: readonly [string, string, string | null, string | null][] = [
  ['submit', 'submit', null, null],
  ['accept', 'accept', 'acceptance_note', 'approved'],
  ['reject', 'reject', 'rejection_note', 'rejected'],
  ['close', 'close', null, 'closed'],
  ['delete', 'delete', null, null],
];

/** `/usage/files`: create → upload (multipart `usage_file`) → processing → ready → submit → accept|reject → close (§4.9). */
export function registerUsageFileRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, {
    path: '/usage/files',
    collection: 'usage-report',
    searchable: ['id', 'name', 'description', 'product.name'],
  });
  addRoute(app, 'POST', '/usage/files', (request, reply) => {
    const body = bodyObject(request);
    const productId = stringAt(objectAt(body, 'product'), 'id');
    const product = state.get('product', productId);
    const missing = ['name', 'product', 'contract'].filter(
      (f) => body[f] === undefined || body[f] === '',
    );
    if (missing.length > 0 || product === undefined) {
      throw validationError(
        ...(missing.length > 0
          ? missing.map((f) => `${f}: This field is required.`)
          : [`product.id: Product ${productId} not found.`]),
      );
    }
    const now = state.now();
    const sibling = state.all('usage-report')[0] ?? {};
    const period = objectAt(body, 'period');
    const file = usageFileShape({
      id: usageFileId(state.random, now.slice(0, 7)),
      name: stringAt(body, 'name'),
      status: 'draft',
      product: { id: productId, name: product['name'] ?? '', icon: product['icon'] ?? '' },
      contract: {
        id: stringAt(objectAt(body, 'contract'), 'id'),
        name: stringAt(objectAt(sibling, 'contract'), 'name'),
      },
      marketplace: objectAt(sibling, 'marketplace'),
      vendor: objectAt(sibling, 'vendor'),
      provider: objectAt(sibling, 'provider'),
      created: now,
      createdBy: { id: 'SU-000-000-000', name: 'Sandbox token' },
      period: {
        from: asDate(stringAt(period, 'from')),
        to: asDate(stringAt(period, 'to')),
      },
      currency: stringAt(body, 'currency') || 'USD',
      description: stringAt(body, 'description'),
      note: stringAt(body, 'note'),
      externalId: stringAt(body, 'external_id'),
    });
    state.put('usage-report', file);
    reply.code(201);
    return file;
  });
  addRoute(app, 'PUT', '/usage/files/:id', (request) => {
    const current = requireObject(state, 'usage-report', param(request, 'id'));
    const body = bodyObject(request);
    const updated: JsonObject = { ...current };
    for (const key of EDITABLE) {
      const value = body[key];
      if (value !== undefined) {
        updated[key] = value;
      }
    }
    state.put('usage-report', updated);
    return updated;
  });
  addRoute(app, 'POST', '/usage/files/:id/upload', async (request) => {
    const current = requireObject(state, 'usage-report', param(request, 'id'));
    const status = nextState(USAGE_FILE_MACHINE, current, 'upload');
    const upload = await readUpload(request, 'usage_file');
    const now = state.now();
    const processing: JsonObject = {
      ...current,
      status,
      sub_status: 'processing',
      usage_file_uri: `/files/${String(current['id'])}/${upload.filename}`,
      events: {
        ...objectAt(current, 'events'),
        uploaded: { at: now, by: { id: 'SU-000-000-000', name: 'Sandbox token' } },
      },
    };
    state.put('usage-report', processing);
    finishProcessing(state, String(current['id']), upload.size > 0);
    return processing;
  });
  addRoute(app, 'POST', '/usage/files/:id/reprocess', (request) => {
    const current = requireObject(state, 'usage-report', param(request, 'id'));
    const processing: JsonObject = {
      ...current,
      status: nextState(USAGE_FILE_MACHINE, current, 'reprocess'),
      sub_status: 'processing',
    };
    state.put('usage-report', processing);
    finishProcessing(state, String(current['id']), true);
    return processing;
  });
  addRoute(app, 'PUT', '/usage/files/:id/approve-all', (request) => {
    const current = requireObject(state, 'usage-report', param(request, 'id'));
    nextState(USAGE_FILE_MACHINE, current, 'approve-all');
    setRecordsStatus(state, String(current['id']), 'approved');
    return current;
  });
  for (const [path, action, noteField, recordStatus] of ACTIONS) {
    addRoute(app, 'POST', `/usage/files/:id/${path}`, (request) => {
      const current = requireObject(state, 'usage-report', param(request, 'id'));
      const status = nextState(USAGE_FILE_MACHINE, current, action);
      const body = bodyObject(request);
      const now = state.now();
      const eventName =
        {
          submit: 'submitted',
          accept: 'accepted',
          reject: 'rejected',
          close: 'closed',
          delete: 'deleted',
        }[path] ?? path;
      const updated: JsonObject = {
        ...current,
        status,
        events: { ...objectAt(current, 'events'), [eventName]: { at: now } },
      };
      if (noteField !== null) {
        updated[noteField] = stringAt(body, noteField);
      }
      if (recordStatus !== null) {
        setRecordsStatus(state, String(current['id']), recordStatus);
      }
      state.put('usage-report', updated);
      return updated;
    });
  }
  addRoute(app, 'POST', '/usage/files/:id/reconciliation', async (request) => {
    const current = requireObject(state, 'usage-report', param(request, 'id'));
    const upload = await readUpload(request, 'recon_file');
    const updated: JsonObject = {
      ...current,
      reconciliation_file_uri: `/files/${String(current['id'])}/${upload.filename}`,
    };
    state.put('usage-report', updated);
    return updated;
  });
}

/** Usage file periods are dates (`2025-01-31`); a date-time is cut to its date. */
function asDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}
