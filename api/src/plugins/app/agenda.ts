// The job scheduler (Agenda 6 on the app's MongoDB database) as `app.agenda`; jobs are defined by later issues.
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type AgendaBackend } from 'agenda';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { trackRunningJobs } from './running-jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    agenda: Agenda;
  }
}

export interface AgendaOptions {
  /** How often each process polls for due jobs. */
  readonly processEvery: string | number;
  /** How long shutdown waits for running jobs before closing the database under them. */
  readonly shutdownGraceMs: number;
}

export const defaultAgendaOptions: AgendaOptions = { processEvery: '5 seconds', shutdownGraceMs: 25_000 };

async function agenda(app: FastifyInstance, options: AgendaOptions): Promise<void> {
  const backend = await connectedBackend(app);
  const scheduler = new Agenda({ backend, name: `api-${process.pid}`, processEvery: options.processEvery });
  scheduler.on('error', (error: Error) => app.log.error({ err: error }, 'job scheduler error'));
  scheduler.on('fail', (error: Error, job) => {
    app.log.error({ err: error, job: job.attrs.name }, 'job failed');
  });
  const running = trackRunningJobs(scheduler);
  app.decorate('agenda', scheduler);

  // Jobs are defined by plugins registered after this one; processing starts once they all are.
  app.addHook('onReady', async () => {
    await scheduler.start();
    app.log.info('job scheduler started');
  });
  // Stops polling and unlocks the jobs this process had queued (another process picks them up), then
  // lets running jobs finish; the Mongo client stays open for the mongo plugin to close afterwards.
  app.addHook('onClose', async () => {
    await scheduler.stop(false);
    const unfinished = await running.settled(options.shutdownGraceMs);
    if (unfinished > 0)
      app.log.warn({ unfinished }, 'closing with jobs still running; their locks will expire');
    app.log.info('job scheduler stopped');
  });
}

/**
 * Agenda's constructor connects its backend without handling a failure (an unhandled rejection);
 * connecting here first makes a failure stop the boot with a clear error instead.
 */
async function connectedBackend(app: FastifyInstance): Promise<AgendaBackend> {
  const mongoBackend = new MongoBackend({ mongo: app.mongo.db });
  await mongoBackend.connect();
  return {
    name: mongoBackend.name,
    repository: mongoBackend.repository,
    logger: mongoBackend.logger,
    ownsConnection: false,
    connect: async () => {},
    disconnect: () => mongoBackend.disconnect(),
  };
}

export default fp(agenda, { name: 'agenda', dependencies: ['mongo'] });
