// The calendar connection, the import candidates and the import answer (SPEC.md "Creating 1:1s", "Calendar").
import { type Static, Type } from 'typebox';
import { ErrorBody, Id, IsoDateTime } from './common.ts';
import { CalendarConnection } from './me.ts';
import { Card, Recurrence } from './one-on-ones.ts';

export const Provider = Type.Union([Type.Literal('microsoft'), Type.Literal('google')]);

export const ProviderParams = Type.Object({ provider: Provider }, { additionalProperties: false });
export type ProviderParams = Static<typeof ProviderParams>;

/** GET /calendar: my connection, or null; `state` "needs-consent" asks me to reconnect. */
export const CalendarStatus = Type.Object({
  connection: Type.Union([
    Type.Null(),
    Type.Intersect([
      CalendarConnection,
      Type.Object({
        lastSyncAt: Type.Union([Type.Null(), IsoDateTime]),
        twoWay: Type.Boolean(),
        message: Type.Union([Type.Null(), Type.String()]),
      }),
    ]),
  ]),
});
export type CalendarStatus = Static<typeof CalendarStatus>;

/**
 * POST /calendar/connect/:provider. Microsoft: no body needed (the caller's Teams SSO token is exchanged
 * on-behalf-of). Google: a first call without `code` answers `authorizeUrl` for the Teams authentication
 * pop-up; the pop-up's end page posts `{ code, state }` back.
 */
export const ConnectBody = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    state: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    /** The page the Google pop-up returns to (must be under PUBLIC_URL). */
    redirectUri: Type.Optional(Type.String({ format: 'uri', maxLength: 2048 })),
    /** Write access for "add to my calendar" (the two-way option). */
    twoWay: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ConnectBody = Static<typeof ConnectBody>;

export const ConnectAnswer = Type.Union([
  Type.Object({ status: Type.Literal('connected'), connection: CalendarConnection }),
  Type.Object({
    status: Type.Literal('consent-required'),
    authorizeUrl: Type.String(),
    state: Type.String(),
  }),
]);
export type ConnectAnswer = Static<typeof ConnectAnswer>;

/**
 * - importable: can be imported;
 * - imported: already a 1:1 (`existingId` is it);
 * - pair-has-series: the pair already has an active series (`existingId`): one series per pair;
 * - unknown-person: the other person has not used the app in my organization yet;
 * - recurrence-not-supported: repeats in a way SPEC.md does not offer (listed for one person only).
 */
export const CandidateStatus = Type.Union([
  Type.Literal('importable'),
  Type.Literal('imported'),
  Type.Literal('pair-has-series'),
  Type.Literal('unknown-person'),
  Type.Literal('recurrence-not-supported'),
]);

export const CalendarCandidate = Type.Object({
  /** The series master (recurring) or the event (single): what POST /calendar/import takes. */
  eventId: Type.String(),
  kind: Type.Union([Type.Literal('series'), Type.Literal('single')]),
  title: Type.String(),
  /** The next occurrence in the four weeks. */
  start: IsoDateTime,
  end: IsoDateTime,
  timeZone: Type.Union([Type.Null(), Type.String()]),
  recurrence: Type.Union([Type.Null(), Recurrence]),
  other: Type.Object({
    email: Type.String(),
    displayName: Type.String(),
    userId: Type.Union([Type.Null(), Id]),
  }),
  status: CandidateStatus,
  existingId: Type.Union([Type.Null(), Id]),
});
export type CalendarCandidate = Static<typeof CalendarCandidate>;

export const MeetingsWithQuery = Type.Object({ with: Id }, { additionalProperties: false });
export type MeetingsWithQuery = Static<typeof MeetingsWithQuery>;

export const ImportBody = Type.Object(
  { eventIds: Type.Array(Type.String({ minLength: 1, maxLength: 1024 }), { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export type ImportBody = Static<typeof ImportBody>;

export const ImportResult = Type.Union([
  Type.Object({ eventId: Type.String(), ok: Type.Literal(true), card: Card }),
  Type.Object({ eventId: Type.String(), ok: Type.Literal(false), error: ErrorBody.properties.error }),
]);
export type ImportResult = Static<typeof ImportResult>;

export const ImportAnswer = Type.Object({ results: Type.Array(ImportResult) });
export type ImportAnswer = Static<typeof ImportAnswer>;

/** The Outlook side panel's item: its event id (REST form) in the caller's calendar. */
export const EventParams = Type.Object(
  { eventId: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
export type EventParams = Static<typeof EventParams>;

/** What else Outlook tells about the item: its series master (REST form) and the iCalUId both calendars share. */
export const EventQuery = Type.Object(
  {
    seriesMasterId: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    iCalUId: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  },
  { additionalProperties: false },
);
export type EventQuery = Static<typeof EventQuery>;

/** The 1:1 a calendar event is: the series or single 1:1, the instance to open, and its card. */
export const EventOneOnOne = Type.Object({
  kind: Type.Union([Type.Literal('series'), Type.Literal('single')]),
  id: Id,
  meetingId: Type.Union([Type.Null(), Id]),
  card: Card,
});
export type EventOneOnOne = Static<typeof EventOneOnOne>;

/** Development mode: edit a demo event to watch sync (rename, move, delete, split, end). */
export const DemoEventEdit = Type.Object(
  {
    userId: Id,
    eventId: Type.String({ minLength: 1 }),
    action: Type.Union([
      Type.Literal('rename'),
      Type.Literal('move'),
      Type.Literal('delete'),
      Type.Literal('split'),
      Type.Literal('end'),
    ]),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    start: Type.Optional(IsoDateTime),
    end: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type DemoEventEdit = Static<typeof DemoEventEdit>;
