// The Entra app manifest that aadApp/update applies: SSO for Teams and Outlook, the admin role, Graph access.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_ROLE, REQUIRED_SCOPE } from '../../api/src/auth/entra-token.ts';
import { placeholdersIn } from './environment.ts';

const text = readFileSync(path.resolve(import.meta.dirname, '../aad.manifest.json'), 'utf8');
const app = JSON.parse(text) as {
  identifierUris: string[];
  api: {
    oauth2PermissionScopes: { id: string; value: string }[];
    preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
  };
  appRoles: { id: string; value: string; allowedMemberTypes: string[] }[];
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  spa: { redirectUris: string[] };
};

/** Teams desktop/mobile and web, Microsoft 365 web/desktop/mobile, Outlook desktop, web and mobile. */
/** `${{NAME}}`, written so that no plain string literal holds a `${`. */
const ph = (name: string) => `\${{${name}}}`;

const HOST_CLIENTS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  '4765445b-32c6-49b0-83e6-1d93765276ca',
  '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  '27922004-5251-4030-b22d-91ecd9a37ea4',
];

describe('Entra app (manifest/aad.manifest.json)', () => {
  it('exposes the scope the API requires, under the application id URI Teams SSO uses', () => {
    expect(app.identifierUris).toEqual([`api://${ph('TAB_DOMAIN')}/${ph('AAD_APP_CLIENT_ID')}`]);
    expect(app.api.oauth2PermissionScopes.map((s) => s.value)).toEqual([REQUIRED_SCOPE]);
  });

  it('pre-authorizes the Teams, Microsoft 365 and Outlook clients so SSO needs no consent prompt', () => {
    const scopeId = app.api.oauth2PermissionScopes[0]?.id;
    expect(app.api.preAuthorizedApplications.map((p) => p.appId).sort()).toEqual([...HOST_CLIENTS].sort());
    for (const client of app.api.preAuthorizedApplications)
      expect(client.delegatedPermissionIds).toEqual([scopeId]);
  });

  it(`declares the admin app role ${ADMIN_ROLE} for users (SPEC.md "Tenancy, privacy, roles")`, () => {
    expect(app.appRoles).toEqual([
      expect.objectContaining({ value: ADMIN_ROLE, allowedMemberTypes: ['User'] }),
    ]);
    expect(app.appRoles[0]?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('asks Graph for calendar access as the user and for installing itself for a user as the app', () => {
    const [graph] = app.requiredResourceAccess;
    expect(graph?.resourceAppId).toBe('Microsoft Graph');
    const granted = graph?.resourceAccess.map((a) => `${a.type}:${a.id}`);
    expect(granted).toEqual(
      expect.arrayContaining([
        'Scope:Calendars.ReadWrite',
        'Scope:offline_access',
        'Scope:User.ReadBasic.All',
        'Role:TeamsAppInstallation.ReadWriteSelfForUser.All',
      ]),
    );
  });

  it('registers the nested app authentication redirect (brk-multihub://) for Outlook and Teams', () => {
    expect(app.spa.redirectUris).toContain(`brk-multihub://${ph('TAB_DOMAIN')}`);
  });

  it('uses only placeholders that the Agents Toolkit provisions', () => {
    expect(placeholdersIn(text).sort()).toEqual(
      [
        'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
        'AAD_APP_CLIENT_ID',
        'AAD_APP_OBJECT_ID',
        'APP_NAME_SUFFIX',
        'TAB_DOMAIN',
      ].sort(),
    );
  });
});
