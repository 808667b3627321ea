// The store: one repository per collection on the official driver; the only folder that imports `mongodb`.
import type { Db } from 'mongodb';
import { createCalendarConnectionsStore } from './calendar-connections.ts';
import { createCalendarLinksStore } from './calendar-links.ts';
import { createChangesStore } from './changes.ts';
import { createDeliveriesStore } from './deliveries.ts';
import { createItemsStore } from './items.ts';
import { createMeetingsStore } from './meetings.ts';
import { createPrivateNotesStore } from './private-notes.ts';
import { createSeriesStore } from './series.ts';
import { createTenantsStore } from './tenants.ts';
import { createUsersStore } from './users.ts';

export function createStore(db: Db) {
  const store = {
    tenants: createTenantsStore(db),
    users: createUsersStore(db),
    series: createSeriesStore(db),
    meetings: createMeetingsStore(db),
    items: createItemsStore(db),
    privateNotes: createPrivateNotesStore(db),
    changes: createChangesStore(db),
    calendarConnections: createCalendarConnectionsStore(db),
    calendarLinks: createCalendarLinksStore(db),
    deliveries: createDeliveriesStore(db),
  };
  return {
    ...store,
    /** Creates every index the repositories rely on (idempotent; run at start). */
    async ensureIndexes(): Promise<void> {
      await store.users.ensureIndexes();
      await store.series.ensureIndexes();
      await store.meetings.ensureIndexes();
      await store.items.ensureIndexes();
      await store.privateNotes.ensureIndexes();
      await store.changes.ensureIndexes();
      await store.calendarConnections.ensureIndexes();
      await store.calendarLinks.ensureIndexes();
      await store.deliveries.ensureIndexes();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
