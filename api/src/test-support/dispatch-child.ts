// A second API process for the exactly-once tests: claims due deliveries on the shared database and starts sending,
// then hangs mid-send (prints "sending <key>") until the test kills it with SIGKILL.
import type { FastifyBaseLogger } from 'fastify';
import { MongoClient } from 'mongodb';
import { dispatchDeliveries } from '../notify/dispatch-deliveries.ts';
import { databaseNameFromUri } from '../plugins/app/mongo.ts';
import { createStore } from '../store/store.ts';

const [uri, nowIso] = process.argv.slice(2);
if (!uri || !nowIso) throw new Error('usage: dispatch-child.ts <mongodb uri> <now>');
const client = await MongoClient.connect(uri);
const store = createStore(client.db(databaseNameFromUri(uri)));
const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as FastifyBaseLogger;
await dispatchDeliveries(
  {
    store,
    log: silent,
    notifier: {
      deliver: (notification) => {
        process.stdout.write(`sending ${notification.key}\n`);
        return new Promise(() => {});
      },
    },
  },
  new Date(nowIso),
  { concurrency: 1 },
);
