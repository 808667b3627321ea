// In a Teams chat tab, the first screen is the chat's 1:1 instead of the list, until the user goes anywhere else.
import { useCallback, useEffect, useState } from 'react';
import type { Host } from '../../hosts/host.ts';
import type { Route } from '../../shell/route.ts';

/**
 * The chat id to land on, or null once the user has left the landing (opened a workspace, a deep link, the
 * list): "back" from the workspace then shows the list rather than redirecting to the workspace again.
 */
export function useChatLanding(host: Host, route: Route): [string | null, () => void] {
  const chatId = host.kind === 'teams' ? host.context.chatId : null;
  const [left, setLeft] = useState(false);
  useEffect(() => {
    if (route.screen !== 'list') setLeft(true);
  }, [route.screen]);
  const landing = chatId && !left && route.screen === 'list' ? chatId : null;
  const leave = useCallback(() => setLeft(true), []);
  return [landing, leave];
}
