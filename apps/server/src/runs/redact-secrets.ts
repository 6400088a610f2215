import { TOKEN_PREFIX } from '../repositories/token-repository.ts';
import type { RunEvent } from './run-events.ts';

export const REDACTED_TOKEN = '[redacted: shown once, not recorded]';

/** A Platform API token: the prefix and its base64url body (43 characters today). */
const PLATFORM_TOKEN = new RegExp(`${TOKEN_PREFIX}[A-Za-z0-9_-]{20,}`, 'g');

/**
 * The text with every Platform API token replaced. A token is shown once, when
 * it is created (a Partner API connector's Token create hands it on to the next
 * shape); what a run records — documents, properties, logs, errors, live events
 * — must not keep it, or it would sit readable in run_documents and the WAL.
 */
export function redactSecrets(text: string): string {
  // Most documents hold no token: skip the regular expression for them.
  return text.includes(TOKEN_PREFIX) ? text.replace(PLATFORM_TOKEN, REDACTED_TOKEN) : text;
}

export function redactNullable(text: string | null): string | null {
  return text === null ? null : redactSecrets(text);
}

export function redactProperties(properties: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    copy[name] = redactSecrets(value);
  }
  return copy;
}

/** The event as watchers may hear it: messages and errors without tokens. */
export function redactEvent(event: RunEvent): RunEvent {
  switch (event.type) {
    case 'log':
    case 'document-error':
      return { ...event, message: redactSecrets(event.message) };
    case 'end':
      return { ...event, error: redactNullable(event.error) };
    default:
      return event;
  }
}
