// The one interface every host (Teams, Outlook, browser) implements: who is signed in, where we run, which theme.

export type ThemeName = 'light' | 'dark' | 'contrast';

/** Where the tab was opened: a chat, a meeting, a deep link. Outlook fills `itemId` for a calendar item. */
export interface HostContext {
  /** Teams chat id when the tab sits in a chat. */
  chatId: string | null;
  /** Teams meeting id when the tab is a meeting side panel. */
  meetingId: string | null;
  /** Deep link target carried by the host (Teams `page.subPageId`), e.g. `meeting:<id>` or `series:<id>`. */
  subEntityId: string | null;
  /** Outlook calendar item id (the Outlook host). */
  itemId: string | null;
  locale: string;
}

export interface Credentials {
  /** The value of the Authorization header. */
  authorization: string;
  /** What `?access_token=` carries for the event stream (EventSource cannot send headers). */
  streamToken: string;
}

export interface Host {
  readonly kind: 'teams' | 'outlook' | 'browser';
  readonly context: HostContext;
  /** Resolves fresh credentials; rejects with a `SignInRequiredError` when the user must act. */
  credentials(): Promise<Credentials>;
  theme(): ThemeName;
  /** Calls back on every theme change; returns the unsubscribe function. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
}

/** The host cannot get a token without the user: show a prompt that calls `retry` (consent, sign-in). */
export class SignInRequiredError extends Error {
  readonly reason: 'consent' | 'sign-in';
  constructor(reason: 'consent' | 'sign-in', message: string) {
    super(message);
    this.name = 'SignInRequiredError';
    this.reason = reason;
  }
}
