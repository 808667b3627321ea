// Installs the app for one person through Microsoft Graph (`teamwork/installedApps`), so the bot can open a
// personal chat with someone who never opened the app. App-only token (client credentials) of the API's Entra app,
// which holds TeamsAppInstallation.ReadWriteSelfForUser.All and AppCatalog.Read.All (docs/deploy.md).

export interface GraphInstallerOptions {
  readonly graphBaseUrl: string;
  /** Entra's login endpoint, e.g. https://login.microsoftonline.com (tests: a local fake). */
  readonly authorityUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The manifest id of the Teams app; the tenant's catalog knows it as `externalId`. */
  readonly teamsAppId: string;
  readonly fetch?: typeof fetch;
}

/** `transient`: Graph was unreachable, throttled or failing; worth trying again later. */
export type InstallResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string; readonly transient: boolean };

export interface AppInstaller {
  installFor(tenantId: string, aadObjectId: string): Promise<InstallResult>;
}

interface Token {
  readonly value: string;
  readonly expiresAt: number;
}

export function createGraphInstaller(options: GraphInstallerOptions): AppInstaller {
  const call = options.fetch ?? fetch;
  const tokens = new Map<string, Token>();
  const catalogIds = new Map<string, string>();

  const tokenFor = async (tenantId: string): Promise<string> => {
    const cached = tokens.get(tenantId);
    if (cached && cached.expiresAt > Date.now() + 60_000) return cached.value;
    const response = await call(`${options.authorityUrl}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    if (!response.ok)
      throw new InstallError(`no Graph token for the tenant (${response.status}): admin consent missing?`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    tokens.set(tenantId, { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 });
    return body.access_token;
  };

  const graph = async (tenantId: string, path: string, init: RequestInit = {}) => {
    const token = await tokenFor(tenantId);
    return call(`${options.graphBaseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  };

  /** The app's id in the tenant's catalog (an org-published app has its own id there). */
  const catalogIdFor = async (tenantId: string): Promise<string> => {
    const known = catalogIds.get(tenantId);
    if (known) return known;
    const filter = encodeURIComponent(`externalId eq '${options.teamsAppId}'`);
    const response = await graph(tenantId, `/appCatalogs/teamsApps?$filter=${filter}`);
    if (!response.ok) throw new InstallError(`the app catalog could not be read (${response.status})`);
    const body = (await response.json()) as { value?: { id: string }[] };
    const id = body.value?.[0]?.id;
    if (!id) throw new InstallError('the app is not in the organization’s app catalog');
    catalogIds.set(tenantId, id);
    return id;
  };

  return {
    async installFor(tenantId, aadObjectId) {
      try {
        const catalogId = await catalogIdFor(tenantId);
        const response = await graph(
          tenantId,
          `/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`,
          {
            method: 'POST',
            body: JSON.stringify({
              'teamsApp@odata.bind': `${options.graphBaseUrl}/appCatalogs/teamsApps/${catalogId}`,
            }),
          },
        );
        // 409: installed already (the conversation reference was lost, or it is being installed right now).
        if (response.ok || response.status === 409) return { ok: true };
        return {
          ok: false,
          reason: `Teams refused to install the app for this person (${response.status}).`,
          transient: response.status === 429 || response.status >= 500,
        };
      } catch (error) {
        // A refusal we understood is final; an unreachable Graph (network, DNS) is worth another try.
        const known = error instanceof InstallError;
        const reason = known ? error.message : 'Microsoft Graph could not be reached';
        return {
          ok: false,
          reason: `The app could not be installed for this person: ${reason}.`,
          transient: !known,
        };
      }
    },
  };
}

class InstallError extends Error {}
