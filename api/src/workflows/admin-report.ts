// The admin report: aggregate counts only (SPEC.md "Admin reporting") — never a title, a name pair or content.
import { DateTime } from 'luxon';
import type { AdminReport } from '../schemas/admin.ts';
import type { Store } from '../store/store.ts';

/** Weeks shown in the report, the current one included. */
export const REPORT_WEEKS = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function buildAdminReport(store: Store, tenantId: string, now: Date): Promise<AdminReport> {
  const thisWeek = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('week');
  const firstWeek = thisWeek.minus({ weeks: REPORT_WEEKS - 1 });
  const [starts, users, recent] = await Promise.all([
    store.meetings.heldStartsBetween(tenantId, firstWeek.toJSDate(), now),
    store.users.countInTenant(tenantId),
    store.meetings.countParticipantsBetween(tenantId, new Date(now.getTime() - 30 * DAY_MS), now),
  ]);
  const weeks = Array.from({ length: REPORT_WEEKS }, (_, index) => {
    const weekStart = firstWeek.plus({ weeks: index });
    const next = weekStart.plus({ weeks: 1 });
    const meetingsHeld = starts.filter(
      (start) => start >= weekStart.toJSDate() && start < next.toJSDate(),
    ).length;
    return { weekStart: weekStart.toISODate() ?? '', meetingsHeld };
  });
  return {
    weeks,
    users,
    usersWithOneOnOneLast30Days: recent,
    shareWithOneOnOneLast30Days: users === 0 ? 0 : Math.min(1, recent / users),
  };
}
