// Notifications that could not be delivered (SPEC.md "Notifications": shown in the tab, never silently dropped).
import { type Static, Type } from 'typebox';
import { Person } from './common.ts';

export const NotificationProblem = Type.Object({
  kind: Type.Union([Type.Literal('created'), Type.Literal('reminder'), Type.Literal('summary')]),
  recipient: Person,
  reason: Type.String({ description: 'why the card could not be delivered, in words for the user' }),
});
export type NotificationProblem = Static<typeof NotificationProblem>;
