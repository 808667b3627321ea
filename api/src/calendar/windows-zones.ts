// Graph names time zones the Windows way ("W. Europe Standard Time"); the app speaks IANA. The mapping is
// CLDR's windowsZones table as maintained by the windows-iana package.
import { findIana } from 'windows-iana';
import { isValidTimeZone } from '../domain/recurrence.ts';

/** Zone names are few and looked up for every event: each is resolved once per process. */
const resolved = new Map<string, string | null>();

/** The IANA zone of a Windows or IANA zone name (Graph accepts both), or null when unknown. */
export function ianaZoneOf(zone: string | null | undefined): string | null {
  if (!zone) return null;
  const known = resolved.get(zone);
  if (known !== undefined) return known;
  const iana = resolve(zone);
  resolved.set(zone, iana);
  return iana;
}

function resolve(zone: string): string | null {
  if (zone === 'UTC' || zone === 'tzone://Microsoft/Utc') return 'UTC';
  // CLDR lists the zone of the territory "001" (the golden zone) first.
  const [golden] = findIana(zone);
  if (golden && isValidTimeZone(golden)) return golden;
  return isValidTimeZone(zone) ? zone : null;
}
