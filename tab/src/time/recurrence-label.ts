// Names a recurrence the way the create form offers it.
import type { Recurrence } from 'api/contract';

export function recurrenceLabel(recurrence: Recurrence | null): string {
  if (!recurrence) return 'Does not repeat';
  if (recurrence.frequency === 'monthly') return 'Monthly';
  if (recurrence.interval === 1) return 'Weekly';
  return `Every ${recurrence.interval} weeks`;
}
