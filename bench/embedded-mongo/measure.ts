// Runs an operation in a closed loop on N clients and reports operations per second, interleaved
// with `ping` slices so that both rates see the same machine load, plus server CPU per operation.
import { MongoClient } from 'mongodb';

export type Operation = (client: MongoClient, worker: number, i: number) => Promise<unknown>;

const WARMUP_MS = 200;
const SLICES = 10;

export type Measured = {
  opsPerSec: number;
  pingPerSec: number;
  /** Server CPU per operation and per ping: unlike the rates, not skewed by other load on the machine. */
  serverMicrosPerOp: number;
  serverMicrosPerPing: number;
  /** The benchmark process's own CPU (the driver) per operation and per ping. */
  clientMicrosPerOp: number;
  clientMicrosPerPing: number;
};

export async function connectClients(uri: string, count: number): Promise<MongoClient[]> {
  return Promise.all(Array.from({ length: count }, () => MongoClient.connect(uri, { maxPoolSize: 1 })));
}

type Totals = { count: number; ms: number; cpu: number; clientCpu: number };

/** Alternates slices of `operation` and `ping` for `durationMs` in total; each client keeps one in flight. */
export async function measure(
  clients: MongoClient[],
  operation: Operation,
  ping: Operation,
  durationMs: number,
  serverCpu: () => number,
): Promise<Measured> {
  await runFor(clients, operation, WARMUP_MS);
  const slice = durationMs / (2 * SLICES);
  const op: Totals = { count: 0, ms: 0, cpu: 0, clientCpu: 0 };
  const pong: Totals = { count: 0, ms: 0, cpu: 0, clientCpu: 0 };
  const timed = async (run: Operation, totals: Totals): Promise<void> => {
    const started = performance.now();
    const cpuBefore = serverCpu();
    const clientBefore = process.cpuUsage();
    totals.count += await runFor(clients, run, slice);
    const client = process.cpuUsage(clientBefore);
    totals.clientCpu += client.user + client.system;
    totals.cpu += serverCpu() - cpuBefore;
    totals.ms += performance.now() - started;
  };
  for (let i = 0; i < SLICES; i++) {
    await timed(operation, op);
    await timed(ping, pong);
  }
  return {
    opsPerSec: op.count / (op.ms / 1000),
    pingPerSec: pong.count / (pong.ms / 1000),
    serverMicrosPerOp: op.cpu / op.count,
    serverMicrosPerPing: pong.cpu / pong.count,
    clientMicrosPerOp: op.clientCpu / op.count,
    clientMicrosPerPing: pong.clientCpu / pong.count,
  };
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
