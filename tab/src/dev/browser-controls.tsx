// Browser host only: who is signed in (switch user), the theme switch, and the development inbox.
import {
  Avatar,
  Button,
  Menu,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  type MenuProps,
  MenuTrigger,
} from '@fluentui/react-components';
import { MailInboxRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from 'api/contract';
import { lazy, Suspense, useState } from 'react';
import type { BrowserHost } from '../hosts/browser.ts';
import type { ThemeName } from '../hosts/host.ts';
import { useHostTheme } from '../shell/use-host-theme.ts';

const DevInbox = lazy(() => import('./dev-inbox.tsx'));

const themeLabels: Record<ThemeName, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

export function BrowserControls({
  host,
  me,
  onSignOut,
}: {
  host: BrowserHost;
  me: Me;
  onSignOut: () => void;
}) {
  const theme = useHostTheme(host);
  const client = useQueryClient();
  const [inboxOpen, setInboxOpen] = useState(false);
  const onThemeChange: MenuProps['onCheckedValueChange'] = (_event, data) => {
    const next = data.checkedItems[0];
    if (next === 'light' || next === 'dark' || next === 'contrast') host.setTheme(next);
  };
  return (
    <>
      <Button icon={<MailInboxRegular />} onClick={() => setInboxOpen(true)}>
        Inbox
      </Button>
      <Menu checkedValues={{ theme: [theme] }} onCheckedValueChange={onThemeChange}>
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" icon={<Avatar size={24} name={me.displayName} aria-hidden />}>
            {me.displayName}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {(Object.keys(themeLabels) as ThemeName[]).map((name) => (
              <MenuItemRadio key={name} name="theme" value={name}>
                {themeLabels[name]} theme
              </MenuItemRadio>
            ))}
            <MenuItem
              onClick={() => {
                host.signOut();
                client.clear();
                onSignOut();
              }}
            >
              Switch user
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {inboxOpen && (
        <Suspense fallback={null}>
          <DevInbox userId={me.id} open={inboxOpen} onClose={() => setInboxOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
