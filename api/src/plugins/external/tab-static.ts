// Serves the built tab (tab/dist) at `/`, with the single-page app's index.html for its client-side paths, and
// the Outlook add-in's icons (manifest/web/addin) at `/addin/`, where the app manifest points.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const defaultTabDir = path.resolve(import.meta.dirname, '../../../../tab/dist');
export const defaultAddinDir = path.resolve(import.meta.dirname, '../../../../manifest/web/addin');

/** Paths that belong to the server: a miss there is a real 404, never the app's page. */
const serverPaths = /^\/(api|healthz|readyz)(\/|$|\?)/;

async function tabStatic(app: FastifyInstance, options: { root: string; addinRoot?: string }): Promise<void> {
  const addinRoot = options.addinRoot ?? defaultAddinDir;
  if (existsSync(addinRoot)) {
    await app.register(fastifyStatic, {
      root: addinRoot,
      prefix: '/addin/',
      decorateReply: false,
      wildcard: false,
    });
  }
  if (!existsSync(path.join(options.root, 'index.html'))) {
    app.log.warn({ root: options.root }, 'the tab is not built (npm run build): serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: options.root,
    wildcard: false,
    // Hashed asset names change with their content: cache them for good; index.html never.
    setHeaders: (reply, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (serverPaths.test(request.url)) {
      return reply.callNotFound();
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

export default fp(tabStatic, { name: 'tab-static' });
