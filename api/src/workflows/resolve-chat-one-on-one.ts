// The Teams chat tab (SPEC.md "Who uses it, and where"): a one-on-one chat shows the pair's series, or offers one.
import { pairKey } from '../domain/pair-key.ts';
import { oneOnOneChatMembers, otherChatMember } from '../domain/teams-chat.ts';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import type { ChatOneOnOne } from '../schemas/one-on-ones.ts';
import type { Store } from '../store/store.ts';
import type { User } from '../store/users.ts';
import { buildCard } from './build-cards.ts';
import { seriesSource } from './load-one-on-one.ts';

export async function resolveChatOneOnOne(
  store: Store,
  caller: User,
  chatId: string,
  now: Date,
): Promise<ChatOneOnOne> {
  const members = oneOnOneChatMembers(chatId);
  if (!members) {
    throw new AppError(
      ErrorStatus.unprocessable,
      'NOT_A_ONE_ON_ONE_CHAT',
      'This chat is not a one-on-one chat; a 1:1 is between exactly two people.',
    );
  }
  // A chat the caller is not in: nothing about it is told, not even who is in it.
  const otherAadObjectId = otherChatMember(members, caller.aadObjectId);
  if (otherAadObjectId === null) throw AppError.notFound('Chat');
  // Same tenant only: a guest or a person of another organization is "not signed in yet" here.
  const other = await store.users.findByAadObjectId(caller.tenantId, otherAadObjectId);
  if (!other || other.id === caller.id) return { other: null, card: null };
  const series = await store.series.findActiveByPair(caller.tenantId, pairKey(caller.id, other.id));
  const card = series
    ? await buildCard(store, caller.tenantId, await seriesSource(store, series), now)
    : null;
  return { other: { id: other.id, displayName: other.displayName, email: other.email }, card };
}
