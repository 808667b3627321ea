// SPEC.md "Notifications": at most once per (kind, 1:1 or week, recipient) with several API processes and across
// crashes. Two apps with their own Agenda share one database; a third process is killed in the middle of a send.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDeliveries } from '../notify/dispatch-deliveries.ts';
import type { Notifier } from '../notify/notifier.ts';
import { createClock } from '../plugins/app/clock.ts';
import { type App, buildApp } from '../server.ts';
import { createUser } from '../test-support/fixtures.ts';
import { at, createOneOnOne } from '../test-support/one-on-one-fixtures.ts';
import { buildTestApp, type TestApp, testConfig } from '../test-support/test-app.ts';
import { planReminders } from '../workflows/plan-reminders.ts';

const START = at('2026-03-10T10:00');
const clock = createClock(new Date(at('2026-03-02T09:00')));
const sends: string[] = [];
/** Each process's Teams: counts what reached it, yielding between sends as a network call would. */
const recording: Notifier = {
  deliver: async (notification) => {
    await new Promise((resolve) => setImmediate(resolve));
    sends.push(notification.key);
    return { status: 'sent', card: null };
  },
};

let first: TestApp;
let second: App;

beforeAll(async () => {
  first = await buildTestApp({
    deps: { clock, notifier: recording, agenda: { processEvery: 100 } },
  });
  second = buildApp(testConfig(first.mongo.uri), {
    clock,
    notifier: recording,
    seedDemo: false,
    agenda: { processEvery: 100 },
  });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await first.close();
});

async function createOneOnOnes(count: number) {
  for (let i = 0; i < count; i += 1) {
    const owner = await createUser(first.app, { name: `Owner ${i}` });
    const other = await createUser(first.app, { name: `Other ${i}` });
    await createOneOnOne(first.app, owner, other, { start: START });
  }
  await first.app.notifications.settled();
}

/** Queues a job in each app's own Agenda; resolves when the two runs completed, whichever process ran them. */
async function runInBothAgendas(name: string) {
  const agendas = [first.app.agenda, second.agenda];
  let completed = 0;
  const done = new Promise<void>((resolve) => {
    const onComplete = () => {
      completed += 1;
      if (completed < 2) return;
      for (const agenda of agendas) agenda.off(`complete:${name}`, onComplete);
      resolve();
    };
    for (const agenda of agendas) agenda.on(`complete:${name}`, onComplete);
  });
  await Promise.all(agendas.map((agenda) => agenda.now(name)));
  await done;
}

describe('exactly once across processes and crashes', () => {
  it('two API processes running the same jobs never send a reminder twice', async () => {
    await createOneOnOnes(12);
    sends.length = 0;
    clock.set(new Date(Date.parse(START) - 45 * 60_000));
    // Both processes' job bodies at once, several times, and both Agendas on top.
    const jobs = [first.app.jobs.get('reminders'), second.jobs.get('reminders')];
    await Promise.all([...jobs, ...jobs, ...jobs].map((job) => job?.(clock.now())));
    await runInBothAgendas('reminders');
    expect(sends).toHaveLength(24);
    expect(new Set(sends).size).toBe(24);
    const counts = await first.app.store.deliveries.countByStatus();
    expect(counts.sent).toBeGreaterThanOrEqual(24 + 12);
    expect(counts.pending + counts.sending).toBe(0);
  });

  it('one process never hands a delivery to two of its senders, however its claims interleave', async () => {
    await createOneOnOnes(20);
    sends.length = 0;
    const start = new Date(Date.parse(START) - 30 * 60_000);
    await planReminders(first.app.store, start);
    const deps = { store: first.app.store, notifier: recording, log: first.app.log };
    // Small claims and many senders: a claim runs while earlier deliveries are being finished.
    await dispatchDeliveries(deps, start, { concurrency: 12, batchSize: 3 });
    expect(new Set(sends).size).toBe(sends.length);
  });

  it('a process killed in the middle of a send loses nothing, and nothing is sent twice', async () => {
    const owner = await createUser(first.app, { name: 'Kim Killed' });
    const other = await createUser(first.app, { name: 'Sam Survivor' });
    const start = at('2026-03-11T10:00');
    await createOneOnOne(first.app, owner, other, { start });
    await first.app.notifications.settled();
    sends.length = 0;
    const now = new Date(Date.parse(start) - 50 * 60_000);
    await planReminders(first.app.store, now);

    const child = spawn(
      process.execPath,
      [
        path.join(import.meta.dirname, '../test-support/dispatch-child.ts'),
        first.mongo.uri,
        now.toISOString(),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const key = /sending (\S+)/.exec(line.toString())?.[1] ?? '';
    expect(key).toMatch(/^reminder:/);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect((await first.app.store.deliveries.get(key))?.status).toBe('sending');

    // The dead process's claims hold until their lease runs out: nobody sends them twice meanwhile.
    const run = (at: Date) => first.app.jobs.get('reminders')?.(at);
    await run(new Date(now.getTime() + 60_000));
    expect(sends).toEqual([]);
    // Then a live process finishes its work: both participants' reminders, each once.
    await run(new Date(now.getTime() + 6 * 60_000));
    expect(sends.filter((sent) => sent === key)).toHaveLength(1);
    expect(sends).toHaveLength(2);
    expect((await first.app.store.deliveries.get(key))?.status).toBe('sent');
    await run(new Date(now.getTime() + 7 * 60_000));
    expect(sends).toHaveLength(2);
  });
});
