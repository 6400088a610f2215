import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** Query parameters whose values are credentials (`access_token`, `token`, `api_key`, …). */
const SENSITIVE_NAME = /token|secret|password|passwd|api[-_]?key|signature|auth/i;
export const REDACTED = '[redacted]';

function decoded(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * The URL with the values of credential-like query parameters replaced, so a
 * link such as `/?access_token=…` can be logged without the token in it.
 */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) {
    return url;
  }
  const rest = url
    .slice(query)
    .replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, separator: string, name: string) =>
      SENSITIVE_NAME.test(decoded(name)) ? `${separator}${name}=${REDACTED}` : whole,
    );
  return url.slice(0, query) + rest;
}

/** Fastify's request fields, with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  const remotePort = request.socket?.remotePort;
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    ...(remotePort === undefined ? {} : { remotePort }),
  };
}

type LoggerOption = FastifyServerOptions['logger'];

/** The server's logger settings with the redacting request serializer in place. */
export function redactingLogger(logger: LoggerOption): Exclude<LoggerOption, undefined> {
  if (logger === undefined || logger === false) {
    return false;
  }
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: serializeRequest } };
}
