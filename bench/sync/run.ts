// Calendar sync benchmark: 1,000 connected users (half Outlook, half Google) against the local Graph and
// Google fakes. Figures: the initial import (first sync + import of one weekly 1:1 per user) in users/s, and an
// incremental sweep where nothing changed: provider requests per user (goal: exactly 1) and users/s.
import { startEmbeddedMongo } from 'embedded-mongo';
import { MongoClient } from 'mongodb';
import { pino } from 'pino';
import { loadConfig } from '../../api/src/config.ts';
import { startFakeCalendarServer } from '../../api/src/dev/fake-calendar/fake-calendar-server.ts';
import { createStore } from '../../api/src/store/store.ts';
import type { User } from '../../api/src/store/users.ts';
import { createCalendarContext } from '../../api/src/workflows/calendar-context.ts';
import { importCalendarEvents } from '../../api/src/workflows/import-calendar-events.ts';
import { type CalendarDeps, sweepCalendars, syncConnection } from '../../api/src/workflows/sync-calendar.ts';

const USERS = Number(process.env.BENCH_SYNC_USERS ?? 1000);
const CONCURRENCY = 8;
const TENANT = 'bench-calendar-tenant';
const NOW = new Date('2026-03-02T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

async function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function main(): Promise<void> {
  const fake = await startFakeCalendarServer({ now: () => NOW, pageSize: 50 });
  const embedded = process.env.MONGODB_URI ? null : await startEmbeddedMongo({ port: 0, dataDir: null });
  const uri = process.env.MONGODB_URI ?? embedded?.uri ?? '';
  const client = await MongoClient.connect(uri);
  const db = client.db('bench-calendar-sync');
  await db.dropDatabase();
  const store = createStore(db);
  await store.ensureIndexes();
  const config = {
    ...loadConfig({
      AUTH_MODE: 'dev',
      LOG_LEVEL: 'silent',
      GRAPH_BASE_URL: fake.graphBaseUrl,
      GOOGLE_BASE_URL: fake.googleBaseUrl,
    }),
    mongodbUri: uri,
  };
  const calendar = createCalendarContext(config, store);
  // Change notifications are measured by the tests; the sweep here is the polling safety net alone.
  calendar.subscriptionsEnabled = false;
  const deps: CalendarDeps = { store, log: pino({ level: 'silent' }), calendar };

  await store.tenants.ensure(TENANT, NOW);
  const owners: { owner: User; masterId: string }[] = [];
  for (let i = 0; i < USERS; i += 1) {
    const identity = (role: string) => ({
      tenantId: TENANT,
      aadObjectId: `${role}-${i}`,
      displayName: `${role} ${i}`,
      email: `${role}.${i}@bench.test`,
      isAdmin: false,
      timeZone: 'Europe/Berlin',
    });
    const owner = await store.users.upsertFromIdentity(identity('owner'), NOW);
    const partner = await store.users.upsertFromIdentity(identity('partner'), NOW);
    const start = new Date(NOW.getTime() + (1 + (i % 5)) * DAY + (i % 8) * 3_600_000);
    const weekly = await fake.calendars.addEvent(owner.email, {
      subject: `1:1 ${i}`,
      start,
      end: new Date(start.getTime() + 30 * 60_000),
      timeZone: 'Europe/Berlin',
      attendees: [{ email: partner.email, name: partner.displayName }],
      recurrence: { frequency: 'weekly', interval: 1 + (i % 3), until: null },
    });
    await fake.calendars.addEvent(owner.email, {
      subject: 'Stand-up',
      start: new Date(NOW.getTime() + 3_600_000),
      end: new Date(NOW.getTime() + 3_900_000),
      timeZone: 'Europe/Berlin',
      attendees: [
        { email: partner.email, name: partner.displayName },
        { email: 'x@bench.test', name: 'X' },
      ],
      recurrence: { frequency: 'daily', interval: 1, until: null },
    });
    await store.calendarConnections.connect(
      owner.id,
      {
        tenantId: TENANT,
        provider: i % 2 === 0 ? 'microsoft' : 'google',
        account: owner.email,
        credentials: calendar.seal(owner.id, { kind: 'dev', account: owner.email }),
        twoWay: false,
      },
      NOW,
    );
    owners.push({ owner, masterId: weekly.id });
  }
  const requests = () => owners.reduce((sum, { owner }) => sum + fake.calendars.requestCount(owner.email), 0);

  const importStart = performance.now();
  const beforeImport = requests();
  await inPool(owners, async ({ owner, masterId }) => {
    const connection = await store.calendarConnections.get(TENANT, owner.id);
    if (!connection) throw new Error('not connected');
    const synced = await syncConnection(deps, connection, NOW);
    if (!synced.ok) throw new Error(`first sync failed: ${synced.message}`);
    const provider = calendar.providerFor(connection);
    const [outcome] = await importCalendarEvents(store, provider, owner, [masterId], NOW, async () => {});
    if (!outcome?.ok) throw new Error(`import failed for ${owner.email}`);
  });
  const importSeconds = (performance.now() - importStart) / 1000;
  const importRequests = requests() - beforeImport;

  const sweepStart = performance.now();
  const beforeSweep = requests();
  const sweep = await sweepCalendars(deps, new Date(NOW.getTime() + 60_000));
  const sweepSeconds = (performance.now() - sweepStart) / 1000;
  const sweepRequests = requests() - beforeSweep;
  if (sweep.failed > 0) throw new Error(`${sweep.failed} users failed in the sweep`);

  const rows = [
    ['phase', 'users', 'seconds', 'users/s', 'provider requests/user'],
    [
      'initial import (first sync + import)',
      String(USERS),
      importSeconds.toFixed(2),
      (USERS / importSeconds).toFixed(0),
      (importRequests / USERS).toFixed(2),
    ],
    [
      'incremental sweep, nothing changed',
      String(sweep.users),
      sweepSeconds.toFixed(2),
      (sweep.users / sweepSeconds).toFixed(0),
      (sweepRequests / sweep.users).toFixed(2),
    ],
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(
    `\nCalendar sync (${USERS} users, half Graph, half Google, local fakes; database: ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded-mongo in process'})`,
  );
  console.log(line(rows[0] ?? []));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `goal: exactly 1 provider request per user in a sweep where nothing changed — ${sweepRequests === sweep.users ? 'met' : 'NOT met'}`,
  );

  await client.close();
  await embedded?.stop();
  await fake.close();
}

await main();
