// Runs autocannon in this process against two servers in alternating slices (the app, then a bare Fastify
// route answering the same JSON), so that both see the same machine load; latencies are kept per request.
import autocannon from 'autocannon';

const CONNECTIONS = 50;
const SLICES = 4;

/** One kind of request: `next()` builds each request, `onAnswer` learns from its answer (e.g. a new version). */
export interface Workload {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly next: () => { path: string; body?: string; onAnswer?: (status: number, body: string) => void };
}

export interface Rate {
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers other than 2xx (none expected). */
  readonly failed: number;
  /**
   * This process's CPU per answered request (server and autocannon client alike): less sensitive than the
   * rate to other load on the machine. The database's own process is not counted.
   */
  readonly cpuMicros: number;
}

interface Tally {
  latencies: number[];
  ms: number;
  failed: number;
  cpuMicros: number;
}

const emptyTally = (): Tally => ({ latencies: [], ms: 0, failed: 0, cpuMicros: 0 });

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function rateOf(tally: Tally): Rate {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  return {
    perSec: tally.latencies.length / (tally.ms / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    failed: tally.failed,
    cpuMicros: tally.cpuMicros / tally.latencies.length,
  };
}

type AnswerContext = { onAnswer?: (status: number, body: string) => void };

/** autocannon keeps a context per connection for one request's round trip: the answer finds its callback. */
function requestsOf(workload: Workload): autocannon.Request[] {
  return [
    {
      method: workload.method,
      setupRequest: (request, context) => {
        const { path, body, onAnswer } = workload.next();
        (context as AnswerContext).onAnswer = onAnswer;
        return body === undefined ? { ...request, path } : { ...request, path, body };
      },
      onResponse: (status, body, context) => (context as AnswerContext).onAnswer?.(status, body),
    },
  ];
}

async function slice(
  baseUrl: string,
  headers: Record<string, string>,
  workload: Workload,
  ms: number,
  tally: Tally,
) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await new Promise<void>((resolve, reject) => {
    const options = {
      url: baseUrl,
      connections: CONNECTIONS,
      duration: ms / 1000,
      headers: { ...headers, 'content-type': 'application/json' },
      requests: requestsOf(workload),
    };
    const instance = autocannon(options, (error) => (error ? reject(error) : resolve()));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) tally.latencies.push(responseTime);
      else tally.failed += 1;
    });
  });
  tally.ms += performance.now() - started;
  const used = process.cpuUsage(cpu);
  tally.cpuMicros += used.user + used.system;
}

/**
 * `durationMs` of load in all for each server, in alternating slices after a short warm-up of both. Each
 * server gets its own workload (`makeWorkload()`), so state learnt from answers (versions) stays its own.
 */
export async function compare(
  servers: { app: string; bare: string },
  headers: Record<string, string>,
  makeWorkload: () => Workload,
  durationMs: number,
): Promise<{ app: Rate; bare: Rate }> {
  const workloads = { app: makeWorkload(), bare: makeWorkload() };
  const warm = emptyTally();
  await slice(servers.app, headers, workloads.app, 1000, warm);
  await slice(servers.bare, headers, workloads.bare, 500, warm);
  const app = emptyTally();
  const bare = emptyTally();
  for (let i = 0; i < SLICES; i++) {
    await slice(servers.bare, headers, workloads.bare, durationMs / SLICES, bare);
    await slice(servers.app, headers, workloads.app, durationMs / SLICES, app);
  }
  return { app: rateOf(app), bare: rateOf(bare) };
}
