/// <reference types="office-js" />
// Office.js at one edge: loads the hosted script, and wraps every callback API the side panel uses in a promise.

/** Microsoft's hosted Office.js (add-ins must load it from here, not from a bundle). */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** A person of the appointment as Outlook lists them. */
export interface AppointmentPerson {
  email: string;
  name: string;
}

/** The calendar item the side panel was opened on, in either mode. */
export interface Appointment {
  /** organizer: the compose form (the user organizes it); attendee: the read form. */
  mode: 'organizer' | 'attendee';
  /** REST (Graph) id of the item, or null for a new appointment that was never saved. */
  restId: string | null;
  /** REST id of the series master when the item is an occurrence of a series. */
  seriesMasterRestId: string | null;
  subject: string;
  start: Date;
  end: Date;
  organizer: AppointmentPerson | null;
  /** Organizer, required and optional attendees, one entry per e-mail (the way the API counts people). */
  people: AppointmentPerson[];
}

export function loadOfficeJs(doc: Document = document): Promise<void> {
  if (typeof Office !== 'undefined') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = OFFICE_JS_URL;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Office.js could not be loaded.'));
    doc.head.append(script);
  });
}

/** Office.onReady, after loading the script; rejects outside Outlook (the panel then cannot read an item). */
export async function officeReady(): Promise<Office.HostType | null> {
  await loadOfficeJs();
  const info = await Office.onReady();
  return info.host ?? null;
}

function settle<T>(resolve: (value: T) => void, reject: (error: Error) => void) {
  return (result: Office.AsyncResult<T>) => {
    if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
    else reject(new Error(result.error?.message ?? 'Outlook refused the request.'));
  };
}

/** `getAsync` of a compose-form property as a promise. */
function getAsync<T>(property: { getAsync(callback: (result: Office.AsyncResult<T>) => void): void }) {
  return new Promise<T>((resolve, reject) => property.getAsync(settle(resolve, reject)));
}

function personOf(details: Office.EmailAddressDetails): AppointmentPerson {
  return { email: details.emailAddress.toLowerCase(), name: details.displayName || details.emailAddress };
}

/** One entry per e-mail, organizer first; distribution lists and rooms ("other") are not people. */
function peopleOf(organizer: AppointmentPerson | null, lists: Office.EmailAddressDetails[][]) {
  const byEmail = new Map<string, AppointmentPerson>();
  if (organizer) byEmail.set(organizer.email, organizer);
  for (const details of lists.flat()) {
    if (details.recipientType === 'other' || details.recipientType === 'distributionList') continue;
    const person = personOf(details);
    if (!byEmail.has(person.email)) byEmail.set(person.email, person);
  }
  return [...byEmail.values()];
}

const restIdOf = (ewsId: string | undefined | null) =>
  ewsId ? Office.context.mailbox.convertToRestId(ewsId, 'v2.0') : null;

function isReadForm(
  item: Office.AppointmentCompose | Office.AppointmentRead,
): item is Office.AppointmentRead {
  return typeof item.subject === 'string';
}

function readForm(item: Office.AppointmentRead): Appointment {
  const organizer = item.organizer ? personOf(item.organizer) : null;
  return {
    mode: 'attendee',
    restId: restIdOf(item.itemId),
    seriesMasterRestId: restIdOf(item.seriesId),
    subject: item.subject,
    start: new Date(item.start),
    end: new Date(item.end),
    organizer,
    people: peopleOf(organizer, [item.requiredAttendees ?? [], item.optionalAttendees ?? []]),
  };
}

/** The compose form: the organizer is the signed-in user; a never-saved item has no id yet. */
async function composeForm(item: Office.AppointmentCompose): Promise<Appointment> {
  const itemId = await new Promise<string>((resolve, reject) =>
    item.getItemIdAsync(settle(resolve, reject)),
  ).catch(() => null);
  const [subject, start, end, required, optional, organizerDetails] = await Promise.all([
    getAsync<string>(item.subject),
    getAsync<Date>(item.start),
    getAsync<Date>(item.end),
    getAsync<Office.EmailAddressDetails[]>(item.requiredAttendees),
    getAsync<Office.EmailAddressDetails[]>(item.optionalAttendees),
    getAsync<Office.EmailAddressDetails>(item.organizer).catch(() => null),
  ]);
  const me = Office.context.mailbox.userProfile;
  const organizer = organizerDetails
    ? personOf(organizerDetails)
    : { email: me.emailAddress.toLowerCase(), name: me.displayName };
  return {
    mode: 'organizer',
    restId: restIdOf(itemId),
    seriesMasterRestId: restIdOf(item.seriesId),
    subject,
    start: new Date(start),
    end: new Date(end),
    organizer,
    people: peopleOf(organizer, [required, optional]),
  };
}

export async function readAppointment(): Promise<Appointment | null> {
  const item = Office.context.mailbox?.item as Office.AppointmentCompose | Office.AppointmentRead | undefined;
  if (!item || item.itemType !== Office.MailboxEnums.ItemType.Appointment) return null;
  return isReadForm(item) ? readForm(item) : composeForm(item);
}

/** Office's light or dark body colour; Outlook gives no change event, so it is read once. */
export function officeIsDark(): boolean {
  const colour = Office.context.officeTheme?.bodyBackgroundColor ?? '#ffffff';
  const value = Number.parseInt(colour.replace('#', '').slice(0, 6), 16);
  if (Number.isNaN(value)) return false;
  const luminance = 0.299 * ((value >> 16) & 255) + 0.587 * ((value >> 8) & 255) + 0.114 * (value & 255);
  return luminance < 128;
}

/** Office SSO errors that need the user (13001 not signed in, 13002 consent declined). */
export class OfficeSsoError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.name = 'OfficeSsoError';
    this.code = code;
  }
}

export async function officeAccessToken(): Promise<string> {
  try {
    return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
  } catch (error) {
    const code = typeof error === 'object' && error && 'code' in error ? Number(error.code) : 0;
    const message = error instanceof Error ? error.message : String((error as { message?: string })?.message);
    throw new OfficeSsoError(code, message);
  }
}

/**
 * The dialog fallback: opens `url` in Office's dialog and resolves with the message its end page sends
 * (`Office.context.ui.messageParent`), or rejects when the user closes it.
 */
export function dialogMessage(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(
      url,
      { height: 60, width: 30, promptBeforeOpen: false },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new Error(result.error.message));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (event) => {
          dialog.close();
          if ('message' in event) resolve(event.message);
          else reject(new Error('The sign-in window sent nothing.'));
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () =>
          reject(new Error('The sign-in window was closed.')),
        );
      },
    );
  });
}

/** The dialog's end page: hands its result to the task pane. */
export function sendToParent(message: string): void {
  Office.context.ui.messageParent(message);
}
