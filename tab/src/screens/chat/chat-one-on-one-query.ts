// The Teams chat tab's question to the API: who is the other person of this chat, and is there our series?
import { useQuery } from '@tanstack/react-query';
import type { ChatOneOnOne } from 'api/contract';
import { queryKeys } from '../../api/query-keys.ts';
import { useServices } from '../../api/services.tsx';

/** Under the cards' key: creating a 1:1 (which invalidates every card) asks again. */
export const chatQueryKey = (chatId: string) => [...queryKeys.allCards, 'by-chat', chatId] as const;

export function useChatOneOnOne(chatId: string) {
  const { api } = useServices();
  return useQuery({
    queryKey: chatQueryKey(chatId),
    queryFn: () => api.get<ChatOneOnOne>(`/one-on-ones/by-chat?chatId=${encodeURIComponent(chatId)}`),
  });
}
