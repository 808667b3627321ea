// Development mode (AUTH_MODE=dev only): demo users, inbox, clock, jobs on demand.
import { type Static, Type } from 'typebox';
import { Id, IsoDateTime } from './common.ts';

export const DevUser = Type.Object({
  id: Id,
  displayName: Type.String(),
  email: Type.String(),
  isAdmin: Type.Boolean(),
});
export type DevUser = Static<typeof DevUser>;

export const DevClockBody = Type.Object(
  { now: Type.Union([Type.Null(), IsoDateTime]) },
  { additionalProperties: false },
);
export type DevClockBody = Static<typeof DevClockBody>;

export const DevClock = Type.Object({ now: IsoDateTime, frozen: Type.Boolean() });
export type DevClock = Static<typeof DevClock>;

export const DevInboxQuery = Type.Object({ userId: Id }, { additionalProperties: false });

export const DevInboxEntry = Type.Object({
  kind: Type.Union([Type.Literal('created'), Type.Literal('reminder'), Type.Literal('summary')]),
  meetingId: Type.Optional(Id),
  sentAt: IsoDateTime,
  card: Type.Record(Type.String(), Type.Unknown()),
});
export type DevInboxEntry = Static<typeof DevInboxEntry>;

export const JobName = Type.Union([
  Type.Literal('rollover'),
  Type.Literal('reminders'),
  Type.Literal('weekly-summary'),
  Type.Literal('calendar-sync'),
  Type.Literal('materialise'),
]);
export type JobName = Static<typeof JobName>;
