/** An error answer from Junction's API, with its JSON body (message, issues, current...). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body['message'] === 'string' ? body['message'] : `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

/**
 * Calls Junction's own API (never Connect: credentials stay on the server).
 * JSON in, JSON out; non-2xx answers throw ApiError.
 */
export async function api<T>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    /** A body sent as it is (a file's text: the server reports its own lines and keys); JSON unless `headers` says otherwise. */
    text?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  const payload = init.text ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (payload !== undefined && headers['content-type'] === undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    ...(payload !== undefined ? { body: payload } : {}),
  });
  const text = await response.text();
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = { message: text };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, (body ?? {}) as Record<string, unknown>);
  }
  return { data: body as T, headers: response.headers };
}
