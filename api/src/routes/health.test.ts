import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

describe('GET /healthz', () => {
  let test: TestApp;
  afterEach(() => test.close());

  it('liveness is 200 while the process runs', async () => {
    test = await buildTestApp();
    const response = await test.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('liveness stays 200 when the database is gone (restarting would not bring it back)', async () => {
    test = await buildTestApp();
    await test.mongo.stop();
    expect((await test.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('GET /readyz', () => {
  let test: TestApp;
  afterEach(() => test.close());

  it('ready when the database answers and the job scheduler runs', async () => {
    test = await buildTestApp();
    const response = await test.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('not ready (503) when the database is stopped', async () => {
    test = await buildTestApp();
    await test.mongo.stop();
    const response = await test.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: { code: 'NOT_READY', message: 'The database is not reachable' },
    });
  });

  it('not ready (503) when the job scheduler is not running', async () => {
    test = await buildTestApp();
    await test.app.agenda.stop(false);
    const response = await test.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.message).toBe('The job scheduler is not running');
  });
});
