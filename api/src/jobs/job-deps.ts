// What every job body receives besides `now`: the repositories, the notifier and a logger (no Fastify, no Agenda).
import type { FastifyBaseLogger } from 'fastify';
import type { Notifier } from '../notify/notifier.ts';
import type { Store } from '../store/store.ts';
import type { CalendarContext } from '../workflows/calendar-context.ts';

export interface JobDeps {
  readonly store: Store;
  readonly log: FastifyBaseLogger;
  /** Where cards go: the bot (Teams), or the development inbox. */
  readonly notifier: Notifier;
  /** Calendar access for the calendar sweep (absent where no job needs it, e.g. unit tests of other jobs). */
  readonly calendar?: CalendarContext;
}

/** A job body: a plain function of its dependencies and the instant it runs at, called by Agenda and tests. */
export type Job = (deps: JobDeps, now: Date) => Promise<void>;
