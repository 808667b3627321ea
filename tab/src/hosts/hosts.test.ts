import { describe, expect, it } from 'vitest';
import { createBrowserHost } from './browser.ts';
import { SignInRequiredError } from './host.ts';
import { teamsTheme } from './teams.ts';

describe('hosts', () => {
  it('the browser host signs in as a demo user with the Dev scheme, for requests and the stream', async () => {
    const host = createBrowserHost(window.localStorage, () => false);
    await expect(host.credentials()).rejects.toBeInstanceOf(SignInRequiredError);
    host.signIn('aaaaaaaaaaaaaaaaaaaaaaaa');
    expect(await host.credentials()).toEqual({
      authorization: 'Dev aaaaaaaaaaaaaaaaaaaaaaaa',
      streamToken: 'Dev aaaaaaaaaaaaaaaaaaaaaaaa',
    });
  });

  it('the browser theme switch is remembered and announced', () => {
    const seen: string[] = [];
    const host = createBrowserHost(window.localStorage, () => false);
    host.onThemeChange((theme) => seen.push(theme));
    host.setTheme('contrast');
    expect(seen).toEqual(['contrast']);
    expect(createBrowserHost(window.localStorage, () => false).theme()).toBe('contrast');
  });

  it("Teams' default, dark and contrast themes map to ours", () => {
    expect(teamsTheme('default')).toBe('light');
    expect(teamsTheme('dark')).toBe('dark');
    expect(teamsTheme('contrast')).toBe('contrast');
  });
});
