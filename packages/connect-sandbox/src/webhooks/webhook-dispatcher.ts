import { randomUUID } from 'node:crypto';
import { isConnectError, signConnectWebhook } from '@junction/connect-client';
import { type JsonObject, objectAt, stringAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';
import { eventOfChange, type WebhookEvent, webhookWants } from './webhook-events.ts';

/** How the sandbox calls webhooks (the plugin's `webhooks` option). */
export interface SandboxWebhookOptions {
  /**
   * Sends each call. Default `globalThis.fetch`; a server hosting the sandbox passes its
   * egress-guarded fetch (and routes calls to its own listeners in process).
   */
  fetch?: typeof fetch;
  /** Per attempt, headers and all. Default 10 s. */
  timeoutMs?: number;
  /** Attempts per event, the first included (1–10). Default 3. */
  attempts?: number;
  /** Wait before the first retry; doubles each time. Default 1 s. */
  retryDelayMs?: number;
  /** Calls in flight at once. Default 4. */
  concurrency?: number;
  /** Calls waiting beyond those; later events are dropped and counted as failures. Default 1,000. */
  maxQueued?: number;
  /** Lifetime of each call's token. Default 300 s. */
  tokenTtlSeconds?: number;
}

interface Delivery {
  webhookId: string;
  eventId: string;
  occurredAt: string;
  event: WebhookEvent;
}

interface Outcome {
  ok: boolean;
  retry: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Calls webhooks when watched objects change, off the request that changed them: a
 * state change only queues the call (the queue is worked from the next macrotask on),
 * each attempt has a timeout, failures on the network, 408, 429 and 5xx are retried a
 * bounded number of times with doubling waits, and redirects are not followed. Each
 * outcome is written onto the webhook (`stats`, `last_success`, `last_failure`).
 */
export class WebhookDispatcher {
  readonly #state: SandboxState;
  readonly #options: Required<Omit<SandboxWebhookOptions, 'fetch'>> & { fetch?: typeof fetch };
  readonly #queue: Delivery[] = [];
  readonly #closing = new AbortController();
  readonly #idle: Array<() => void> = [];
  #busy = 0;
  #scheduled = false;

  constructor(state: SandboxState, options: SandboxWebhookOptions = {}) {
    this.#state = state;
    this.#options = {
      timeoutMs: options.timeoutMs ?? 10_000,
      attempts: Math.min(Math.max(Math.trunc(options.attempts ?? 3), 1), 10),
      retryDelayMs: options.retryDelayMs ?? 1000,
      concurrency: Math.max(Math.trunc(options.concurrency ?? 4), 1),
      maxQueued: options.maxQueued ?? 1000,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
  }

  /** Starts watching the state; returns the function that stops it. */
  watch(): () => void {
    return this.#state.onChange((change) => {
      const event = eventOfChange(this.#state, change);
      if (event === null) {
        return;
      }
      for (const webhook of this.#state.all('webhook')) {
        if (webhookWants(webhook, event)) {
          this.send(webhook, event);
        }
      }
    });
  }

  /** Queues one call of `webhook` about `event`; returns at once. */
  send(webhook: JsonObject, event: WebhookEvent): void {
    if (this.#closing.signal.aborted) {
      return;
    }
    const delivery: Delivery = {
      webhookId: stringAt(webhook, 'id'),
      eventId: `EV-${randomUUID()}`,
      occurredAt: this.#state.now(),
      event,
    };
    if (this.#queue.length >= this.#options.maxQueued) {
      this.#record(delivery, 0, failed(null, 'Dropped: too many webhook calls waiting.', 0));
      return;
    }
    this.#queue.push(delivery);
    this.#schedule();
  }

  /** Resolves once nothing is queued, in flight or waiting to retry (tests). */
  idle(): Promise<void> {
    if (this.#isIdle()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Drops what is queued and aborts calls in flight and retry waits. */
  close(): Promise<void> {
    this.#queue.length = 0;
    this.#closing.abort(new Error('The sandbox is closing.'));
    return this.idle();
  }

  #isIdle(): boolean {
    return this.#busy === 0 && this.#queue.length === 0 && !this.#scheduled;
  }

  #schedule(): void {
    if (this.#scheduled) {
      return;
    }
    this.#scheduled = true;
    // Never in the tick of the request that changed the state.
    setImmediate(() => {
      this.#scheduled = false;
      this.#pump();
      this.#settle();
    });
  }

  #pump(): void {
    while (this.#busy < this.#options.concurrency && this.#queue.length > 0) {
      const delivery = this.#queue.shift() as Delivery;
      this.#busy += 1;
      void this.#deliver(delivery).finally(() => {
        this.#busy -= 1;
        this.#pump();
        this.#settle();
      });
    }
  }

  #settle(): void {
    if (this.#isIdle()) {
      for (const resolve of this.#idle.splice(0)) {
        resolve();
      }
    }
  }

  async #deliver(delivery: Delivery): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const webhook = this.#state.get('webhook', delivery.webhookId);
      // Deleted or switched off since the event: it no longer wants calls (trigger excepted).
      if (
        webhook === undefined ||
        this.#closing.signal.aborted ||
        (webhook['active'] !== true && delivery.event.type !== 'trigger')
      ) {
        return;
      }
      const outcome = await this.#attempt(webhook, delivery);
      if (outcome.ok || !outcome.retry || attempt >= this.#options.attempts) {
        this.#record(delivery, attempt, outcome);
        return;
      }
      if (!(await this.#wait(this.#options.retryDelayMs * 2 ** (attempt - 1)))) {
        return;
      }
    }
  }

  async #attempt(webhook: JsonObject, delivery: Delivery): Promise<Outcome> {
    const method = stringAt(webhook, 'http_method') === 'GET' ? 'GET' : 'POST';
    const body = method === 'GET' ? '' : JSON.stringify(payloadOf(webhook, delivery));
    const token = await signConnectWebhook({
      secret: stringAt(webhook, 'jwt_secret'),
      body,
      webhookId: delivery.webhookId,
      eventId: delivery.eventId,
      ttlSeconds: this.#options.tokenTtlSeconds,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(objectAt(webhook, 'headers'))) {
      headers.set(name, String(value));
    }
    headers.set('authorization', `Bearer ${token}`);
    headers.set('user-agent', 'connect-sandbox-webhooks');
    if (method === 'POST') {
      headers.set('content-type', 'application/json');
    }
    const timeout = AbortSignal.timeout(this.#options.timeoutMs);
    const signal = AbortSignal.any([timeout, this.#closing.signal]);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const send = this.#options.fetch ?? globalThis.fetch;
      const response = await send(stringAt(webhook, 'external_url'), {
        method,
        headers,
        ...(method === 'POST' ? { body } : {}),
        redirect: 'manual',
        signal,
      });
      // Nothing of the answer is kept but its status: never read an unbounded body.
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      if (status >= 200 && status < 300) {
        return { ok: true, retry: false, statusCode: status, error: null, durationMs: elapsed() };
      }
      const retry = status === 408 || status === 429 || status >= 500;
      return { ...failed(status, `The handler answered ${status}.`, elapsed()), retry };
    } catch (error) {
      const message = timeout.aborted
        ? `No answer within ${this.#options.timeoutMs} ms.`
        : error instanceof Error
          ? error.message
          : String(error);
      // A refusal by the host's egress guard is final; the network may recover.
      return { ...failed(null, message, elapsed()), retry: !isConnectError(error) };
    }
  }

  #wait(ms: number): Promise<boolean> {
    const signal = this.#closing.signal;
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve(false);
        return;
      }
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  #record(delivery: Delivery, attempts: number, outcome: Outcome): void {
    const webhook = this.#state.get('webhook', delivery.webhookId);
    if (webhook === undefined) {
      return;
    }
    const stats = objectAt(webhook, 'stats');
    const count = (key: string) => Number(stats[key] ?? 0);
    const info: JsonObject = {
      time: this.#state.now(),
      response: {},
      duration: outcome.durationMs,
      status: outcome.ok ? 'success' : 'failure',
      status_code: outcome.statusCode,
      ...(outcome.error === null ? {} : { errors: outcome.error }),
    };
    this.#state.put('webhook', {
      ...webhook,
      last_event: delivery.occurredAt,
      stats: {
        events: count('events') + 1,
        triggers: count('triggers') + attempts,
        success_triggers: count('success_triggers') + (outcome.ok ? 1 : 0),
        failure_triggers: count('failure_triggers') + (outcome.ok ? 0 : 1),
        failure_since_last_success: outcome.ok ? 0 : count('failure_since_last_success') + 1,
      },
      ...(outcome.ok ? { last_success: info } : { last_failure: info }),
    });
  }
}

function failed(statusCode: number | null, error: string, durationMs: number): Outcome {
  return { ok: false, retry: false, statusCode, error, durationMs };
}

/** The body of a POST call (see connect-client's `ConnectWebhookPayload`). */
function payloadOf(webhook: JsonObject, delivery: Delivery): JsonObject {
  const { event } = delivery;
  return {
    event: {
      id: delivery.eventId,
      type: event.type,
      occurred_at: delivery.occurredAt,
      object_class: event.objectClass,
      object_id: stringAt(event.object, 'id'),
      status: event.status,
      previous_status: event.previousStatus,
    },
    webhook: { id: delivery.webhookId, label: stringAt(webhook, 'label') },
    data: objectAt(webhook, 'data'),
    object: event.object,
  };
}
