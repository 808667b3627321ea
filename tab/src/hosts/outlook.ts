// Outlook host: the meeting side panel add-in. Office.js ready, the appointment read in organizer or attendee
// mode, SSO through the add-in's token with Office's dialog as the fallback, Office's theme.
import {
  type Credentials,
  type Host,
  type HostContext,
  SignInRequiredError,
  type ThemeName,
} from './host.ts';
import {
  type Appointment,
  dialogMessage,
  OfficeSsoError,
  officeAccessToken,
  officeIsDark,
  officeReady,
  readAppointment,
} from './office-api.ts';

/** The dev sign-in the browser host remembers: a local run opens the side panel as that demo user. */
const devUserKey = 'one-on-ones.dev-user';

export interface OutlookHost extends Host {
  readonly kind: 'outlook';
  /** The calendar item, or null when the panel was opened on something else. */
  readonly appointment: Appointment | null;
}

/** SSO errors that the user can act on in place; the others (not supported here, …) go to the dialog. */
const needsUser: Record<number, 'sign-in' | 'consent'> = { 13001: 'sign-in', 13002: 'consent' };

/** The dialog's end page (/auth-end) sends `{ token }` or `{ error }`. */
export function parseDialogAnswer(message: string): string {
  const answer = JSON.parse(message) as { token?: unknown; error?: unknown };
  if (typeof answer.token === 'string' && answer.token !== '') return answer.token;
  throw new SignInRequiredError('sign-in', `Sign-in did not finish (${String(answer.error ?? 'no token')}).`);
}

async function ssoToken(origin: string): Promise<string> {
  try {
    return await officeAccessToken();
  } catch (error) {
    if (!(error instanceof OfficeSsoError)) throw error;
    const reason = needsUser[error.code];
    if (reason) throw new SignInRequiredError(reason, 'Sign in to Outlook and allow the app to continue.');
    // Office SSO is unavailable here (older Outlook, 13012 and friends): the documented dialog fallback.
    return parseDialogAnswer(await dialogMessage(`${origin}/auth-end?start=1`));
  }
}

function outlookTheme(): ThemeName {
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  return officeIsDark() ? 'dark' : 'light';
}

export async function createOutlookHost(storage: Storage = window.localStorage): Promise<OutlookHost> {
  await officeReady();
  const appointment = await readAppointment();
  const theme = outlookTheme();
  const context: HostContext = {
    chatId: null,
    meetingId: null,
    subEntityId: null,
    itemId: appointment?.restId ?? null,
    locale: Office.context.displayLanguage || navigator.language,
  };
  let cached: { token: string; at: number } | null = null;
  return {
    kind: 'outlook',
    context,
    appointment,
    async credentials(): Promise<Credentials> {
      const devUser = storage.getItem(devUserKey);
      if (devUser) return { authorization: `Dev ${devUser}`, streamToken: `Dev ${devUser}` };
      // Office caches the token itself; keeping it a few minutes spares a round trip per request.
      if (!cached || Date.now() - cached.at > 5 * 60_000) {
        cached = { token: await ssoToken(window.location.origin), at: Date.now() };
      }
      return { authorization: `Bearer ${cached.token}`, streamToken: cached.token };
    },
    theme: () => theme,
    onThemeChange: () => () => {},
  };
}
