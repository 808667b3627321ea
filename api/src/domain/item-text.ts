// Text of topics and action items: length limits, and recognition of an item made of a single URL.
import { RuleError } from './rule-error.ts';

export const ITEM_TEXT_MAX_LENGTH = 2000;

const LINK_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The URL when the whole text is one http(s) URL (SPEC.md: "made of a single URL, rendered as a link"),
 * else null. Only http and https: javascript:, data: and the like would be unsafe in an href.
 */
export function singleUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const url = URL.parse(trimmed);
  if (url === null || !LINK_PROTOCOLS.has(url.protocol) || url.hostname === '') return null;
  return url.href;
}

/** The stored text (trimmed) and its link, or a RuleError for empty or over-long text. */
export function validateItemText(text: string): { text: string; url: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') throw new RuleError('TEXT_EMPTY');
  if (trimmed.length > ITEM_TEXT_MAX_LENGTH) throw new RuleError('TEXT_TOO_LONG');
  return { text: trimmed, url: singleUrl(trimmed) };
}
