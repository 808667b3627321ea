// Seeds development mode on first start: the demo tenant, its people and a few 1:1s with agendas
// (idempotent: the people are upserted on every start, the 1:1s only into an empty tenant).
import { DateTime } from 'luxon';
import { newItem } from '../domain/item-changes.ts';
import type { ItemKind, Meeting } from '../domain/types.ts';
import type { Store } from '../store/store.ts';
import type { User } from '../store/users.ts';
import { createOneOnOne } from '../workflows/create-one-on-one.ts';
import { DEMO_TENANT_ID, DEMO_USERS } from './demo-users.ts';

export async function seedDemoTenant(store: Store, now: Date): Promise<void> {
  await store.tenants.ensure(DEMO_TENANT_ID, now);
  const people: User[] = [];
  for (const user of DEMO_USERS) {
    people.push(
      await store.users.upsertFromIdentity(
        {
          id: user.id,
          tenantId: DEMO_TENANT_ID,
          aadObjectId: user.aadObjectId,
          displayName: user.displayName,
          email: user.email,
          isAdmin: user.isAdmin,
          timeZone: user.timeZone,
        },
        now,
      ),
    );
  }
  const [adele, megan, alex, lynne] = people;
  if (!adele || !megan || !alex || !lynne) return;
  if ((await store.series.listForUser(DEMO_TENANT_ID, adele.id)).length > 0) return;
  await seedOneOnOnes(store, { adele, megan, alex, lynne }, now);
}

async function seedOneOnOnes(store: Store, p: Record<'adele' | 'megan' | 'alex' | 'lynne', User>, now: Date) {
  // A weekly series that started two weeks ago (so it has a past 1:1), at 10:00 in Adele's zone.
  const weekly = await createOneOnOne(
    store,
    p.adele,
    {
      participantId: p.megan.id,
      title: 'Adele / Megan weekly',
      ...slot(now, p.adele.timeZone, -14, 10),
      repeat: 'weekly',
    },
    now,
  );
  const biweekly = await createOneOnOne(
    store,
    p.adele,
    {
      participantId: p.alex.id,
      title: 'Growth check-in',
      ...slot(now, p.adele.timeZone, 2, 15),
      repeat: 'biweekly',
    },
    now,
  );
  await createOneOnOne(
    store,
    p.megan,
    { participantId: p.lynne.id, title: 'Onboarding catch-up', ...slot(now, p.megan.timeZone, 1, 11) },
    now,
  );

  const weeklyMeetings =
    weekly.kind === 'series' ? await store.meetings.listBySeries(DEMO_TENANT_ID, weekly.series.id) : [];
  const next = weeklyMeetings.find((meeting) => meeting.end > now);
  const last = weeklyMeetings.filter((meeting) => meeting.end <= now).at(-1);
  if (next) {
    await addItems(store, next, p.adele.id, 'topic', [
      'Q3 goals: where are we?',
      'Feedback on the design review',
    ]);
    await addItems(store, next, p.megan.id, 'topic', ['https://contoso.sharepoint.com/sites/team/roadmap']);
    await addItems(store, next, p.megan.id, 'action', ['Share the hiring plan draft']);
  }
  if (last) await addItems(store, last, p.adele.id, 'action', ['Book the conference trip']);
  if (biweekly.kind === 'series') {
    const [first] = await store.meetings.listBySeries(DEMO_TENANT_ID, biweekly.series.id);
    if (first) await addItems(store, first, p.alex.id, 'topic', ['Mentoring: next steps']);
  }
}

/** Start and end (30 minutes) `days` from today at `hour` o'clock in a zone, as the API would receive them. */
function slot(now: Date, zone: string, days: number, hour: number) {
  const start = DateTime.fromJSDate(now, { zone })
    .plus({ days })
    .set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { start: start.toUTC().toISO() ?? '', end: start.plus({ minutes: 30 }).toUTC().toISO() ?? '' };
}

async function addItems(store: Store, meeting: Meeting, authorId: string, kind: ItemKind, texts: string[]) {
  for (const text of texts) {
    const siblings = await store.items.listForMeeting(meeting.tenantId, meeting.id, kind);
    const item = newItem({ meeting, authorId, kind, text, siblingKeys: siblings.map((s) => s.orderKey) });
    await store.items.insert(item, meeting.participantIds, meeting.start);
  }
}
