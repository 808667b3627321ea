// Conformance: Agenda 6 with @agendajs/mongo-backend schedules, locks and runs each job exactly once
// across two Agenda instances sharing the database.
import { randomBytes } from 'node:crypto';
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
beforeAll(async () => {
  target = await openTarget('agenda');
});
afterAll(async () => {
  await target.close();
});

type Run = { worker: string; n: number | string; id: string };

function startAgenda(uri: string, dbName: string, worker: string, runs: Run[]): Agenda {
  const agenda = new Agenda({
    name: worker,
    backend: new MongoBackend({ address: `${uri}/${dbName}` }),
    processEvery: 50,
    defaultConcurrency: 3,
  });
  agenda.define('work', async (job: Job<{ n: number | string }>) => {
    runs.push({ worker, n: job.attrs.data.n, id: String(job.attrs._id) });
  });
  agenda.define('tick', async () => undefined);
  return agenda;
}

/** Resolves once both instances together have completed `count` 'work' jobs. */
function completions(agendas: Agenda[], count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    for (const agenda of agendas) {
      agenda.on('complete:work', () => {
        seen++;
        if (seen === count) resolve();
      });
    }
  });
}

describe('Agenda on this server', () => {
  it('runs every job exactly once across two instances, including a scheduled one', async () => {
    const dbName = `agenda-test_${randomBytes(4).toString('hex')}`;
    const runs: Run[] = [];
    const first = startAgenda(target.uri, dbName, 'first', runs);
    const second = startAgenda(target.uri, dbName, 'second', runs);
    const done = completions([first, second], 21);
    try {
      await Promise.all([first.ready, second.ready]);
      await Promise.all([first.start(), second.start()]);
      for (let n = 0; n < 20; n++) await (n % 2 ? first : second).now('work', { n });
      await first.schedule(new Date(Date.now() + 150), 'work', { n: 'later' });
      await Promise.all([first.every('1 hour', 'tick'), second.every('1 hour', 'tick')]);
      await done;
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    const values = runs.map((run) => run.n);
    expect(values.filter((n) => typeof n === 'number').sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    expect(values.filter((n) => n === 'later')).toEqual(['later']);
    expect(new Set(runs.map((run) => run.id)).size).toBe(21);

    const jobs = target.client.db(dbName).collection('agendaJobs');
    expect(await jobs.countDocuments({ name: 'tick' })).toBe(1);
    expect(await jobs.countDocuments({ name: 'work', lastFinishedAt: { $ne: null } })).toBe(21);
    const indexes = (await jobs.listIndexes().toArray()).map((index) => index.name);
    expect(indexes).toContain('findAndLockNextJobIndex');
    await target.client.db(dbName).dropDatabase();
  });
});
