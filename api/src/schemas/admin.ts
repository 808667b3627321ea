// Tenant administration: the module switch and name, aggregate reporting.
import { type Static, Type } from 'typebox';
import { IsoDate } from './common.ts';

export const AdminSettings = Type.Object({
  enabled: Type.Boolean(),
  moduleName: Type.String(),
});
export type AdminSettings = Static<typeof AdminSettings>;

export const AdminSettingsPatch = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    moduleName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AdminSettingsPatch = Static<typeof AdminSettingsPatch>;

/** Aggregate counts only: never a title, a name pair or content (SPEC.md "Admin reporting"). */
export const AdminReport = Type.Object({
  weeks: Type.Array(Type.Object({ weekStart: IsoDate, meetingsHeld: Type.Integer({ minimum: 0 }) })),
  users: Type.Integer({ minimum: 0 }),
  usersWithOneOnOneLast30Days: Type.Integer({ minimum: 0 }),
  shareWithOneOnOneLast30Days: Type.Number({ minimum: 0, maximum: 1 }),
});
export type AdminReport = Static<typeof AdminReport>;
