import { describe, expect, it } from 'vitest';
import { buildTestApp } from './test-support/test-app.ts';

describe('app.close()', () => {
  it('finishes in-flight requests, then stops the job scheduler, then closes the database', async () => {
    const events: string[] = [];
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
        // The request is held until shutdown has begun, and then still needs the database.
        app.addHook('preClose', async () => release());
        app.get('/test/slow', async () => {
          entered();
          await closeStarted;
          await app.mongo.db.command({ ping: 1 });
          events.push('request answered');
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

    const response = fetch(`http://127.0.0.1:${address.port}/test/slow`);
    await requestEntered;
    await app.close();
    events.push('closed');

    expect((await response).status).toBe(200);
    expect(events).toEqual(['request answered', 'database closed', 'closed']);
    await test.close();
  });
});
