// The signed-in app: loads /me, shows the header and the screen the URL names.
import { makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useMe } from '../api/read-queries.ts';
import { useServices } from '../api/services.tsx';
import { DevSignIn } from '../dev/dev-sign-in.tsx';
import type { BrowserHost } from '../hosts/browser.ts';
import { MyOneOnOnes } from '../screens/list/my-one-on-ones.tsx';
import { WorkspaceScreen } from '../screens/workspace/workspace-screen.tsx';
import { AppHeader } from './app-header.tsx';
import { useRoute } from './route.ts';
import { SeriesRedirect } from './series-redirect.tsx';
import { LoadFailure, Loading, ModuleDisabled } from './status-screens.tsx';

// Code-split: most sessions never open these, so they stay out of the first load.
const SettingsPage = lazy(() => import('../screens/settings/settings-page.tsx'));
const AdminPage = lazy(() => import('../screens/admin/admin-page.tsx'));

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
  if (!signedIn) return <DevSignIn onSignedIn={() => setSignedIn(true)} />;
  return <SignedInApp onSignOut={() => setSignedIn(false)} />;
}

function SignedInApp({ onSignOut }: { onSignOut: () => void }) {
  const styles = useStyles();
  const me = useMe();
  const [route, go] = useRoute();
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
            {route.screen === 'list' && <MyOneOnOnes me={user} />}
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
