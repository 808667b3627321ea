// Entry point: a standalone page (privacy, terms, sign-in end pages), or pick the host, adopt its deep link,
// render the app.
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client.ts';
import { followDevClock } from './dev/dev-clock.ts';
import { pickHost } from './hosts/pick-host.ts';
import { standalonePageFor } from './pages/standalone-pages.ts';
import { Root } from './root.tsx';
import { App } from './shell/app.tsx';
import { prefetchScreen } from './shell/prefetch-screen.ts';
import { adoptDeepLink } from './shell/route.ts';

const standalone = standalonePageFor(window.location.pathname);
if (standalone) await standalone();
else await startApp();

async function startApp(): Promise<void> {
  // The screen's code downloads while the host initialises (Teams' handshake takes a while).
  prefetchScreen(window.location.search);
  const host = await pickHost();
  adoptDeepLink(host.context.subEntityId);
  const now = host.kind === 'browser' ? followDevClock() : () => new Date();
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root');
  createRoot(element).render(
    <Root services={{ host, api: createApiClient(host), now }}>
      <App />
    </Root>,
  );
}
