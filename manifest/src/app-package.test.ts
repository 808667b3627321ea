// The app package as Teams and Outlook receive it: built from the committed "local" environment, unzipped,
// and checked against the official v1.30 schema and the hosts' own rules.
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { idProblems, type Manifest, pngSize, schemaErrors, urlProblems } from './app-package-checks.ts';
import { loadEnvironment, MissingVariablesError } from './environment.ts';
import { buildAppPackage, InvalidAppPackageError } from './package-app.ts';

const env = loadEnvironment('local');
const built = buildAppPackage(env);
const unzipped = unzipSync(built.zip);
const manifest = JSON.parse(strFromU8(unzipped['manifest.json']!)) as Manifest;
type Entry = Record<string, unknown>;
const list = (value: unknown) => value as Entry[];

describe('npm run package (manifest/build/appPackage.<env>.zip)', () => {
  it('holds exactly the manifest and its two icons', () => {
    expect(Object.keys(unzipped).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('the packaged manifest passes the official v1.30 JSON schema', () => {
    expect(manifest.manifestVersion).toBe('1.30');
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it('has no placeholder left unfilled', () => {
    expect(strFromU8(unzipped['manifest.json']!)).not.toMatch(/\$\{\{/);
  });

  it('is byte-identical when built twice from the same environment', () => {
    expect(Buffer.from(buildAppPackage(env).zip).equals(Buffer.from(built.zip))).toBe(true);
  });

  it('icons are a 192×192 colour PNG and a 32×32 outline PNG', () => {
    expect(pngSize(unzipped['color.png']!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(unzipped['outline.png']!)).toEqual({ width: 32, height: 32 });
  });

  it('the outline icon is white on transparent, as Teams requires', () => {
    const png = PNG.sync.read(Buffer.from(unzipped['outline.png']!));
    let opaque = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3]!;
      if (alpha === 0) continue;
      opaque++;
      expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(0);
    expect(opaque).toBeLessThan(32 * 32);
  });

  it('ids are unique and every ribbon button opens a declared action', () => {
    expect(idProblems(manifest)).toEqual([]);
    const clash = structuredClone(manifest);
    list(clash.staticTabs)[2]!.entityId = 'one-on-ones';
    expect(idProblems(clash)).toEqual(['id "one-on-ones" is used more than once']);
  });

  it('every URL Teams or Outlook loads is https on a valid domain', () => {
    expect(urlProblems(manifest)).toEqual([]);
    const stray = structuredClone(manifest);
    list(list(stray.staticTabs))[0]!.contentUrl = 'http://elsewhere.example/tab';
    expect(urlProblems(stray)).toEqual([
      '/staticTabs/0/contentUrl: http://elsewhere.example/tab is not https',
      '/staticTabs/0/contentUrl: elsewhere.example is not in validDomains',
    ]);
  });
});

describe('what the manifest declares (SPEC.md "Who uses it, and where")', () => {
  it('a configurable tab for 1:1 and group chats, meeting chat, meeting details and the meeting side panel', () => {
    const [tab, ...others] = list(manifest.configurableTabs);
    expect(others).toEqual([]);
    expect(tab?.scopes).toEqual(['groupChat']);
    expect(tab?.context).toEqual([
      'privateChatTab',
      'meetingChatTab',
      'meetingDetailsTab',
      'meetingSidePanel',
    ]);
  });

  it('a personal app: the "1:1s" static tab, the bot chat and About', () => {
    const tabs = list(manifest.staticTabs);
    expect(tabs.map((t) => t.entityId)).toEqual(['one-on-ones', 'conversations', 'about']);
    expect(tabs[0]).toMatchObject({ name: '1:1s', scopes: ['personal'] });
  });

  it('the bot in personal scope, with the provisioned bot id, answering the help and my 1:1s commands', () => {
    expect(list(manifest.bots)).toEqual([
      expect.objectContaining({ botId: env.BOT_ID, scopes: ['personal'], isNotificationOnly: false }),
    ]);
    const [bot] = list(manifest.bots) as { commandLists: { commands: { title: string }[] }[] }[];
    expect(bot?.commandLists[0]?.commands.map((command) => command.title)).toEqual(['help', 'my 1:1s']);
  });

  it('an Outlook add-in on calendar items (organizer and attendee) with a button that opens the task pane', () => {
    const [extension] = list(manifest.extensions);
    const [runtime] = list(extension?.runtimes);
    const [action] = list(runtime?.actions);
    expect(action).toMatchObject({ type: 'openPage' });
    expect(runtime?.code).toEqual({ page: `${env.TAB_ENDPOINT}/?host=outlook` });
    const [ribbon] = list(extension?.ribbons);
    expect(ribbon?.contexts).toEqual(['meetingDetailsOrganizer', 'meetingDetailsAttendee']);
    const [group] = list(list(ribbon?.tabs)[0]?.groups);
    expect(list(group?.controls)[0]).toMatchObject({ type: 'button', actionId: action?.id });
    expect(extension?.requirements).toMatchObject({ scopes: ['mail'] });
    expect(manifest.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'MailboxItem.Read.User', type: 'Delegated' }] },
    });
  });

  it('SSO asks for the audience the API accepts: api://<tab domain>/<client id>', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: env.AAD_APP_CLIENT_ID,
      resource: `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual([env.TAB_DOMAIN]);
  });
});

describe('packaging refuses what the hosts would reject', () => {
  it('a missing environment variable stops packaging and is named', () => {
    const { BOT_ID: _bot, TAB_ENDPOINT: _endpoint, ...partial } = env;
    expect(() => buildAppPackage(partial)).toThrow(MissingVariablesError);
    expect(() => buildAppPackage(partial)).toThrow(/BOT_ID.*TAB_ENDPOINT|TAB_ENDPOINT.*BOT_ID/);
  });

  it('a value that breaks the schema is reported with its path', () => {
    const attempt = () => buildAppPackage({ ...env, TEAMS_APP_ID: 'not-a-guid' });
    expect(attempt).toThrow(InvalidAppPackageError);
    expect(attempt).toThrow(/\/id: must match pattern/);
  });

  it('a tab domain that is not https-reachable is refused', () => {
    const attempt = () => buildAppPackage({ ...env, TAB_ENDPOINT: 'http://localhost:3978' });
    expect(attempt).toThrow(/is not https/);
  });
});
