// GET /me and PATCH /me/preferences: who I am, my tenant's module name and state, my preferences.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { callerOf } from '../plugins/app/auth.ts';
import { errorResponses } from '../schemas/common.ts';
import { Me, PreferencesPatch } from '../schemas/me.ts';
import type { CalendarConnection } from '../store/calendar-connections.ts';
import type { TenantSettings } from '../store/tenants.ts';
import type { User } from '../store/users.ts';
import { connectionView } from './calendar.ts';

export function meView(user: User, tenant: TenantSettings, calendar: CalendarConnection | null = null): Me {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    timeZone: user.timeZone,
    isAdmin: user.isAdmin,
    tenant: { id: tenant.id, moduleName: tenant.moduleName, enabled: tenant.enabled },
    preferences: user.preferences,
    calendar: connectionView(calendar),
  };
}

async function freshCaller(app: FastifyInstance, user: User) {
  const [fresh, tenant, calendar] = await Promise.all([
    app.store.users.findById(user.tenantId, user.id),
    app.store.tenants.get(user.tenantId),
    app.store.calendarConnections.get(user.tenantId, user.id),
  ]);
  if (!fresh || !tenant) throw AppError.unauthorized();
  return { user: { ...fresh, isAdmin: user.isAdmin }, tenant, calendar };
}

const me: FastifyPluginAsyncTypebox = async (app) => {
  // Answers while the module is disabled, so the tab can say so.
  const config = { allowWhenModuleDisabled: true };

  app.get(
    '/me',
    {
      config,
      schema: {
        tags: ['me'],
        summary: 'Me, my tenant and my preferences',
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => {
      const { user, tenant, calendar } = await freshCaller(app, callerOf(request).user);
      return meView(user, tenant, calendar);
    },
  );

  app.patch(
    '/me/preferences',
    {
      config,
      schema: {
        tags: ['me'],
        summary: 'Change my preferences (reminder before each 1:1, show private notes)',
        body: PreferencesPatch,
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const updated = await app.store.users.updatePreferences(user.tenantId, user.id, request.body);
      if (!updated) throw AppError.unauthorized();
      const fresh = await freshCaller(app, updated);
      return meView({ ...fresh.user, isAdmin: user.isAdmin }, fresh.tenant, fresh.calendar);
    },
  );
};

export default me;
