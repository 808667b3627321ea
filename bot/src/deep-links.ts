// Links from a card into the app: a Teams deep link to the personal tab (the sub-entity id names the 1:1, as the
// tab's route expects), or the standalone web app's URL when no Teams app id is configured (development).
export interface LinkOptions {
  /** The Teams app id of the manifest; null: link to the web app instead (development inbox, browser). */
  readonly teamsAppId: string | null;
  /** The server's public base URL, without a trailing slash. */
  readonly publicUrl: string;
}

export interface DeepLinks {
  meeting(meetingId: string): string;
  /** My 1:1s (the personal tab's list). */
  list(): string;
}

/** The personal tab's entity id in manifest/appPackage/manifest.json. */
const PERSONAL_TAB = 'one-on-ones';

export function createDeepLinks(options: LinkOptions): DeepLinks {
  const web = (query: string) => `${options.publicUrl}/${query}`;
  const { teamsAppId } = options;
  if (!teamsAppId) {
    return { meeting: (id) => web(`?meeting=${encodeURIComponent(id)}`), list: () => web('') };
  }
  const entity = `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${PERSONAL_TAB}`;
  return {
    meeting: (id) => {
      const context = JSON.stringify({ subEntityId: `meeting:${id}` });
      const webUrl = web(`?meeting=${encodeURIComponent(id)}`);
      return `${entity}?webUrl=${encodeURIComponent(webUrl)}&context=${encodeURIComponent(context)}`;
    },
    list: () => entity,
  };
}
