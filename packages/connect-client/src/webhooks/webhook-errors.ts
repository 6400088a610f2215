import { ConnectError } from '../errors.ts';

/** Why a webhook call was refused; a listener answers every one of them with 401. */
export type ConnectWebhookErrorCode =
  /** No `Authorization: Bearer …` (nor `Authentication: Bearer …`) header. */
  | 'missing-token'
  /** The header holds something that is not a compact JWS. */
  | 'malformed-token'
  /** Signed with another algorithm than HS256 (`none` included). */
  | 'wrong-algorithm'
  /** The signature does not match the webhook's secret. */
  | 'bad-signature'
  /** `exp` is past (beyond the clock tolerance). */
  | 'expired'
  /** A required claim is missing, or `nbf`/`iat` is in the future. */
  | 'invalid-claims'
  /** The token's `body_sha256` claim does not match the body received. */
  | 'body-mismatch';

/** A webhook call that failed verification. The message never contains the token or the secret. */
export class ConnectWebhookError extends ConnectError {
  readonly code: ConnectWebhookErrorCode;

  constructor(code: ConnectWebhookErrorCode, message: string) {
    super(message);
    this.name = 'ConnectWebhookError';
    this.code = code;
  }
}

/** A verified call whose body is not a webhook payload; `pointer` is a JSON pointer into it. */
export class ConnectWebhookPayloadError extends ConnectError {
  readonly pointer: string;

  constructor(pointer: string, message: string) {
    super(`${pointer || '/'}: ${message}`);
    this.name = 'ConnectWebhookPayloadError';
    this.pointer = pointer;
  }
}
