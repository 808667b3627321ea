// /admin/*: the module switch and name, and aggregate reporting (admins of the tenant only).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assertAdmin } from '../domain/permissions.ts';
import { AppError } from '../errors/app-error.ts';
import { callerOf } from '../plugins/app/auth.ts';
import { AdminReport, AdminSettings, AdminSettingsPatch } from '../schemas/admin.ts';
import { errorResponses } from '../schemas/common.ts';
import { buildAdminReport } from '../workflows/admin-report.ts';

const admin: FastifyPluginAsyncTypebox = async (app) => {
  const config = { allowWhenModuleDisabled: true };

  app.get(
    '/admin/settings',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'The module switch and name',
        response: { 200: AdminSettings, ...errorResponses },
      },
    },
    async (request) => {
      const { user, tenant } = callerOf(request);
      assertAdmin(user.isAdmin);
      const current = await app.store.tenants.get(tenant.id);
      if (!current) throw AppError.notFound('Tenant');
      return { enabled: current.enabled, moduleName: current.moduleName };
    },
  );

  app.patch(
    '/admin/settings',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'Enable or disable the module, rename it',
        body: AdminSettingsPatch,
        response: { 200: AdminSettings, ...errorResponses },
      },
    },
    async (request) => {
      const { user, tenant } = callerOf(request);
      assertAdmin(user.isAdmin);
      const patch = { ...request.body };
      if (patch.moduleName !== undefined) patch.moduleName = patch.moduleName.trim();
      if (patch.moduleName === '')
        throw AppError.badRequest('The module name must not be empty', 'MODULE_NAME_INVALID');
      const updated = await app.store.tenants.update(tenant.id, patch);
      if (!updated) throw AppError.notFound('Tenant');
      app.forgetTenantCallers(tenant.id);
      request.log.info({ tenantId: tenant.id, enabled: updated.enabled }, 'module settings changed');
      return { enabled: updated.enabled, moduleName: updated.moduleName };
    },
  );

  app.get(
    '/admin/report',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'Aggregate counts only: 1:1s held per week, share of people with a 1:1 in the last 30 days',
        response: { 200: AdminReport, ...errorResponses },
      },
    },
    async (request) => {
      const { user, tenant } = callerOf(request);
      assertAdmin(user.isAdmin);
      return buildAdminReport(app.store, tenant.id, app.clock.now());
    },
  );
};

export default admin;
