// Roll-over benchmark: 10,000 due series meetings with 5 open items each, rolled over by the sweep of
// api/src/workflows/roll-over-meetings.ts; figures: meetings/s, and the ratio to one bulkWrite of the same item
// writes (insert the copies, mark the sources) on an identical copy of the data in the same run: the store's
// ceiling for this work. Goal: ratio ≥ 0.5.
import { type Db, ObjectId } from 'mongodb';
import { ROLL_OVER_DELAY_MS } from '../../api/src/domain/rollover.ts';
import { createStore } from '../../api/src/store/store.ts';
import { rollOverDueMeetings } from '../../api/src/workflows/roll-over-meetings.ts';
import { openBenchDatabase } from '../bench-database.ts';

const MEETINGS = Number(process.env.BENCH_ROLLOVER_MEETINGS ?? 10_000);
/** The sweep's batch size (default: the workflow's own). */
const BATCH = process.env.BENCH_ROLLOVER_BATCH ? Number(process.env.BENCH_ROLLOVER_BATCH) : null;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ITEMS_PER_MEETING = 5;
const TENANT = 'bench-tenant';
const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;

interface Seeded {
  readonly itemIds: ObjectId[];
  readonly targetOf: Map<string, ObjectId>;
}

/** Each series: one 1:1 that ended four hours ago with 5 open items, and the next one next week. */
async function seed(db: Db): Promise<Seeded> {
  const store = createStore(db);
  await store.ensureIndexes();
  const series = [];
  const meetings = [];
  const items = [];
  const itemIds: ObjectId[] = [];
  const targetOf = new Map<string, ObjectId>();
  const pastEnd = new Date(NOW.getTime() - ROLL_OVER_DELAY_MS - HOUR);
  for (let i = 0; i < MEETINGS; i += 1) {
    const seriesId = new ObjectId();
    const people = [new ObjectId(), new ObjectId()] as [ObjectId, ObjectId];
    const base = {
      tenantId: TENANT,
      seriesId,
      ownerId: people[0],
      participantIds: people,
      title: `Series ${i}`,
    };
    const meeting = (start: Date) => ({
      _id: new ObjectId(),
      ...base,
      start,
      end: new Date(start.getTime() + HOUR / 2),
      occurrenceStart: start,
      status: 'scheduled' as const,
      deleted: false,
      archived: false,
      rolledOverAt: null,
      sharedNotes: { text: '', version: 0 },
      createdAt: NOW,
    });
    const due = meeting(new Date(pastEnd.getTime() - HOUR / 2));
    const next = meeting(new Date(due.start.getTime() + 7 * 24 * HOUR));
    series.push({
      _id: seriesId,
      tenantId: TENANT,
      ownerId: people[0],
      participantIds: people,
      pairKey: `${people[0]}:${people[1]}`,
      title: base.title,
      recurrence: { frequency: 'weekly', interval: 1, until: null },
      start: due.start,
      end: due.end,
      timeZone: 'Europe/Berlin',
      connection: 'none',
      archived: false,
      createdAt: NOW,
    });
    meetings.push(due, next);
    for (let k = 0; k < ITEMS_PER_MEETING; k += 1) {
      const _id = new ObjectId();
      itemIds.push(_id);
      targetOf.set(_id.toHexString(), next._id);
      items.push({
        _id,
        tenantId: TENANT,
        meetingId: due._id,
        participantIds: people,
        kind: k % 2 === 0 ? 'topic' : 'action',
        text: `Item ${k} of series ${i}`,
        url: null,
        authorId: people[k % 2],
        orderKey: `a${k}`,
        completed: false,
        completedAt: null,
        movedTo: null,
        movedFrom: null,
        movedFromItemId: null,
        assigneeId: null,
        due: null,
        createdAt: NOW,
      });
    }
  }
  for (let i = 0; i < series.length; i += 5_000)
    await db.collection('series').insertMany(series.slice(i, i + 5_000));
  for (let i = 0; i < meetings.length; i += 5_000)
    await db.collection('meetings').insertMany(meetings.slice(i, i + 5_000));
  for (let i = 0; i < items.length; i += 5_000)
    await db.collection('items').insertMany(items.slice(i, i + 5_000));
  return { itemIds, targetOf };
}

/** The same item writes as one unordered bulkWrite, nothing else (no reads, no planning): the ceiling. */
async function ceilingMs(db: Db, seeded: Seeded): Promise<number> {
  const sources = await db
    .collection('items')
    .find({ _id: { $in: seeded.itemIds } })
    .toArray();
  const operations = sources.flatMap((source) => {
    const target = seeded.targetOf.get(source._id.toHexString()) as ObjectId;
    const copy = {
      ...source,
      _id: new ObjectId(),
      meetingId: target,
      movedFrom: source.meetingId,
      movedFromItemId: source._id,
    };
    return [
      { insertOne: { document: copy } },
      { updateOne: { filter: { _id: source._id, movedTo: null }, update: { $set: { movedTo: target } } } },
    ];
  });
  const started = performance.now();
  await db.collection('items').bulkWrite(operations, { ordered: false });
  return performance.now() - started;
}

async function sweepMs(db: Db): Promise<number> {
  const started = performance.now();
  const result = await rollOverDueMeetings(createStore(db), NOW, {
    owner: 'bench',
    ...(BATCH ? { batchSize: BATCH } : {}),
  });
  const elapsed = performance.now() - started;
  const moved = await db.collection('items').countDocuments({ movedFromItemId: { $ne: null } });
  if (result.rolledOver !== MEETINGS || moved !== MEETINGS * ITEMS_PER_MEETING)
    throw new Error(`roll-over incomplete: ${JSON.stringify(result)}, ${moved} copies`);
  return elapsed;
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  try {
    console.log(
      `Roll-over benchmark on ${database.label}: ${MEETINGS} due meetings × ${ITEMS_PER_MEETING} open items, ${ROUNDS} rounds`,
    );
    // Both databases live side by side during a round, so the two measures see the same server state.
    const sweeps: number[] = [];
    const ceilings: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const sweepDb = await database.fresh('bench-rollover-sweep');
      const ceilingDb = await database.fresh('bench-rollover-ceiling');
      await seed(sweepDb);
      const seeded = await seed(ceilingDb);
      ceilings.push(await ceilingMs(ceilingDb, seeded));
      sweeps.push(await sweepMs(sweepDb));
    }
    const sweep = median(sweeps);
    const ceiling = median(ceilings);
    const figures = {
      meetings: MEETINGS,
      itemsMoved: MEETINGS * ITEMS_PER_MEETING,
      sweepSeconds: +(sweep / 1000).toFixed(2),
      meetingsPerSecond: Math.round(MEETINGS / (sweep / 1000)),
      ceilingBulkWriteSeconds: +(ceiling / 1000).toFixed(2),
      ratioToCeiling: +(ceiling / sweep).toFixed(2),
      goal: 'ratioToCeiling ≥ 0.5',
    };
    console.table([figures]);
    console.log(JSON.stringify({ bench: 'rollover', ...figures, rounds: { sweeps, ceilings } }));
  } finally {
    await database.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

await main();
