// The two servers the API benchmark compares: the real app (development sign-in, in-memory embedded MongoDB,
// rate limit out of the way) holding a realistic 1:1, and a bare Fastify answering the same JSON from memory.
// The database runs in its own process, as MongoDB does in production: sharing the app's event loop, it
// would be the database server's CPU that the app's figures measured.
import Fastify from 'fastify';
import { type App, buildApp } from '../../api/src/server.ts';
import { createUser } from '../../api/src/test-support/fixtures.ts';
import { testConfig } from '../../api/src/test-support/test-app.ts';
import { createMeeting } from '../../api/src/test-support/workspace-fixtures.ts';
import { startServerProcess } from '../embedded-mongo/server-process.ts';

/**
 * Meetings that the write workloads spread over, so no 1:1 grows to thousands of topics; enough for the
 * notes workload to lose 50 per slice (requests in flight when it ends) and still give each connection one.
 */
const WRITE_MEETINGS = 400;

export interface Fixture {
  readonly appUrl: string;
  readonly bareUrl: string;
  readonly headers: { authorization: string };
  /** The 1:1 that reads load: 20 items, 5 KB of shared notes. */
  readonly readMeetingId: string;
  readonly writeMeetingIds: readonly string[];
  /** The 5 KB of Markdown the notes workload edits one line of. */
  readonly notes: string;
  readonly close: () => Promise<void>;
}

/** About 5 KB of Markdown notes in 80 lines. */
export function fiveKilobytesOfNotes(): string {
  const lines = Array.from(
    { length: 80 },
    (_, i) => `- point ${i}: we talked about goals and feedback ${'.'.repeat(30)}`,
  );
  return `${lines.join('\n')}\n`.slice(0, 5 * 1024);
}

async function call(app: App, headers: object, method: 'POST' | 'PUT', url: string, payload: object) {
  const response = await app.inject({ method, url: `/api/v1${url}`, headers: { ...headers }, payload });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as unknown;
}

/** A week out: no reminder or roll-over job has anything to do for them while the benchmark runs. */
function nextWeek(app: App, index: number) {
  const start = new Date(app.clock.now().getTime() + 7 * 24 * 3_600_000 + index * 3_600_000);
  return { start, end: new Date(start.getTime() + 30 * 60_000) };
}

async function seed(app: App, notes: string) {
  const owner = await createUser(app, { name: 'Olivia Owner' });
  const other = await createUser(app, { name: 'Pat Partner' });
  const read = await createMeeting(app, owner, other, { title: 'Weekly 1:1', ...nextWeek(app, 0) });
  for (let i = 0; i < 10; i++) {
    await call(app, owner.headers, 'POST', `/meetings/${read.id}/topics`, {
      text: `Topic ${i}: career growth`,
    });
    await call(app, owner.headers, 'POST', `/meetings/${read.id}/action-items`, {
      text: `Action ${i}: send plan`,
    });
  }
  await call(app, owner.headers, 'PUT', `/meetings/${read.id}/shared-notes`, { text: notes, baseVersion: 0 });
  await call(app, owner.headers, 'PUT', `/meetings/${read.id}/private-note`, { text: 'Ask about the move.' });
  const writes = await Promise.all(
    Array.from({ length: WRITE_MEETINGS }, (_, i) =>
      createMeeting(app, owner, other, { sharedNotes: { text: notes, version: 0 }, ...nextWeek(app, i + 1) }),
    ),
  );
  return { owner, readMeetingId: read.id, writeMeetingIds: writes.map((meeting) => meeting.id) };
}

/** Canned answers for the bare server: what the app answered for the same requests. */
async function cannedAnswers(app: App, headers: object, readMeetingId: string, notes: string) {
  const workspace = await app.inject({
    method: 'GET',
    url: `/api/v1/meetings/${readMeetingId}`,
    headers: { ...headers },
  });
  const topic = { ...(workspace.json() as { topics: object[] }).topics[0] };
  return { workspace: workspace.json() as object, topic, notes: { text: notes, version: 1, merged: false } };
}

function bareServer(canned: Awaited<ReturnType<typeof cannedAnswers>>) {
  const bare = Fastify({ logger: false });
  bare.get('/api/v1/meetings/:id', async () => canned.workspace);
  bare.post('/api/v1/meetings/:id/topics', async (_request, reply) => reply.code(201).send(canned.topic));
  bare.put('/api/v1/meetings/:id/shared-notes', async () => canned.notes);
  return bare;
}

export async function startServers(): Promise<Fixture> {
  const mongo = await startServerProcess(['--in-memory']);
  const app = buildApp(testConfig(mongo.uri), {
    seedDemo: false,
    rateLimit: { max: 100_000_000, timeWindowMs: 60_000 },
  });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const notes = fiveKilobytesOfNotes();
  const { owner, readMeetingId, writeMeetingIds } = await seed(app, notes);
  const bare = bareServer(await cannedAnswers(app, owner.headers, readMeetingId, notes));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  return {
    appUrl,
    bareUrl,
    headers: owner.headers,
    readMeetingId,
    writeMeetingIds,
    notes,
    close: async () => {
      await bare.close();
      await app.close();
      await mongo.stop();
    },
  };
}
