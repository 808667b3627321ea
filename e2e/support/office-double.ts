// A test double of Office.js for the Outlook side panel: served in place of Microsoft's hosted script, it plays
// the documented item APIs of an appointment in read (attendee) or compose (organizer) form.
import type { BrowserContext } from 'playwright-core';

export interface DoublePerson {
  email: string;
  name: string;
  /** Rooms and resources: Outlook reports them as "other". */
  room?: boolean;
}

export interface DoubleAppointment {
  mode: 'organizer' | 'attendee';
  /** The REST (Graph) id; the double hands out its EWS form ("/" for "-"), as Outlook does. */
  restId: string | null;
  seriesMasterRestId?: string | null;
  subject: string;
  start: string;
  end: string;
  organizer: DoublePerson;
  attendees: DoublePerson[];
  user: DoublePerson;
  /** Office's body colour: decides light or dark. */
  bodyBackgroundColor?: string;
}

/**
 * The browser side of the double, plain JavaScript (it runs in the page as Office.js would); `CONFIG` is the
 * appointment as JSON.
 */
const officeDouble = `
const config = CONFIG;
const ok = (value) => ({ status: 'succeeded', value });
const details = (person) => ({
  displayName: person.name,
  emailAddress: person.email,
  recipientType: person.room ? 'other' : 'user',
});
const ews = (id) => (id ? id.replaceAll('-', '/') : undefined);
const asyncValue = (value) => ({ getAsync: (callback) => callback(ok(value)) });
const required = config.attendees.map(details);
const read = {
  itemType: 'appointment',
  itemId: ews(config.restId),
  seriesId: ews(config.seriesMasterRestId),
  subject: config.subject,
  start: new Date(config.start),
  end: new Date(config.end),
  organizer: details(config.organizer),
  requiredAttendees: required,
  optionalAttendees: [],
};
const compose = {
  itemType: 'appointment',
  seriesId: ews(config.seriesMasterRestId),
  getItemIdAsync: (callback) =>
    callback(config.restId ? ok(ews(config.restId))
      : { status: 'failed', error: { code: 9049, message: 'The item has not been saved.' } }),
  subject: asyncValue(config.subject),
  start: asyncValue(new Date(config.start)),
  end: asyncValue(new Date(config.end)),
  organizer: asyncValue(details(config.organizer)),
  requiredAttendees: asyncValue(required),
  optionalAttendees: asyncValue([]),
};
window.Office = {
  onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  HostType: { Outlook: 'Outlook' },
  MailboxEnums: { ItemType: { Appointment: 'appointment', Message: 'message' }, RestVersion: { v2_0: 'v2.0' } },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  context: {
    displayLanguage: 'en-GB',
    officeTheme: { bodyBackgroundColor: config.bodyBackgroundColor ?? '#ffffff' },
    mailbox: {
      item: config.mode === 'attendee' ? read : compose,
      userProfile: { displayName: config.user.name, emailAddress: config.user.email },
      // Documented: the REST form of an EWS id has "-" for "/" and "_" for "+".
      convertToRestId: (id) => id.replaceAll('/', '-').replaceAll('+', '_'),
    },
    ui: { messageParent: () => undefined },
  },
  auth: {
    getAccessToken: () => Promise.reject({ code: 13012, message: 'SSO is not available in the test double' }),
  },
};
`;

/** Every page of the context that loads Office.js gets the double for this appointment. */
export async function serveOfficeDouble(
  context: BrowserContext,
  appointment: DoubleAppointment,
): Promise<void> {
  await context.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({
      contentType: 'application/javascript',
      body: officeDouble.replace('CONFIG', () => JSON.stringify(appointment)),
    }),
  );
}
