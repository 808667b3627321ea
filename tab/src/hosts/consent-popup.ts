// Google's consent page in a pop-up: Teams' authentication window inside Teams, a browser window elsewhere.
// The end page (/auth/google-end) hands `{ code, state }` back; the caller posts them to the connect route.
import type { Host } from './host.ts';

export interface ConsentResult {
  code: string;
  state: string;
}

export const CONSENT_MESSAGE = 'one-on-ones.google-consent';

function parseResult(value: unknown): ConsentResult {
  const result = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<ConsentResult> & {
    error?: string;
  };
  if (typeof result.code === 'string' && typeof result.state === 'string') {
    return { code: result.code, state: result.state };
  }
  throw new Error(`Google did not connect your calendar (${result.error ?? 'no answer'}).`);
}

function browserPopup(url: string): Promise<ConsentResult> {
  const popup = window.open(url, 'google-consent', 'width=520,height=640');
  if (!popup) return Promise.reject(new Error('Allow pop-ups for this site to connect Google Calendar.'));
  return new Promise((resolve, reject) => {
    const closed = window.setInterval(() => {
      if (!popup.closed) return;
      window.clearInterval(closed);
      window.removeEventListener('message', onMessage);
      reject(new Error('The Google window was closed before connecting.'));
    }, 500);
    function onMessage(event: MessageEvent) {
      const data = event.data as { type?: string; result?: unknown } | null;
      if (event.origin !== window.location.origin || data?.type !== CONSENT_MESSAGE) return;
      window.clearInterval(closed);
      window.removeEventListener('message', onMessage);
      try {
        resolve(parseResult(data.result));
      } catch (error) {
        reject(error);
      }
    }
    window.addEventListener('message', onMessage);
  });
}

export async function openGoogleConsent(host: Host, url: string): Promise<ConsentResult> {
  if (host.kind === 'teams') {
    const { authentication } = await import('@microsoft/teams-js');
    return parseResult(await authentication.authenticate({ url, width: 520, height: 640 }));
  }
  return browserPopup(url);
}
