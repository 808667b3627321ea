/// <reference types="office-js" />
// The Outlook sign-in dialog (the fallback when Office SSO is unavailable): `?start=1` sends the dialog to
// Entra ID; Entra ID returns here with the token in the fragment, which goes to the task pane.
import { officeReady, sendToParent } from '../hosts/office-api.ts';

/** The app registration: known at build time (VITE_ENTRA_CLIENT_ID), the same one the manifest names. */
const clientId = (import.meta.env.VITE_ENTRA_CLIENT_ID as string | undefined) ?? '';

function authorizeUrl(origin: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    response_type: 'token',
    redirect_uri: `${origin}/auth-end`,
    scope: `api://${new URL(origin).host}/${clientId}/access_as_user`,
    response_mode: 'fragment',
    prompt: 'select_account',
  });
  return `https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?${params}`;
}

export async function finishOutlookSignIn(): Promise<void> {
  document.body.textContent = 'Signing you in…';
  await officeReady();
  const search = new URLSearchParams(window.location.search);
  if (search.get('start') === '1') {
    if (!clientId) {
      sendToParent(
        JSON.stringify({ error: 'sign-in is not configured for this app (VITE_ENTRA_CLIENT_ID)' }),
      );
      return;
    }
    window.location.assign(authorizeUrl(window.location.origin));
    return;
  }
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('access_token');
  sendToParent(
    JSON.stringify(token ? { token } : { error: fragment.get('error_description') ?? 'no token' }),
  );
}
