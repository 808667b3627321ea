// How dates and times read in the UI: always in the signed-in user's time zone and locale.

export function formatDateTime(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "Tue, 4 Mar 2025, 10:00 – 10:30" */
export function formatRange(startIso: string, endIso: string, timeZone: string, locale?: string): string {
  const end = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(
    new Date(endIso),
  );
  return `${formatDateTime(startIso, timeZone, locale)} – ${end}`;
}

/** A due date (YYYY-MM-DD, no time zone) as the user reads it. */
export function formatDueDate(date: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}
