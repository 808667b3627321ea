// The host's current theme as React state, following live changes (Teams theme switch, browser toggle).
import { useEffect, useState } from 'react';
import type { Host, ThemeName } from '../hosts/host.ts';

export function useHostTheme(host: Host): ThemeName {
  const [theme, setTheme] = useState(host.theme());
  useEffect(() => host.onThemeChange(setTheme), [host]);
  return theme;
}
