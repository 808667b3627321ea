// Starts downloading the code of the screen a URL opens before React asks for it, so a deep link to a
// workspace does not wait for the host, then /me, then the screen's chunk one after the other.
import { parseRoute } from './route.ts';

export function prefetchScreen(search: string): void {
  const route = parseRoute(search);
  if (route.screen === 'meeting' || route.screen === 'series')
    void import('../screens/workspace/workspace-screen.tsx');
  if (route.screen === 'list') void import('../screens/list/my-one-on-ones.tsx');
}
