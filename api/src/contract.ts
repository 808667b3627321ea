// The API contract for clients (the tab): every request and response shape, written once as TypeBox schemas.

export type { LiveChange } from './live/live-change.ts';
export type { AdminReport, AdminSettings, AdminSettingsPatch } from './schemas/admin.ts';
export type {
  CalendarCandidate,
  CalendarStatus,
  ConnectAnswer,
  ConnectBody,
  DemoEventEdit,
  EventOneOnOne,
  ImportAnswer,
  ImportBody,
  ImportResult,
} from './schemas/calendar.ts';
export type { ErrorBody, Person } from './schemas/common.ts';
export { limits } from './schemas/common.ts';
export type { DevInboxEntry, DevUser } from './schemas/dev.ts';
export type { CalendarConnection, Me, Preferences, PreferencesPatch, UserSummary } from './schemas/me.ts';
export type {
  Card,
  ChatOneOnOne,
  CreateOneOnOne,
  LinkBody,
  ListView,
  Meeting,
  Recurrence,
  Repeat,
  RetimePatch,
  SeriesDetail,
} from './schemas/one-on-ones.ts';
export type {
  ActionCreate,
  ActionPatch,
  Item,
  MoveBody,
  PrivateNotePut,
  SharedNotes,
  SharedNotesPut,
  SharedNotesResult,
  TopicCreate,
  TopicPatch,
  Workspace,
} from './schemas/workspace.ts';
