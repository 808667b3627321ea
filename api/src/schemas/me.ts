// GET /me and PATCH /me/preferences, the user directory.
import { type Static, Type } from 'typebox';
import { Id } from './common.ts';

export const Preferences = Type.Object({
  reminderBeforeMeeting: Type.Boolean(),
  showPrivateNotes: Type.Boolean(),
});
export type Preferences = Static<typeof Preferences>;

export const PreferencesPatch = Type.Object(
  {
    reminderBeforeMeeting: Type.Optional(Type.Boolean()),
    showPrivateNotes: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PreferencesPatch = Static<typeof PreferencesPatch>;

export const CalendarConnection = Type.Object({
  provider: Type.Union([Type.Literal('microsoft'), Type.Literal('google')]),
  state: Type.Union([Type.Literal('connected'), Type.Literal('needs-consent'), Type.Literal('error')]),
});
export type CalendarConnection = Static<typeof CalendarConnection>;

export const Me = Type.Object({
  id: Id,
  displayName: Type.String(),
  email: Type.String(),
  timeZone: Type.String(),
  isAdmin: Type.Boolean(),
  tenant: Type.Object({ id: Type.String(), moduleName: Type.String(), enabled: Type.Boolean() }),
  preferences: Preferences,
  calendar: Type.Union([Type.Null(), CalendarConnection]),
});
export type Me = Static<typeof Me>;

export const UserSummary = Type.Object({
  id: Id,
  displayName: Type.String(),
  email: Type.String(),
});
export type UserSummary = Static<typeof UserSummary>;

export const UsersQuery = Type.Object(
  { query: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export type UsersQuery = Static<typeof UsersQuery>;
