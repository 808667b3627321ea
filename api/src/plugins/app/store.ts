// The repositories (api/src/store) on the app's database as `app.store`, with their indexes created at start.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createStore, type Store } from '../../store/store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

async function store(app: FastifyInstance): Promise<void> {
  const repositories = createStore(app.mongo.db);
  await repositories.ensureIndexes();
  app.decorate('store', repositories);
}

export default fp(store, { name: 'store', dependencies: ['mongo'] });
