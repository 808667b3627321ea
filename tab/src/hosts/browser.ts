// Standalone browser host: development sign-in as one of /dev/users and a theme switch, both remembered.
import {
  type Credentials,
  type Host,
  type HostContext,
  SignInRequiredError,
  type ThemeName,
} from './host.ts';

const userKey = 'one-on-ones.dev-user';
const themeKey = 'one-on-ones.theme';

export interface BrowserHost extends Host {
  readonly kind: 'browser';
  signedInUserId(): string | null;
  signIn(userId: string): void;
  signOut(): void;
  setTheme(theme: ThemeName): void;
}

function isTheme(value: string | null): value is ThemeName {
  return value === 'light' || value === 'dark' || value === 'contrast';
}

function initialTheme(storage: Storage, media: (query: string) => boolean): ThemeName {
  const stored = storage.getItem(themeKey);
  if (isTheme(stored)) return stored;
  if (media('(forced-colors: active)')) return 'contrast';
  return media('(prefers-color-scheme: dark)') ? 'dark' : 'light';
}

export function createBrowserHost(
  storage: Storage = window.localStorage,
  media: (query: string) => boolean = (query) => window.matchMedia?.(query).matches ?? false,
): BrowserHost {
  let theme = initialTheme(storage, media);
  const listeners = new Set<(theme: ThemeName) => void>();
  const context: HostContext = {
    chatId: null,
    meetingId: null,
    subEntityId: null,
    itemId: null,
    locale: navigator.language,
  };

  return {
    kind: 'browser',
    context,
    async credentials(): Promise<Credentials> {
      const userId = storage.getItem(userKey);
      if (!userId) throw new SignInRequiredError('sign-in', 'Pick a demo user to sign in.');
      const authorization = `Dev ${userId}`;
      return { authorization, streamToken: authorization };
    },
    theme: () => theme,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signedInUserId: () => storage.getItem(userKey),
    signIn(userId) {
      storage.setItem(userKey, userId);
    },
    signOut() {
      storage.removeItem(userKey);
    },
    setTheme(next) {
      theme = next;
      storage.setItem(themeKey, next);
      for (const listener of listeners) listener(next);
    },
  };
}
