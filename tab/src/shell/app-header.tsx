// The bar above every screen: the module's (admin-set) name, navigation, and the browser host's controls.
import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import type { Me } from 'api/contract';
import { useServices } from '../api/services.tsx';
import { BrowserControls } from '../dev/browser-controls.tsx';
import type { BrowserHost } from '../hosts/browser.ts';
import type { Route } from './route.ts';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { marginInlineEnd: 'auto' },
  nav: { flexWrap: 'wrap' },
});

type Page = 'list' | 'settings' | 'admin';

export function AppHeader({
  me,
  route,
  go,
  onSignOut,
}: {
  me: Me;
  route: Route;
  go: (route: Route) => void;
  onSignOut: () => void;
}) {
  const styles = useStyles();
  const { host } = useServices();
  const selected: Page = route.screen === 'settings' || route.screen === 'admin' ? route.screen : 'list';
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        {me.tenant.moduleName}
      </Text>
      <nav aria-label={me.tenant.moduleName}>
        <TabList
          className={styles.nav}
          size="small"
          selectedValue={selected}
          onTabSelect={(_event, data) => go({ screen: data.value as Page })}
        >
          <Tab value="list">My {me.tenant.moduleName}</Tab>
          <Tab value="settings">My settings</Tab>
          {me.isAdmin && <Tab value="admin">Admin</Tab>}
        </TabList>
      </nav>
      {host.kind === 'browser' && (
        <BrowserControls host={host as BrowserHost} me={me} onSignOut={onSignOut} />
      )}
    </header>
  );
}
