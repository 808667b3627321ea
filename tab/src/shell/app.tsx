// The signed-in app: loads /me, shows the header and the screen the URL names.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useMe, workspaceQuery } from '../api/read-queries.ts';
import { useServices } from '../api/services.tsx';
import type { BrowserHost } from '../hosts/browser.ts';
import { useChatLanding } from '../screens/chat/use-chat-landing.ts';
import { AppHeader } from './app-header.tsx';
import { useRoute } from './route.ts';
import { SeriesRedirect } from './series-redirect.tsx';
import { LoadFailure, Loading, ModuleDisabled } from './status-screens.tsx';

// Code-split by screen: a deep link into a workspace (the most common first load, from Teams or a bot
// card) loads the workspace's code only; settings and admin are rarely opened at all.
const MyOneOnOnes = lazy(() => import('../screens/list/my-one-on-ones.tsx'));
const WorkspaceScreen = lazy(() => import('../screens/workspace/workspace-screen.tsx'));
const SettingsPage = lazy(() => import('../screens/settings/settings-page.tsx'));
const AdminPage = lazy(() => import('../screens/admin/admin-page.tsx'));
const SidePanel = lazy(() => import('../screens/side-panel/side-panel.tsx'));
const DevSignIn = lazy(() => import('../dev/dev-sign-in.tsx'));
const ChatOneOnOne = lazy(() => import('../screens/chat/chat-one-on-one.tsx'));

const useStyles = makeStyles({
  main: {
    maxWidth: '1100px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    '@media (max-width: 480px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}` },
  },
});

export function App() {
  const { host } = useServices();
  const [signedIn, setSignedIn] = useState(
    () => host.kind !== 'browser' || (host as BrowserHost).signedInUserId() !== null,
  );
  if (!signedIn) {
    return (
      <Suspense fallback={<Loading label="Loading" />}>
        <DevSignIn onSignedIn={() => setSignedIn(true)} />
      </Suspense>
    );
  }
  return <SignedInApp onSignOut={() => setSignedIn(false)} />;
}

function SignedInApp({ onSignOut }: { onSignOut: () => void }) {
  const styles = useStyles();
  const { api, host } = useServices();
  const client = useQueryClient();
  const me = useMe();
  const [route, go] = useRoute();
  const [chatId, leaveChat] = useChatLanding(host, route);
  const openingMeeting = route.screen === 'meeting' ? route.id : null;
  // A deep link's workspace loads alongside /me rather than after it.
  useEffect(() => {
    if (openingMeeting) void client.prefetchQuery(workspaceQuery(api, openingMeeting));
  }, [api, client, openingMeeting]);
  const moduleName = me.data?.tenant.moduleName;
  useEffect(() => {
    if (moduleName) document.title = moduleName;
  }, [moduleName]);

  if (me.isPending) return <Loading label="Signing you in" />;
  if (me.isError) return <LoadFailure error={me.error} onRetry={() => me.refetch()} />;
  const user = me.data;
  const disabled = !user.tenant.enabled;
  return (
    <>
      <AppHeader me={user} route={route} go={go} onSignOut={onSignOut} />
      <main className={styles.main}>
        {disabled && route.screen !== 'admin' ? (
          <ModuleDisabled moduleName={user.tenant.moduleName} isAdmin={user.isAdmin} />
        ) : (
          <Suspense fallback={<Loading label="Loading" />}>
            {route.screen === 'list' &&
              (host.kind === 'outlook' ? (
                <SidePanel me={user} />
              ) : chatId ? (
                <ChatOneOnOne chatId={chatId} me={user} onLeave={leaveChat} />
              ) : (
                <MyOneOnOnes me={user} />
              ))}
            {route.screen === 'meeting' && <WorkspaceScreen key={route.id} meetingId={route.id} me={user} />}
            {route.screen === 'series' && <SeriesRedirect seriesId={route.id} />}
            {route.screen === 'settings' && <SettingsPage me={user} />}
            {route.screen === 'admin' && <AdminPage me={user} />}
          </Suspense>
        )}
      </main>
    </>
  );
}
