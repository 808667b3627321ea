// Teams chat ids for tests: the one-on-one chat of two people, as Teams names it.

/** `19:<oid>_<oid>@unq.gbl.spaces`, the id of the one-on-one chat of two Entra users. */
export function oneOnOneChatId(a: { aadObjectId: string }, b: { aadObjectId: string }): string {
  return `19:${a.aadObjectId}_${b.aadObjectId}@unq.gbl.spaces`;
}

/** GET /one-on-ones/by-chat for a chat id (encoded as a query value). */
export function byChatPath(chatId: string): string {
  return `/one-on-ones/by-chat?chatId=${encodeURIComponent(chatId)}`;
}
