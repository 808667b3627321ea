// End page of Google's consent pop-up (/auth/google-end): hands `{ code, state }` (or the error) to the window
// that opened it — Teams' authentication window, or the browser opener — and closes.
import { CONSENT_MESSAGE } from '../hosts/consent-popup.ts';

export async function finishGoogleConsent(): Promise<void> {
  document.body.textContent = 'Connecting your calendar…';
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  const state = params.get('state');
  const result = code && state ? { code, state } : { error: params.get('error') ?? 'no code' };
  if (window.opener) {
    (window.opener as Window).postMessage({ type: CONSENT_MESSAGE, result }, window.location.origin);
    window.close();
    return;
  }
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  if ('code' in result) authentication.notifySuccess(JSON.stringify(result));
  else authentication.notifyFailure(result.error);
}
