/**
 * Retry policy: which failures are worth repeating and how long to wait before the next attempt.
 * Pure functions except {@link abortableSleep}; the transport injects randomness and sleep.
 */

import { ConnectAbortError } from './errors.ts';

/** Tunables for retries; all optional in the client options. */
export interface RetryOptions {
  /** Attempts after the first one. Default 3. */
  maxRetries: number;
  /** Delay before the first retry; doubled per attempt. Default 500 ms. */
  baseDelayMs: number;
  /** Upper bound of one delay; a longer `Retry-After` ends the retries instead. Default 30 s. */
  maxDelayMs: number;
}

/** Defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/** Waits `ms` milliseconds; rejects early with {@link ConnectAbortError} when `signal` fires. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Only idempotent requests are repeated: a POST may have been applied even when its response
 * was lost, and repeating e.g. `approve` or `close-records` could act twice.
 */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Statuses that signal a transient condition (rate limit, gateway trouble). */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Parses a `Retry-After` header (delta-seconds or an HTTP date) into milliseconds from `now`.
 * Returns undefined for a missing or unreadable value.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now);
}

/**
 * Exponential back-off with "equal jitter": half the exponential delay is fixed, half random,
 * so concurrent clients spread out yet never retry immediately.
 * @param attempt 0 for the first retry.
 * @param random a function returning a number in [0, 1).
 */
export function computeBackoff(
  attempt: number,
  options: RetryOptions,
  random: () => number,
): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Default {@link SleepFunction} built on setTimeout; honours the signal. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ConnectAbortError('Request aborted', { cause: signal.reason }));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ConnectAbortError('Request aborted', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
