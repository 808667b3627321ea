import { describe, expect, it } from 'vitest';
import { ITEM_TEXT_MAX_LENGTH, singleUrl, validateItemText } from './item-text.ts';

describe('a topic made of a single URL is rendered as a link', () => {
  it('recognises a whole text that is one http or https URL', () => {
    expect(singleUrl('https://example.com/doc?id=1#top')).toBe('https://example.com/doc?id=1#top');
    expect(singleUrl('  http://intranet.contoso.com/okr  ')).toBe('http://intranet.contoso.com/okr');
    expect(singleUrl('https://EXAMPLE.com')).toBe('https://example.com/');
  });

  it('does not treat text around a URL as a link', () => {
    expect(singleUrl('see https://example.com')).toBeNull();
    expect(singleUrl('https://example.com and more')).toBeNull();
    expect(singleUrl('Quarterly goals')).toBeNull();
    expect(singleUrl('example.com')).toBeNull();
  });

  it('never makes a link of an unsafe or non-web scheme', () => {
    expect(singleUrl('javascript:alert(1)')).toBeNull();
    expect(singleUrl('JavaScript:alert(1)')).toBeNull();
    expect(singleUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(singleUrl('vbscript:msgbox')).toBeNull();
    expect(singleUrl('file:///etc/passwd')).toBeNull();
    expect(singleUrl('mailto:someone@example.com')).toBeNull();
    expect(singleUrl('ftp://example.com/file')).toBeNull();
  });
});

describe('item text', () => {
  it('is stored trimmed, with its link', () => {
    expect(validateItemText('  Career goals \n')).toEqual({ text: 'Career goals', url: null });
    expect(validateItemText(' https://example.com/a ')).toEqual({
      text: 'https://example.com/a',
      url: 'https://example.com/a',
    });
  });

  it('must not be empty after trimming', () => {
    expect(() => validateItemText('   \n\t')).toThrow(
      expect.objectContaining({ code: 'TEXT_EMPTY', status: 400 }),
    );
  });

  it('is at most 2000 characters after trimming', () => {
    expect(validateItemText(` ${'x'.repeat(ITEM_TEXT_MAX_LENGTH)} `).text).toHaveLength(2000);
    expect(() => validateItemText('x'.repeat(ITEM_TEXT_MAX_LENGTH + 1))).toThrow(
      expect.objectContaining({ code: 'TEXT_TOO_LONG' }),
    );
  });
});
