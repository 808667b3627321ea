// Host theme name → Fluent UI theme: Teams' own themes inside Teams, the web themes in a browser.
import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Host, ThemeName } from '../hosts/host.ts';

export function fluentTheme(name: ThemeName, hostKind: Host['kind']): Theme {
  if (name === 'contrast') return teamsHighContrastTheme;
  if (hostKind === 'teams') return name === 'dark' ? teamsDarkTheme : teamsLightTheme;
  return name === 'dark' ? webDarkTheme : webLightTheme;
}
