// Browser host only: who is signed in (switch user), the theme switch, and the development inbox.
// Plain controls rather than a menu: no popup code on the first load of the page.
import { Button, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { MailInboxRegular, PersonSwapRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from 'api/contract';
import { lazy, Suspense, useState } from 'react';
import type { BrowserHost } from '../hosts/browser.ts';
import type { ThemeName } from '../hosts/host.ts';
import { useHostTheme } from '../shell/use-host-theme.ts';

const DevInbox = lazy(() => import('./dev-inbox.tsx'));

const themeLabels: Record<ThemeName, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function BrowserControls({
  host,
  me,
  onSignOut,
}: {
  host: BrowserHost;
  me: Me;
  onSignOut: () => void;
}) {
  const styles = useStyles();
  const theme = useHostTheme(host);
  const client = useQueryClient();
  const [inboxOpen, setInboxOpen] = useState(false);
  return (
    <div className={styles.controls}>
      <Button icon={<MailInboxRegular />} onClick={() => setInboxOpen(true)}>
        Inbox
      </Button>
      <Select
        aria-label="Theme"
        size="small"
        value={theme}
        onChange={(_event, data) => host.setTheme(data.value as ThemeName)}
      >
        {(Object.keys(themeLabels) as ThemeName[]).map((name) => (
          <option key={name} value={name}>
            {themeLabels[name]}
          </option>
        ))}
      </Select>
      <Text weight="semibold">{me.displayName}</Text>
      <Button
        appearance="subtle"
        icon={<PersonSwapRegular />}
        onClick={() => {
          host.signOut();
          client.clear();
          onSignOut();
        }}
      >
        Switch user
      </Button>
      {inboxOpen && (
        <Suspense fallback={null}>
          <DevInbox userId={me.id} open={inboxOpen} onClose={() => setInboxOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
