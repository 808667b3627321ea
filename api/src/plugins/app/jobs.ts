// The job bodies by name as `app.jobs`: each is `(now) => Promise<void>`, run by Agenda on its schedule and by
// POST /dev/jobs/:name/run on demand, so tests and development call exactly what production runs.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { JobName } from '../../schemas/dev.ts';

export type JobBody = (now: Date) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Map<JobName, JobBody>;
  }
}

async function jobs(app: FastifyInstance): Promise<void> {
  app.decorate('jobs', new Map<JobName, JobBody>());
}

export default fp(jobs, { name: 'jobs' });
