// The workspace's settings button: the menu behind it (and its dialogs) loads on first use, so opening a
// workspace does not download menus, popups and dialogs nobody asked for yet.
import { Button } from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useRef, useState } from 'react';
import type { MeetingMenuProps } from './meeting-menu-panel.tsx';

const MeetingMenuPanel = lazy(() => import('./meeting-menu-panel.tsx'));

export function MeetingMenu(props: MeetingMenuProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [loaded, setLoaded] = useState(false);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        ref={button}
        appearance="subtle"
        icon={<MoreHorizontalRegular />}
        aria-label="1:1 settings"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          setLoaded(true);
          setOpen((value) => !value);
        }}
      />
      {loaded && (
        <Suspense fallback={null}>
          <MeetingMenuPanel
            {...props}
            target={button}
            open={open}
            onOpenChange={(next, event) => {
              // A click on the button itself is its own toggle, not an "outside" click that closes.
              if (!next && event.target instanceof Node && button.current?.contains(event.target)) return;
              setOpen(next);
              if (!next) button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
