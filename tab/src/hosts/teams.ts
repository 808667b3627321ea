// Teams host: teams-js initialisation, SSO token (retried, consent surfaced), chat/meeting context and live theme.
import { app, authentication } from '@microsoft/teams-js';
import {
  type Credentials,
  type Host,
  type HostContext,
  SignInRequiredError,
  type ThemeName,
} from './host.ts';

export function teamsTheme(name: string | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'light';
}

/** Teams SSO fails transiently on first load (the iframe races its parent): two quick retries, then ask. */
const tokenAttempts = 3;

async function ssoToken(): Promise<string> {
  let lastError: unknown;
  for (let attempt = 0; attempt < tokenAttempts; attempt++) {
    try {
      return await authentication.getAuthToken();
    } catch (error) {
      lastError = error;
      const message = error instanceof Error ? error.message : String(error);
      // These need the user: retrying without them only repeats the failure.
      if (/consent|resourceRequiresConsent|invalid_grant|interaction/i.test(message)) {
        throw new SignInRequiredError('consent', 'Allow the app to sign you in to continue.');
      }
    }
  }
  const message = lastError instanceof Error ? lastError.message : String(lastError);
  throw new SignInRequiredError('sign-in', `Teams could not sign you in (${message}).`);
}

export async function createTeamsHost(): Promise<Host> {
  await app.initialize();
  const teamsContext = await app.getContext();
  let theme = teamsTheme(teamsContext.app.theme);
  const listeners = new Set<(theme: ThemeName) => void>();
  app.registerOnThemeChangeHandler((name) => {
    theme = teamsTheme(name);
    for (const listener of listeners) listener(theme);
  });
  const context: HostContext = {
    chatId: teamsContext.chat?.id ?? null,
    meetingId: teamsContext.meeting?.id ?? null,
    subEntityId: teamsContext.page.subPageId ?? null,
    itemId: null,
    locale: teamsContext.app.locale,
  };
  app.notifySuccess();
  return {
    kind: 'teams',
    context,
    async credentials(): Promise<Credentials> {
      const token = await ssoToken();
      return { authorization: `Bearer ${token}`, streamToken: token };
    },
    theme: () => theme,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
