import { describe, expect, it } from 'vitest';
import { utcToZonedLocal, zonedLocalToUtc } from './zoned-time.ts';

describe('times are entered and shown in my time zone', () => {
  it('a 10:00 meeting stays at 10:00 local across the daylight-saving change', () => {
    expect(zonedLocalToUtc('2025-03-24T10:00', 'Europe/Paris')).toBe('2025-03-24T09:00:00.000Z');
    expect(zonedLocalToUtc('2025-03-31T10:00', 'Europe/Paris')).toBe('2025-03-31T08:00:00.000Z');
    expect(zonedLocalToUtc('2025-11-03T10:00', 'America/New_York')).toBe('2025-11-03T15:00:00.000Z');
  });

  it('round-trips a UTC instant through the local value an input shows', () => {
    expect(utcToZonedLocal('2025-03-31T08:00:00.000Z', 'Europe/Paris')).toBe('2025-03-31T10:00');
    expect(utcToZonedLocal('2025-07-01T23:30:00.000Z', 'Asia/Tokyo')).toBe('2025-07-02T08:30');
  });
});
