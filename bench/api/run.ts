// Benchmark of the API's hot routes under 50 connections (autocannon, in this process): requests/s and p50/p99
// latency of the workspace read and two writes, each beside a bare Fastify route answering the same JSON from
// memory in the same run. Goals (issue 4 "Quality"): reads ≥ 0.5 of the bare route, writes ≥ 0.25.
// BENCH_MS sets the load per server and route (default 8 s, in alternating slices).
import { compare, type Rate, type Workload } from './measure.ts';
import { type Fixture, startServers } from './servers.ts';

const DURATION_MS = Number(process.env.BENCH_MS ?? 8000);

interface Scenario {
  readonly name: string;
  readonly goal: number;
  readonly workload: (fixture: Fixture) => () => Workload;
}

/** Reads: every connection loads the same workspace (20 items, 5 KB of shared notes, my private note). */
const readWorkspace: Scenario = {
  name: 'GET /meetings/:id',
  goal: 0.5,
  workload: (fixture) => () => ({
    method: 'GET',
    next: () => ({ path: `/api/v1/meetings/${fixture.readMeetingId}` }),
  }),
};

/** Appends a topic, round robin over the write meetings. */
const addTopic: Scenario = {
  name: 'POST /meetings/:id/topics',
  goal: 0.25,
  workload: (fixture) => () => {
    let count = 0;
    return {
      method: 'POST',
      next: () => {
        count += 1;
        const id = fixture.writeMeetingIds[count % fixture.writeMeetingIds.length];
        return { path: `/api/v1/meetings/${id}/topics`, body: JSON.stringify({ text: `Topic ${count}` }) };
      },
    };
  },
};

/**
 * Saves the shared notes with one line changed, like an editor's autosave: each meeting has one editor at a
 * time (taken from a pool while its request is in flight) who sends the version of its last answer. A
 * request still in flight when a slice ends never hears its answer: its meeting leaves the pool for good.
 */
const saveNotes: Scenario = {
  name: 'PUT /meetings/:id/shared-notes',
  goal: 0.25,
  workload: (fixture) => () => {
    const lines = fixture.notes.split('\n');
    const free = fixture.writeMeetingIds.map((id) => ({ id, version: 0 }));
    let count = 0;
    return {
      method: 'PUT',
      next: () => {
        count += 1;
        const slot = free.shift() ?? { id: fixture.writeMeetingIds[0] ?? '', version: 0 };
        const edited = lines.map((line, i) => (i === count % lines.length ? `- edited ${count}` : line));
        return {
          path: `/api/v1/meetings/${slot.id}/shared-notes`,
          body: JSON.stringify({ text: edited.join('\n'), baseVersion: slot.version }),
          onAnswer: (status, body) => {
            if (status === 200) slot.version = (JSON.parse(body) as { version: number }).version;
            free.push(slot);
          },
        };
      },
    };
  },
};

const SCENARIOS: readonly Scenario[] = [readWorkspace, addTopic, saveNotes];

const round = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => value.toFixed(1);

function printTable(rows: { scenario: Scenario; app: Rate; bare: Rate }[]): void {
  const header = [
    'route',
    'req/s',
    'p50 ms',
    'p99 ms',
    'bare req/s',
    'bare p50',
    'bare p99',
    'ratio',
    'goal',
    'CPU µs/req',
    'bare CPU',
    'CPU ratio',
    'errors',
  ];
  const lines = rows.map(({ scenario, app, bare }) => {
    const ratio = app.perSec / bare.perSec;
    return [
      scenario.name,
      round(app.perSec),
      ms(app.p50Ms),
      ms(app.p99Ms),
      round(bare.perSec),
      ms(bare.p50Ms),
      ms(bare.p99Ms),
      ratio.toFixed(2),
      `≥ ${scenario.goal} ${ratio >= scenario.goal ? 'met' : 'MISSED'}`,
      round(app.cpuMicros),
      round(bare.cpuMicros),
      (bare.cpuMicros / app.cpuMicros).toFixed(2),
      String(app.failed + bare.failed),
    ];
  });
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

const fixture = await startServers();
try {
  const rows = [];
  for (const scenario of SCENARIOS) {
    const rates = await compare(
      { app: fixture.appUrl, bare: fixture.bareUrl },
      fixture.headers,
      scenario.workload(fixture),
      DURATION_MS,
    );
    console.error(`${scenario.name}: done`);
    rows.push({ scenario, ...rates });
  }
  console.log(`50 connections, ${DURATION_MS / 1000} s per server and route, Node ${process.version}`);
  printTable(rows);
} finally {
  await fixture.close();
}
// autocannon can leave client sockets half-closed until a server-side timeout: do not wait minutes for them.
process.exit(0);
