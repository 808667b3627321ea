// The Outlook host reads the appointment in both forms through Office.js' documented item APIs (a stub here),
// converts ids to REST form, counts people the way the API does, and falls back to the dialog for SSO.
import { afterEach, describe, expect, it } from 'vitest';
import { SignInRequiredError } from './host.ts';
import { readAppointment } from './office-api.ts';
import { createOutlookHost, parseDialogAnswer } from './outlook.ts';

const person = (name: string, recipientType = 'user') => ({
  displayName: name,
  emailAddress: `${name.toLowerCase()}@contoso.test`,
  recipientType,
});
const ok = (value: unknown) => ({ status: 'succeeded', value });
const asyncValue = (value: unknown) => ({
  getAsync: (callback: (result: unknown) => void) => callback(ok(value)),
});

function stubOffice(item: Record<string, unknown>, dialogMessage = '') {
  const office = {
    onReady: () => Promise.resolve({ host: 'Outlook' }),
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    MailboxEnums: { ItemType: { Appointment: 'appointment' } },
    EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
    context: {
      displayLanguage: 'en-GB',
      officeTheme: { bodyBackgroundColor: '#1f1f1f' },
      mailbox: {
        item: { itemType: 'appointment', ...item },
        userProfile: { displayName: 'Olivia', emailAddress: 'olivia@contoso.test' },
        convertToRestId: (id: string) => id.replaceAll('/', '-').replaceAll('+', '_'),
      },
      ui: {
        displayDialogAsync: (_url: string, _options: unknown, callback: (result: unknown) => void) => {
          const handlers = new Map<string, (event: unknown) => void>();
          callback(
            ok({
              addEventHandler: (type: string, handler: (event: unknown) => void) => {
                handlers.set(type, handler);
                if (type === 'message') queueMicrotask(() => handler({ message: dialogMessage }));
              },
              close: () => undefined,
            }),
          );
        },
      },
    },
    auth: { getAccessToken: () => Promise.reject({ code: 13012, message: 'not supported' }) },
  };
  Object.assign(globalThis, { Office: office });
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'Office');
});

describe('Outlook host', () => {
  it('reads an attendee (read form) item with REST ids and its people without rooms', async () => {
    stubOffice({
      itemId: 'AAMk/abc+1',
      seriesId: 'AAMk/master',
      subject: 'Olivia / Pat',
      start: new Date('2026-03-03T09:00:00Z'),
      end: new Date('2026-03-03T09:30:00Z'),
      organizer: person('Pat'),
      requiredAttendees: [person('Olivia'), person('Room', 'other')],
      optionalAttendees: [],
    });
    expect(await readAppointment()).toMatchObject({
      mode: 'attendee',
      restId: 'AAMk-abc_1',
      seriesMasterRestId: 'AAMk-master',
      subject: 'Olivia / Pat',
      people: [{ email: 'pat@contoso.test' }, { email: 'olivia@contoso.test' }],
    });
  });

  it('reads an organizer (compose form) item through getAsync; a never-saved item has no id', async () => {
    stubOffice({
      getItemIdAsync: (callback: (result: unknown) => void) =>
        callback({ status: 'failed', error: { message: 'not saved' } }),
      subject: asyncValue('Coffee'),
      start: asyncValue(new Date('2026-03-05T14:00:00Z')),
      end: asyncValue(new Date('2026-03-05T14:30:00Z')),
      organizer: asyncValue(person('Olivia')),
      requiredAttendees: asyncValue([person('Pat'), person('Sam')]),
      optionalAttendees: asyncValue([]),
    });
    const appointment = await readAppointment();
    expect(appointment).toMatchObject({ mode: 'organizer', restId: null, subject: 'Coffee' });
    expect(appointment?.people).toHaveLength(3);
  });

  it("without Office SSO the dialog's token signs the requests; Office's dark body colour gives the dark theme", async () => {
    stubOffice({ itemId: 'AAMk/1', subject: 'x', start: new Date(), end: new Date() }, '{"token":"abc"}');
    const host = await createOutlookHost(window.sessionStorage);
    expect(host.theme()).toBe('dark');
    expect(await host.credentials()).toEqual({ authorization: 'Bearer abc', streamToken: 'abc' });
  });

  it('a dialog that ends without a token asks the user to sign in', () => {
    expect(() => parseDialogAnswer('{"error":"cancelled"}')).toThrow(SignInRequiredError);
  });
});
