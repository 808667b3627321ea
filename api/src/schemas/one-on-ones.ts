// The list cards, series and meeting shapes of SPEC.md "Shapes that clients rely on".
import { type Static, Type } from 'typebox';
import { Id, IsoDate, IsoDateTime, limits, Person } from './common.ts';
import { UserSummary } from './me.ts';

export const MeetingStatus = Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]);

export const Meeting = Type.Object({
  id: Id,
  seriesId: Type.Union([Type.Null(), Id]),
  title: Type.String(),
  start: IsoDateTime,
  end: IsoDateTime,
  status: MeetingStatus,
});
export type Meeting = Static<typeof Meeting>;

export const Recurrence = Type.Object({
  frequency: Type.Union([Type.Literal('weekly'), Type.Literal('monthly')]),
  interval: Type.Integer({ minimum: 1, maximum: 3 }),
  until: Type.Optional(Type.Union([Type.Null(), IsoDate])),
});
export type Recurrence = Static<typeof Recurrence>;

export const Connection = Type.Union([
  Type.Literal('none'),
  Type.Literal('connected'),
  Type.Literal('disconnected'),
]);

export const Card = Type.Object({
  kind: Type.Union([Type.Literal('series'), Type.Literal('single')]),
  id: Id,
  title: Type.String(),
  ownerId: Id,
  participants: Type.Array(Person),
  recurrence: Type.Union([Type.Null(), Recurrence]),
  nextMeeting: Type.Union([Type.Null(), Meeting]),
  lastMeeting: Type.Union([Type.Null(), Meeting]),
  connection: Connection,
  archived: Type.Boolean(),
});
export type Card = Static<typeof Card>;

export const SeriesDetail = Type.Intersect([Card, Type.Object({ meetings: Type.Array(Meeting) })]);
export type SeriesDetail = Static<typeof SeriesDetail>;

export const ListView = Type.Union([
  Type.Literal('upcoming'),
  Type.Literal('past'),
  Type.Literal('archived'),
]);
export type ListView = Static<typeof ListView>;

export const ListQuery = Type.Object({ view: Type.Optional(ListView) }, { additionalProperties: false });
export type ListQuery = Static<typeof ListQuery>;

export const Repeat = Type.Union([
  Type.Literal('none'),
  Type.Literal('weekly'),
  Type.Literal('biweekly'),
  Type.Literal('triweekly'),
  Type.Literal('monthly'),
]);
export type Repeat = Static<typeof Repeat>;

export const Title = Type.String({ minLength: 1, maxLength: limits.title });

export const CreateOneOnOne = Type.Object(
  {
    participantId: Id,
    title: Title,
    start: IsoDateTime,
    end: IsoDateTime,
    repeat: Type.Optional(Repeat),
    until: Type.Optional(IsoDate),
    addToCalendar: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateOneOnOne = Static<typeof CreateOneOnOne>;

/** Rename or retime; for a series, the time applies to its future instances. */
export const RetimePatch = Type.Object(
  {
    title: Type.Optional(Title),
    start: Type.Optional(IsoDateTime),
    end: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RetimePatch = Static<typeof RetimePatch>;

export const LinkBody = Type.Object(
  { eventId: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
export type LinkBody = Static<typeof LinkBody>;

/** The Teams chat tab's question: the chat it is in, by its Teams chat id. */
export const ChatQuery = Type.Object(
  { chatId: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);
export type ChatQuery = Static<typeof ChatQuery>;

/**
 * The other member of a one-on-one chat (null until they have signed in once; as the people picker shows
 * them, so "Create new 1:1" opens with them picked) and the pair's active series (null when there is none).
 */
export const ChatOneOnOne = Type.Object({
  other: Type.Union([Type.Null(), UserSummary]),
  card: Type.Union([Type.Null(), Card]),
});
export type ChatOneOnOne = Static<typeof ChatOneOnOne>;
