// What the bot needs from the app's data, as a port: conversation references by person, and a person's next 1:1s
// (the "my 1:1s" command). The bot lives outside the api and never sees the store itself.
import type { Store } from '../store/store.ts';
import type { User } from '../store/users.ts';
import type { MeetingSummary, Recipient } from './notifier.ts';

export interface UpcomingOneOnOnes {
  readonly moduleName: string;
  /** An admin disabled the module: the bot says so and shows nothing. */
  readonly enabled: boolean;
  readonly recipient: Recipient;
  readonly meetings: readonly MeetingSummary[];
}

export interface BotDirectory {
  /** The app was installed for this person (or they wrote to the bot): remember the conversation. */
  saveConversation(
    tenantId: string,
    aadObjectId: string,
    reference: Record<string, unknown>,
  ): Promise<boolean>;
  /** The app was uninstalled: forget it. */
  removeConversation(tenantId: string, aadObjectId: string): Promise<void>;
  conversationOf(recipient: Recipient): Promise<Record<string, unknown> | null>;
  /** A person's next held 1:1s, soonest first; null for someone who never used the app. */
  upcomingFor(tenantId: string, aadObjectId: string, limit: number): Promise<UpcomingOneOnOnes | null>;
}

export function recipientOf(user: User): Recipient {
  return {
    id: user.id,
    tenantId: user.tenantId,
    aadObjectId: user.aadObjectId,
    displayName: user.displayName,
    timeZone: user.timeZone,
  };
}

/** `now` is the app clock, so development mode's moved clock applies to the bot's answers too. */
export function createBotDirectory(store: Store, now: () => Date): BotDirectory {
  return {
    saveConversation: (tenantId, aadObjectId, reference) =>
      store.users.saveConversationReference(tenantId, aadObjectId, reference, now()),
    removeConversation: (tenantId, aadObjectId) =>
      store.users.removeConversationReference(tenantId, aadObjectId),
    conversationOf: (recipient) => store.users.conversationReferenceOf(recipient.tenantId, recipient.id),
    async upcomingFor(tenantId, aadObjectId, limit) {
      const [user, tenant] = await Promise.all([
        store.users.findByAadObjectId(tenantId, aadObjectId),
        store.tenants.get(tenantId),
      ]);
      if (!user || !tenant) return null;
      const meetings = tenant.enabled
        ? await store.meetings.listUpcomingForUser(tenantId, user.id, now(), limit)
        : [];
      const others = await store.users.findMany(
        tenantId,
        meetings.flatMap((meeting) => meeting.participantIds.filter((id) => id !== user.id)),
      );
      const names = new Map(others.map((other) => [other.id, other.displayName]));
      return {
        moduleName: tenant.moduleName,
        enabled: tenant.enabled,
        recipient: recipientOf(user),
        meetings: meetings.map((meeting) => ({
          id: meeting.id,
          title: meeting.title,
          start: meeting.start.toISOString(),
          end: meeting.end.toISOString(),
          withName: names.get(meeting.participantIds.find((id) => id !== user.id) ?? '') ?? 'Unknown person',
        })),
      };
    },
  };
}
