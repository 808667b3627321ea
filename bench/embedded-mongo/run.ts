// Benchmark of the embedded MongoDB server through the official driver: ops/s per operation, storage
// mode and client count, each beside the `ping` rate measured in interleaved slices on the same clients
// (the round-trip ceiling) and their ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MongoClient } from 'mongodb';
import { connectClients, type Measured, measure, type Operation } from './measure.ts';
import { startServerProcess } from './server-process.ts';

const DURATION_MS = Number(process.env.BENCH_MS ?? 2000);
const SEEDED = 10_000;

type Row = { operation: string; storage: string; clients: number } & Measured;

const coll = (client: MongoClient) =>
  client.db('bench').collection<{ _id: number; email: string; n: number }>('people');
const random = () => Math.floor(Math.random() * SEEDED);

const operations: Record<string, Operation> = {
  ping: (client) => client.db('bench').command({ ping: 1 }),
  insert: (client, worker, i) =>
    client.db('bench').collection('inserts').insertOne({ worker, i, at: new Date(), tag: 'bench' }),
  'find by _id': (client) => coll(client).findOne({ _id: random() }),
  'find by indexed field': (client) => coll(client).findOne({ email: `user${random()}@example.com` }),
  findOneAndUpdate: (client) =>
    coll(client).findOneAndUpdate({ _id: random() }, { $inc: { n: 1 } }, { returnDocument: 'after' }),
};

async function seed(client: MongoClient): Promise<void> {
  const people = coll(client);
  await people.createIndex({ email: 1 }, { unique: true });
  const docs = Array.from({ length: SEEDED }, (_, i) => ({ _id: i, email: `user${i}@example.com`, n: 0 }));
  await people.insertMany(docs);
}

async function measureConfiguration(
  storage: string,
  args: string[],
  plan: Array<[string, number]>,
): Promise<Row[]> {
  const server = await startServerProcess(args);
  const rows: Row[] = [];
  const pools = new Map<number, MongoClient[]>();
  try {
    const [first] = await connectClients(server.uri, 1);
    await seed(first!);
    pools.set(1, [first!]);
    for (const [operation, clients] of plan) {
      if (!pools.has(clients)) pools.set(clients, await connectClients(server.uri, clients));
      const rates = await measure(
        pools.get(clients)!,
        operations[operation]!,
        operations.ping!,
        DURATION_MS,
        server.cpuMicros,
      );
      rows.push({ operation, storage, clients, ...rates });
    }
  } finally {
    for (const clients of pools.values()) await Promise.all(clients.map((client) => client.close()));
    await server.stop();
  }
  return rows;
}

function printTable(rows: Row[]): void {
  const header = [
    'operation',
    'storage',
    'clients',
    'ops/s',
    'ping ops/s',
    'vs ping',
    'server CPU µs/op',
    'µs/ping',
    'client CPU µs/op',
    'µs/ping',
  ];
  const lines = rows.map((row) => [
    row.operation,
    row.storage,
    String(row.clients),
    Math.round(row.opsPerSec).toLocaleString('en-US'),
    Math.round(row.pingPerSec).toLocaleString('en-US'),
    (row.opsPerSec / row.pingPerSec).toFixed(2),
    row.serverMicrosPerOp.toFixed(0),
    row.serverMicrosPerPing.toFixed(0),
    row.clientMicrosPerOp.toFixed(0),
    row.clientMicrosPerPing.toFixed(0),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

const dataDir = mkdtempSync(join(tmpdir(), 'embedded-mongo-bench-'));
try {
  const memory = await measureConfiguration(
    'memory',
    ['--in-memory'],
    [
      ['insert', 1],
      ['find by _id', 1],
      ['find by indexed field', 1],
      ['findOneAndUpdate', 1],
      ['insert', 32],
      ['find by _id', 32],
      ['find by indexed field', 32],
      ['findOneAndUpdate', 32],
    ],
  );
  const durable = await measureConfiguration(
    'durable',
    ['--data', dataDir],
    [
      ['insert', 1],
      ['findOneAndUpdate', 1],
      ['insert', 32],
      ['findOneAndUpdate', 32],
    ],
  );
  printTable([...memory, ...durable]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
