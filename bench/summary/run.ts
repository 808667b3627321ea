// Sunday summary benchmark: 20,000 people who each had a 1:1 that week get their summary card through the Teams
// notifier (CloudAdapter → a local fake Bot Connector with a network delay and injected 429s). Figures: composition
// time (plan + compose + render every card, no sending) and the achieved send rate as a share of the binding limit
// (50 requests/s per app per tenant). Goal: ≥ 0.95 of it, zero cards lost.
import { CloudAdapter } from '@microsoft/agents-hosting';
import { createDeepLinks, createTeamsBot } from 'bot';
import type { FastifyBaseLogger } from 'fastify';
import { type Db, ObjectId } from 'mongodb';
import { createBotDirectory } from '../../api/src/notify/bot-directory.ts';
import { composeNotification } from '../../api/src/notify/compose-notification.ts';
import { dispatchDeliveries } from '../../api/src/notify/dispatch-deliveries.ts';
import { createStore } from '../../api/src/store/store.ts';
import { planWeeklySummaries } from '../../api/src/workflows/plan-weekly-summaries.ts';
import { startFakeConnector } from '../../bot/test/fake-connector.ts';
import { useFakeTokens } from '../../bot/test/fake-token-provider.ts';
import { openBenchDatabase } from '../bench-database.ts';

const PEOPLE = Number(process.env.BENCH_SUMMARY_USERS ?? 20_000);
const TENANT = 'aaaaaaaa-0000-4000-8000-00000000000a';
const BOT_ID = '0b0b0b0b-1111-4222-8333-444444444444';
const ZONE = 'Europe/Berlin';
/** Sunday 8 March 2026, 17:00 in Berlin: the summary of the week of 2 March is due. */
const NOW = new Date('2026-03-08T16:00:00Z');
const TENANT_LIMIT_PER_SECOND = 50;
const LATENCY_MS = 30;
/** One send in a hundred is throttled (429, Retry-After 1 s). */
const THROTTLE = { n: 100, retryAfterSeconds: 1 };
const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as FastifyBaseLogger;

/** Pairs of people, one 1:1 each on the Tuesday, with two open action items; every person has a chat. */
async function seed(db: Db, serviceUrl: string): Promise<void> {
  const store = createStore(db);
  await store.ensureIndexes();
  await db
    .collection('tenants')
    .insertOne({ _id: TENANT as unknown as ObjectId, moduleName: '1:1s', enabled: true, createdAt: NOW });
  const users = [];
  const meetings = [];
  const items = [];
  const start = new Date('2026-03-03T09:00:00Z');
  for (let i = 0; i < PEOPLE; i += 2) {
    const pair = [new ObjectId(), new ObjectId()] as [ObjectId, ObjectId];
    for (const [k, _id] of pair.entries()) {
      const aadObjectId = `00000000-0000-4000-8000-${String(i + k).padStart(12, '0')}`;
      users.push({
        _id,
        tenantId: TENANT,
        aadObjectId,
        displayName: `Person ${i + k}`,
        searchKey: `person ${i + k}`,
        email: `person${i + k}@contoso.test`,
        timeZone: ZONE,
        isAdmin: false,
        preferences: { reminderBeforeMeeting: true, showPrivateNotes: true },
        createdAt: NOW,
        lastSeenAt: NOW,
        botConversation: {
          reference: {
            channelId: 'msteams',
            serviceUrl,
            conversation: { id: `a:personal-${aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
            agent: { id: `28:${BOT_ID}` },
            user: { id: `29:${aadObjectId}`, aadObjectId },
          },
          updatedAt: NOW,
        },
      });
    }
    const meetingId = new ObjectId();
    meetings.push({
      _id: meetingId,
      tenantId: TENANT,
      seriesId: null,
      ownerId: pair[0],
      participantIds: pair,
      title: `1:1 ${i / 2}`,
      start,
      end: new Date(start.getTime() + 30 * 60_000),
      occurrenceStart: null,
      status: 'scheduled',
      deleted: false,
      archived: false,
      rolledOverAt: null,
      sharedNotes: { text: '', version: 0 },
      createdAt: NOW,
    });
    for (let k = 0; k < 2; k += 1) {
      items.push({
        _id: new ObjectId(),
        tenantId: TENANT,
        meetingId,
        participantIds: pair,
        kind: 'action',
        text: `Follow-up ${k} of 1:1 ${i / 2}`,
        url: null,
        authorId: pair[k],
        orderKey: `a${k}`,
        completed: false,
        completedAt: null,
        movedTo: null,
        movedFrom: null,
        movedFromItemId: null,
        assigneeId: pair[k],
        due: '2026-03-13',
        createdAt: NOW,
      });
    }
  }
  for (const [name, docs] of [
    ['users', users],
    ['meetings', meetings],
    ['items', items],
  ] as const) {
    for (let i = 0; i < docs.length; i += 5_000)
      await db.collection(name).insertMany(docs.slice(i, i + 5_000));
  }
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const connector = await startFakeConnector({ latencyMs: LATENCY_MS, throttleEvery: THROTTLE });
  try {
    console.log(
      `Sunday summary benchmark on ${database.label}: ${PEOPLE} people, limit ${TENANT_LIMIT_PER_SECOND}/s per tenant`,
    );
    const db = await database.fresh('bench-summary');
    await seed(db, connector.url);
    const store = createStore(db);
    const config = { clientId: BOT_ID, clientSecret: 'secret' };
    const adapter = new CloudAdapter(config);
    useFakeTokens(adapter, config);
    const bot = createTeamsBot({
      credentials: { appId: BOT_ID, password: 'secret', tenantId: null },
      directory: createBotDirectory(store, () => NOW),
      links: createDeepLinks({ teamsAppId: null, publicUrl: 'https://one-on-ones.contoso.test' }),
      locale: 'en-GB',
      serviceUrl: connector.url,
      graph: null,
      log: silent,
      adapter,
    });
    if (!bot.notifier) throw new Error('no notifier');

    const composeStarted = performance.now();
    const planned = await planWeeklySummaries(store, NOW);
    const pending = await store.deliveries.collection.find({ status: 'pending' }).toArray();
    let next = 0;
    const composeOne = async () => {
      for (let i = next++; i < pending.length; i = next++) {
        const doc = pending[i];
        if (!doc) continue;
        const delivery = await store.deliveries.get(doc._id);
        const composed = delivery ? await composeNotification(store, delivery, NOW) : null;
        if (!composed || !('notification' in composed)) throw new Error(`not composed: ${doc._id}`);
        bot.render(composed.notification);
      }
    };
    await Promise.all(Array.from({ length: 16 }, composeOne));
    const composeMs = performance.now() - composeStarted;
    if (planned !== PEOPLE) throw new Error(`planned ${planned} summaries, expected ${PEOPLE}`);

    // Sending: job runs as Agenda would start them, until nothing is due (a throttled card is retried).
    // The app clock of each run: Sunday 17:00 plus the real time elapsed, plus a minute per earlier run.
    const sendStarted = performance.now();
    for (let run = 0; run < 10; run += 1) {
      const now = new Date(NOW.getTime() + (performance.now() - sendStarted) + run * 60_000);
      const result = await dispatchDeliveries({ store, notifier: bot.notifier, log: silent }, now, {
        concurrency: 32,
      });
      if (result.deferred === 0) break;
    }
    const sendMs = performance.now() - sendStarted;
    const counts = await store.deliveries.countByStatus();
    const conversations = new Set(connector.activities.map((activity) => activity.conversationId));
    const rate = counts.sent / (sendMs / 1000);
    const figures = {
      people: PEOPLE,
      compositionSeconds: +(composeMs / 1000).toFixed(2),
      composedPerSecond: Math.round(PEOPLE / (composeMs / 1000)),
      sendSeconds: +(sendMs / 1000).toFixed(1),
      cardsPerSecond: +rate.toFixed(2),
      shareOfLimit: +(rate / TENANT_LIMIT_PER_SECOND).toFixed(3),
      injected429: connector.answers.filter((status) => status === 429).length,
      sent: counts.sent,
      lost: PEOPLE - conversations.size,
      duplicates: connector.activities.length - conversations.size,
      goal: 'shareOfLimit ≥ 0.95, lost 0',
    };
    console.table([figures]);
    console.log(JSON.stringify({ bench: 'summary', ...figures }));
  } finally {
    await connector.close();
    await database.stop();
  }
}

await main();
