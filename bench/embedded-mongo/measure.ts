// Runs an operation in a closed loop on N clients and reports operations per second, interleaved
// with `ping` slices so that both rates see the same machine load.
import { MongoClient } from 'mongodb';

export type Operation = (client: MongoClient, worker: number, i: number) => Promise<unknown>;

const WARMUP_MS = 200;
const SLICES = 10;

export type Measured = { opsPerSec: number; pingPerSec: number };

export async function connectClients(uri: string, count: number): Promise<MongoClient[]> {
  return Promise.all(Array.from({ length: count }, () => MongoClient.connect(uri, { maxPoolSize: 1 })));
}

/** Alternates slices of `operation` and `ping` for `durationMs` in total; each client keeps one in flight. */
export async function measure(
  clients: MongoClient[],
  operation: Operation,
  ping: Operation,
  durationMs: number,
): Promise<Measured> {
  await runFor(clients, operation, WARMUP_MS);
  const slice = durationMs / (2 * SLICES);
  let ops = 0;
  let opsMs = 0;
  let pings = 0;
  let pingMs = 0;
  for (let i = 0; i < SLICES; i++) {
    let started = performance.now();
    ops += await runFor(clients, operation, slice);
    opsMs += performance.now() - started;
    started = performance.now();
    pings += await runFor(clients, ping, slice);
    pingMs += performance.now() - started;
  }
  return { opsPerSec: ops / (opsMs / 1000), pingPerSec: pings / (pingMs / 1000) };
}

async function runFor(clients: MongoClient[], operation: Operation, durationMs: number): Promise<number> {
  const deadline = performance.now() + durationMs;
  let done = 0;
  await Promise.all(
    clients.map(async (client, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        await operation(client, worker, i);
        done++;
      }
    }),
  );
  return done;
}
