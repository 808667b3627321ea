// An in-memory BotDirectory for the bot's tests: conversation references by person, and a fixed list of 1:1s.
import type { BotDirectory, UpcomingOneOnOnes } from 'api/bot-directory';
import type { MeetingSummary, Recipient } from 'api/notify';

export interface FakeDirectory extends BotDirectory {
  readonly references: Map<string, Record<string, unknown>>;
  meetings: MeetingSummary[];
}

export function createFakeDirectory(people: readonly Recipient[]): FakeDirectory {
  const references = new Map<string, Record<string, unknown>>();
  const key = (tenantId: string, aadObjectId: string) => `${tenantId}/${aadObjectId}`;
  const directory: FakeDirectory = {
    references,
    meetings: [],
    async saveConversation(tenantId, aadObjectId, reference) {
      references.set(key(tenantId, aadObjectId), reference);
      return people.some((person) => person.aadObjectId === aadObjectId);
    },
    async removeConversation(tenantId, aadObjectId) {
      references.delete(key(tenantId, aadObjectId));
    },
    async conversationOf(recipient) {
      return references.get(key(recipient.tenantId, recipient.aadObjectId)) ?? null;
    },
    async upcomingFor(tenantId, aadObjectId, limit): Promise<UpcomingOneOnOnes | null> {
      const recipient = people.find(
        (person) => person.tenantId === tenantId && person.aadObjectId === aadObjectId,
      );
      if (!recipient) return null;
      return {
        moduleName: 'Team 1:1s',
        enabled: true,
        recipient,
        meetings: directory.meetings.slice(0, limit),
      };
    },
  };
  return directory;
}
