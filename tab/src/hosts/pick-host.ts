// Chooses the host at start: Outlook's side panel (?host=outlook, as the manifest opens it), Teams when framed
// by Teams (or asked with ?host=teams), else the browser.
import { createBrowserHost } from './browser.ts';
import type { Host } from './host.ts';

export async function pickHost(): Promise<Host> {
  const params = new URLSearchParams(window.location.search);
  if (params.get('host') === 'outlook') {
    // Office.js and the side panel load only in Outlook.
    const { createOutlookHost } = await import('./outlook.ts');
    return createOutlookHost();
  }
  const framed = window.parent !== window;
  const wantsTeams = params.get('host') === 'teams' || (framed && params.get('host') !== 'browser');
  if (wantsTeams) {
    // Loaded only in Teams so the browser's first load does not carry the SDK.
    const { createTeamsHost } = await import('./teams.ts');
    return createTeamsHost();
  }
  return createBrowserHost();
}
