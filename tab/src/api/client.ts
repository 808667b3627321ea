// The HTTP boundary to the API: adds the host's credentials, parses JSON, turns error bodies into ApiError.
import type { Host } from '../hosts/host.ts';
import { ApiError } from './api-error.ts';

export const apiBase = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(method: Method, path: string, body?: unknown): Promise<T>;
  /** URL of the event stream with the token in the query (EventSource cannot send headers). */
  streamUrl(path: string): Promise<string>;
}

function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; details?: Record<string, unknown> } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function parse(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createApiClient(host: Host, fetcher: typeof fetch = (...args) => fetch(...args)): ApiClient {
  async function send<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const { authorization } = await host.credentials();
    const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetcher(`${apiBase}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const payload = await parse(response);
    if (!response.ok) {
      if (isErrorBody(payload)) {
        const { code, message, details } = payload.error;
        throw new ApiError(response.status, code, message, details);
      }
      throw new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status}.`);
    }
    return payload as T;
  }
  return {
    get: (path) => send('GET', path),
    send,
    async streamUrl(path) {
      const { streamToken } = await host.credentials();
      return `${apiBase}${path}?access_token=${encodeURIComponent(streamToken)}`;
    },
  };
}
