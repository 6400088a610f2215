import { describe, expect, it } from 'vitest';
import { ConnectWebhookPayloadError } from './webhook-errors.ts';
import { webhookDocument } from './webhook-payload.ts';

const request = { id: 'PR-1895-0864-1238-001', status: 'approved', asset: { id: 'AS-1' } };

function payload(overrides: Record<string, unknown> = {}) {
  return {
    event: {
      id: 'EV-1',
      type: 'status_changed',
      occurred_at: '2026-01-01T12:00:00+00:00',
      object_class: 'fulfillment_request',
      object_id: request.id,
      status: 'approved',
      previous_status: 'pending',
    },
    webhook: { id: 'WH-123-456-789', label: 'Orders' },
    data: { team: 'ops' },
    object: request,
    ...overrides,
  };
}

describe('webhookDocument', () => {
  it('turns a call into the object Get returns, with the event as properties', () => {
    expect(webhookDocument(payload())).toEqual({
      object: 'request',
      id: request.id,
      data: request,
      properties: {
        'connect.webhook.id': 'WH-123-456-789',
        'connect.event.id': 'EV-1',
        'connect.event.type': 'status_changed',
        'connect.event.occurred_at': '2026-01-01T12:00:00+00:00',
        'connect.object_class': 'fulfillment_request',
        'connect.status': 'approved',
        'connect.previous_status': 'pending',
      },
    });
  });

  it('maps each class to its catalog object', () => {
    const tcr = { id: 'TCR-1', status: 'pending' };
    const doc = webhookDocument(
      payload({
        event: { ...payload().event, object_class: 'tier_config_request', object_id: 'TCR-1' },
        object: tcr,
      }),
    );
    expect(doc.object).toBe('tier-config-request');
    expect(doc.data).toBe(tcr);
  });

  it.each([
    [null, ''],
    [[], ''],
    [{ ...payload(), object: 'PR-1' }, '/object'],
    [{ ...payload(), event: { ...payload().event, object_class: 'asset' } }, '/event/object_class'],
    [{ ...payload(), event: { ...payload().event, object_id: 'PR-2' } }, '/event/object_id'],
    [{ ...payload(), event: { ...payload().event, status: 7 } }, '/event/status'],
    [{ ...payload(), webhook: {} }, '/webhook/id'],
  ])('says where a malformed body is wrong (%#)', (body, pointer) => {
    let caught: unknown;
    try {
      webhookDocument(body);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnectWebhookPayloadError);
    expect((caught as ConnectWebhookPayloadError).pointer).toBe(pointer);
  });

  it('does not read inherited keys', () => {
    const body = payload();
    const event = Object.create({ type: 'created' }) as Record<string, unknown>;
    Object.assign(event, { ...body.event });
    delete event['type'];
    expect(() => webhookDocument({ ...body, event })).toThrow('/event/type');
  });
});
