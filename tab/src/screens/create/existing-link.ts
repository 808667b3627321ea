// SPEC.md "One series per pair": the refusal links to the existing series; find that link in the error details.
import type { Route } from '../../shell/route.ts';

const objectId = /^[0-9a-f]{24}$/;

export function existingTarget(details: Record<string, unknown> | undefined): Route | null {
  if (!details) return null;
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' && objectId.test(value)) {
      if (/series/i.test(key)) return { screen: 'series', id: value };
      if (/meeting/i.test(key)) return { screen: 'meeting', id: value };
    }
    if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') {
      const kind = 'kind' in value && value.kind === 'single' ? 'meeting' : 'series';
      return { screen: kind, id: value.id };
    }
  }
  return null;
}
