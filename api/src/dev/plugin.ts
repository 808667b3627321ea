// Development mode as one plugin: seeds the demo tenant at start and serves the /dev/* routes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import devRoutes from './routes.ts';
import { seedDemoTenant } from './seed.ts';

const development: FastifyPluginAsyncTypebox<{ seed: boolean }> = async (app, options) => {
  if (options.seed) {
    await seedDemoTenant(app.store, app.clock.now());
    app.log.info('development mode: demo tenant seeded; sign in with Authorization: Dev <user-id>');
  }
  await app.register(devRoutes);
};

export default development;
