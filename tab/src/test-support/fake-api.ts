// A fetch stub at the API boundary: routes like 'PATCH /topics/:id' answer with JSON; every call is recorded.

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export type Answer = { status?: number; body?: unknown };
export type Handler = (call: Call, params: Record<string, string>) => Answer | Promise<Answer>;

export interface FakeApi {
  fetch: typeof fetch;
  calls: Call[];
  on(route: string, handler: Handler | Answer): void;
  callsTo(route: string): Call[];
}

function matches(route: string, method: string, path: string): Record<string, string> | null {
  const [routeMethod, routePath] = route.split(' ') as [string, string];
  if (routeMethod !== method) return null;
  const pattern = routePath.split('?')[0]!.split('/');
  const actual = path.split('?')[0]!.split('/');
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = actual[i]!;
    else if (part !== actual[i]) return null;
  }
  return params;
}

export function createFakeApi(): FakeApi {
  const routes: [string, Handler][] = [];
  const calls: Call[] = [];
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.replace(/^.*\/api\/v1/, '');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = { method, path, body };
    calls.push(call);
    // Later registrations win, so a test can override a default answer.
    for (let i = routes.length - 1; i >= 0; i--) {
      const [route, handler] = routes[i]!;
      const params = matches(route, method, path);
      if (!params) continue;
      const answer = await handler(call, params);
      const status = answer.status ?? 200;
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    return new Response(
      JSON.stringify({ error: { code: 'NOT_FOUND', message: `No fake for ${method} ${path}` } }),
      {
        status: 404,
      },
    );
  };
  return {
    fetch: fetcher as typeof fetch,
    calls,
    on(route, handler) {
      routes.push([route, typeof handler === 'function' ? handler : () => handler]);
    },
    callsTo(route) {
      const [method, path] = route.split(' ') as [string, string];
      return calls.filter(
        (call) => call.method === method && matches(`${method} ${path}`, call.method, call.path),
      );
    },
  };
}
