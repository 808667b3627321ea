// The workspace of one 1:1: items, shared notes, private note.
import { type Static, Type } from 'typebox';
import { Id, IsoDate, limits, Person } from './common.ts';
import { Meeting } from './one-on-ones.ts';

export const ItemKind = Type.Union([Type.Literal('topic'), Type.Literal('action')]);

export const Item = Type.Object({
  id: Id,
  kind: ItemKind,
  text: Type.String(),
  url: Type.Union([Type.Null(), Type.String()]),
  authorId: Id,
  completed: Type.Boolean(),
  movedTo: Type.Union([Type.Null(), Id]),
  movedFrom: Type.Union([Type.Null(), Id]),
  assigneeId: Type.Optional(Type.Union([Type.Null(), Id])),
  due: Type.Optional(Type.Union([Type.Null(), IsoDate])),
});
export type Item = Static<typeof Item>;

export const SharedNotes = Type.Object({ text: Type.String(), version: Type.Integer({ minimum: 0 }) });
export type SharedNotes = Static<typeof SharedNotes>;

export const PrivateNote = Type.Object({ text: Type.String() });
export type PrivateNote = Static<typeof PrivateNote>;

export const Workspace = Type.Intersect([
  Meeting,
  Type.Object({
    ownerId: Id,
    participants: Type.Array(Person),
    archived: Type.Boolean(),
    topics: Type.Array(Item),
    actionItems: Type.Array(Item),
    sharedNotes: SharedNotes,
    privateNote: Type.Union([Type.Null(), PrivateNote]),
  }),
]);
export type Workspace = Static<typeof Workspace>;

const ItemText = Type.String({ minLength: 1, maxLength: limits.itemText });

export const TopicCreate = Type.Object({ text: ItemText }, { additionalProperties: false });
export type TopicCreate = Static<typeof TopicCreate>;

export const TopicPatch = Type.Object(
  { text: Type.Optional(ItemText), completed: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type TopicPatch = Static<typeof TopicPatch>;

export const ActionCreate = Type.Object(
  {
    text: ItemText,
    assigneeId: Type.Optional(Type.Union([Type.Null(), Id])),
    due: Type.Optional(Type.Union([Type.Null(), IsoDate])),
  },
  { additionalProperties: false },
);
export type ActionCreate = Static<typeof ActionCreate>;

export const ActionPatch = Type.Object(
  {
    text: Type.Optional(ItemText),
    completed: Type.Optional(Type.Boolean()),
    assigneeId: Type.Optional(Type.Union([Type.Null(), Id])),
    due: Type.Optional(Type.Union([Type.Null(), IsoDate])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActionPatch = Static<typeof ActionPatch>;

/** `{ direction: up|down }` or `{ after: id|null }` (null = to the top). */
export const MoveBody = Type.Union([
  Type.Object(
    { direction: Type.Union([Type.Literal('up'), Type.Literal('down')]) },
    { additionalProperties: false },
  ),
  Type.Object({ after: Type.Union([Type.Null(), Id]) }, { additionalProperties: false }),
]);
export type MoveBody = Static<typeof MoveBody>;

export const SharedNotesPut = Type.Object(
  { text: Type.String({ maxLength: limits.notes }), baseVersion: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type SharedNotesPut = Static<typeof SharedNotesPut>;

/** The merged result; `merged` says whether another participant's edit was folded in. */
export const SharedNotesResult = Type.Object({
  text: Type.String(),
  version: Type.Integer({ minimum: 0 }),
  merged: Type.Boolean(),
});
export type SharedNotesResult = Static<typeof SharedNotesResult>;

export const PrivateNotePut = Type.Object(
  { text: Type.String({ maxLength: limits.notes }) },
  { additionalProperties: false },
);
export type PrivateNotePut = Static<typeof PrivateNotePut>;

export { Person };
