import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleError } from './domain/rule-error.ts';
import { AppError } from './errors/app-error.ts';
import type { App } from './server.ts';
import { buildTestApp, type TestApp } from './test-support/test-app.ts';

/** Test-only routes that fail in each of the ways the error handler must answer. */
function failingRoutes(app: App): void {
  app.post(
    '/test/echo',
    {
      bodyLimit: 64,
      schema: {
        body: Type.Object(
          { title: Type.String({ minLength: 1 }), count: Type.Optional(Type.Integer()) },
          {
            additionalProperties: false,
          },
        ),
      },
    },
    async (request) => request.body,
  );
  app.get('/test/app-error', async () => {
    throw AppError.forbidden('The 1:1s module is disabled', 'MODULE_DISABLED');
  });
  app.get('/test/rule-error', async () => {
    throw new RuleError('ARCHIVE_NOT_PAST');
  });
  app.get('/test/crash', async () => {
    throw new Error('secret detail: mongodb://user:pw@host');
  });
  app.get('/test/log-headers', async (request) => {
    request.log.info({ headers: request.headers }, 'headers of the request');
    return { ok: true };
  });
}

describe('errors answer in the SPEC.md shape', () => {
  const logs: string[] = [];
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp({
      register: failingRoutes,
      config: { logLevel: 'info' },
      deps: { logStream: { write: (line) => logs.push(line) } },
    });
  });
  afterAll(() => test.close());

  it('an unknown route is 404 NOT_FOUND', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Route GET /api/v1/nothing-here not found' },
    });
  });

  it('a body that is not JSON is 400 BAD_REQUEST', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/not valid JSON/) },
    });
  });

  it('a schema failure is 400 VALIDATION_FAILED naming the field', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { title: 'x', count: 'many' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'body.count must be integer' },
    });
  });

  it('a missing field is named', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/test/echo', payload: {} });
    expect(response.json().error.message).toBe('body.title is required');
  });

  it('an unknown field is refused, not silently dropped, and named', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { title: 'x', admin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'body.admin is not allowed' },
    });
  });

  it('a valid body passes through', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { title: 'x', count: 2 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ title: 'x', count: 2 });
  });

  it('a body over the limit is 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { title: 'x'.repeat(100) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a thrown AppError answers with its status, code and message', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/test/app-error' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { code: 'MODULE_DISABLED', message: 'The 1:1s module is disabled' },
    });
  });

  it('a thrown RuleError answers 422 with the rule as code', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/test/rule-error' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('ARCHIVE_NOT_PAST');
  });

  it('a thrown plain Error is 500 with its message hidden, and logged with context', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/test/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error' } });
    expect(response.body).not.toContain('secret');
    const logged = logs.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    expect(logged).toMatchObject({
      level: 50,
      url: '/test/crash',
      err: { message: expect.stringContaining('secret') },
    });
  });

  it('authorization headers never reach the logs', async () => {
    await test.app.inject({
      method: 'GET',
      url: '/test/log-headers',
      headers: { authorization: 'Bearer eyJ.secret.token', cookie: 'session=abc' },
    });
    const text = logs.join('');
    expect(text).toContain('headers of the request');
    expect(text).not.toContain('eyJ.secret.token');
    expect(text).not.toContain('session=abc');
  });

  it('security headers are set, and Teams and Outlook may frame the app', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['content-security-policy']).toContain('frame-ancestors');
    expect(response.headers['content-security-policy']).toContain('https://teams.microsoft.com');
  });

  it('the OpenAPI document is served under /api/docs', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().paths).toHaveProperty('/readyz');
    const page = await test.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('rate limits', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp({
      deps: { rateLimit: { max: 2, timeWindowMs: 60_000 } },
      register: (app) => {
        app.get('/test/ping', async () => ({ ok: true }));
      },
    });
  });
  afterAll(() => test.close());

  it('a client over its limit gets 429 RATE_LIMITED in the error shape', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await test.app.inject({ method: 'GET', url: '/test/ping' })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const response = await test.app.inject({ method: 'GET', url: '/test/ping' });
    expect(response.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Rate limit exceeded/) },
    });
    expect(response.headers['retry-after']).toBeDefined();
  });

  it('health probes are never rate-limited', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await test.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    }
  });
});
