// The pieces every card is made of: Adaptive Card 1.5 elements that Teams renders, and dates in the recipient's zone.

/** An Adaptive Card (or one of its elements) as plain JSON. */
export type CardJson = Record<string, unknown>;

/** Teams renders Adaptive Cards up to 1.5 in bot messages on every client (desktop, web, mobile). */
export const CARD_VERSION = '1.5';

export function adaptiveCard(body: CardJson[], actions: CardJson[]): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    actions,
    msteams: { width: 'Full' },
  };
}

export function heading(text: string): CardJson {
  return { type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' };
}

export function text(value: string, options: { subtle?: boolean; bold?: boolean } = {}): CardJson {
  return {
    type: 'TextBlock',
    text: value,
    wrap: true,
    ...(options.subtle ? { isSubtle: true, spacing: 'None' } : {}),
    ...(options.bold ? { weight: 'Bolder' } : {}),
  };
}

export function facts(list: readonly (readonly [string, string])[]): CardJson {
  return { type: 'FactSet', facts: list.map(([title, value]) => ({ title, value })) };
}

/** A bulleted list as one Markdown text block (Teams renders "- " lists); empty lists say so. */
export function bullets(items: readonly string[], empty: string): CardJson {
  if (items.length === 0) return text(empty, { subtle: true });
  return { type: 'TextBlock', text: items.map((item) => `- ${item}`).join('\r'), wrap: true };
}

export function openUrl(title: string, url: string): CardJson {
  return { type: 'Action.OpenUrl', title, url };
}

/** Text typed by people on one line: a line break would end a bullet (and Teams has no Markdown escapes). */
export function oneLine(value: string, max = 300): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** "Tue 14 Mar 2025, 10:00–10:30" in the recipient's zone. */
export function timeRange(startIso: string, endIso: string, timeZone: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const start = new Date(startIso);
  return `${day.format(start)}, ${time.format(start)}–${time.format(new Date(endIso))}`;
}

/** "10 Mar – 16 Mar 2025" for a week [start, end) in the recipient's zone. */
export function weekRange(startIso: string, endIso: string, timeZone: string, locale: string): string {
  const short = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' });
  const long = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  const lastDay = new Date(new Date(endIso).getTime() - 1);
  return `${short.format(new Date(startIso))} – ${long.format(lastDay)}`;
}

/** A calendar day ("2025-03-14") as "14 Mar" (a due date is a day, not an instant: no zone applies). */
export function dueDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
