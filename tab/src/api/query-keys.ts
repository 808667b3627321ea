// Cache keys of TanStack Query: one place, so mutations invalidate exactly what they change.
import type { ListView } from 'api/contract';

export const queryKeys = {
  me: ['me'] as const,
  cards: (view: ListView) => ['one-on-ones', view] as const,
  allCards: ['one-on-ones'] as const,
  series: (id: string) => ['series', id] as const,
  workspace: (meetingId: string) => ['meeting', meetingId] as const,
  users: (query: string) => ['users', query] as const,
  adminSettings: ['admin', 'settings'] as const,
  adminReport: ['admin', 'report'] as const,
  devUsers: ['dev', 'users'] as const,
  devInbox: (userId: string) => ['dev', 'inbox', userId] as const,
};
