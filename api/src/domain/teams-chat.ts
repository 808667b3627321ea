// Teams chat ids: a one-on-one chat's id names its two members, so the chat tab can find the pair's 1:1.

/** Graph's canonical one-on-one chat id: `19:<Entra object id>_<Entra object id>@unq.gbl.spaces`. */
const ONE_ON_ONE_CHAT = /^19:([^_@]+)_([^_@]+)@unq\.gbl\.spaces$/;

export type ChatMembers = readonly [string, string];

/** The two members' Entra object ids, or null for any other chat (group chats, meeting chats, self-chat). */
export function oneOnOneChatMembers(chatId: string): ChatMembers | null {
  const match = ONE_ON_ONE_CHAT.exec(chatId.trim());
  const [, a, b] = match ?? [];
  if (!a || !b || a === b) return null;
  return [a, b];
}

/** The member who is not `aadObjectId`, or null when `aadObjectId` is not one of the two. */
export function otherChatMember(members: ChatMembers, aadObjectId: string): string | null {
  const [a, b] = members;
  if (a === aadObjectId) return b;
  if (b === aadObjectId) return a;
  return null;
}
