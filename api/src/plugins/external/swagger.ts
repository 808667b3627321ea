// OpenAPI document built from the routes' TypeBox schemas, browsable at /api/docs (SPEC.md "API").
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface SwaggerOptions {
  readonly publicUrl: string;
}

async function openApi(app: FastifyInstance, options: SwaggerOptions): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '1:1s API',
        description: 'The shared workspace for 1:1 meetings in Microsoft Teams and Outlook',
        version: '1',
      },
      servers: [{ url: options.publicUrl }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

export default fp(openApi, { name: 'swagger' });
