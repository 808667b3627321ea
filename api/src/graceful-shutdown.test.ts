import { describe, expect, it } from 'vitest';
import { buildTestApp } from './test-support/test-app.ts';

describe('app.close()', () => {
  it('finishes in-flight requests, refuses new ones with 503, then stops jobs, then closes the database', async () => {
    const events: string[] = [];
    let baseUrl = '';
    let entered!: () => void;
    const requestEntered = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release!: () => void;
    const closeStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    const test = await buildTestApp({
      register: (app) => {
        // Runs once shutdown has begun and before the server stops listening: a request arriving now
        // is answered by the shutdown gate; then the held request may finish.
        app.addHook('preClose', async () => {
          const late = await fetch(`${baseUrl}/healthz`);
          const body = (await late.json()) as { error: { code: string } };
          events.push(`late request: ${late.status} ${body.error.code}`);
          release();
        });
        app.get('/test/slow', async () => {
          entered();
          await closeStarted;
          await app.mongo.db.command({ ping: 1 });
          events.push('held request answered');
          return { ok: true };
        });
      },
    });
    const { app } = test;
    const closeClient = app.mongo.client.close.bind(app.mongo.client);
    app.mongo.client.close = async (force?: boolean) => {
      events.push(app.agenda.isActiveJobProcessor() ? 'database closed, jobs running' : 'database closed');
      return closeClient(force);
    };
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    baseUrl = `http://127.0.0.1:${address.port}`;

    const response = fetch(`${baseUrl}/test/slow`);
    await requestEntered;
    await app.close();
    events.push('closed');

    expect((await response).status).toBe(200);
    expect(events).toEqual([
      'late request: 503 SHUTTING_DOWN',
      'held request answered',
      'database closed',
      'closed',
    ]);
    await test.close();
  });
});
