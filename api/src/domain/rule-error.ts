// RuleError: the one error the domain throws when a rule of SPEC.md refuses a request; one handler maps it to HTTP.

/**
 * Every rule the domain can refuse with, its HTTP status (SPEC.md: 400 bad input, 403 not allowed,
 * 404 not found or not visible, 409 conflict, 422 rule refused) and the message that names the rule.
 */
export const RULES = {
  NOT_PARTICIPANT: { status: 404, message: 'Not found.' },
  MODULE_DISABLED: { status: 403, message: 'The 1:1s module is disabled for your organization.' },
  NOT_ADMIN: { status: 403, message: 'Only an admin of your organization can do this.' },
  MODULE_NAME_INVALID: { status: 400, message: 'The module name must be 1 to 50 characters.' },

  SAME_PARTICIPANT: { status: 422, message: 'A 1:1 needs two different people.' },
  ONE_SERIES_PER_PAIR: { status: 409, message: 'You two already have an active recurring 1:1.' },
  TITLE_EMPTY: { status: 400, message: 'The title must not be empty.' },
  TITLE_TOO_LONG: { status: 400, message: 'The title must be at most 200 characters.' },
  END_BEFORE_START: { status: 400, message: 'The end must be after the start.' },
  INVALID_DATE: { status: 400, message: 'The date is not valid.' },
  INVALID_TIME_ZONE: { status: 400, message: 'The time zone is not a valid IANA time zone.' },
  REPEAT_INVALID: {
    status: 400,
    message: 'Repeat must be none, weekly, every 2 weeks, every 3 weeks or monthly.',
  },
  UNTIL_BEFORE_START: {
    status: 400,
    message: 'The end date of the repetition must not be before the start.',
  },

  ARCHIVE_NOT_PAST: { status: 422, message: 'Only a past 1:1 or a past series can be archived.' },
  ARCHIVE_CONNECTED_RECURRENCE_NOT_ENDED: {
    status: 422,
    message: 'A connected series can be archived only after its recurrence has ended in the calendar.',
  },
  ARCHIVE_SERIES_INSTANCE: {
    status: 422,
    message: 'An instance of a series is archived with its series, not on its own.',
  },
  DELETE_NOT_OWNER: { status: 403, message: 'Only the owner of a 1:1 can delete it.' },
  DELETE_PAST: { status: 422, message: 'A past 1:1 cannot be deleted; archive it instead.' },
  DELETE_INSTANCE_NOT_FUTURE: { status: 422, message: 'Only a future instance of a series can be deleted.' },
  DELETE_SERIES_STARTED: {
    status: 422,
    message: 'A series can be deleted only while none of its instances has started.',
  },

  ITEM_MOVED: {
    status: 422,
    message: 'This item moved to a later 1:1 and is read-only here; change it where it now lives.',
  },
  TOPIC_EDIT_NOT_AUTHOR: { status: 403, message: 'Only the participant who added a topic can edit it.' },
  TOPIC_DELETE_NOT_AUTHOR: { status: 403, message: 'Only the participant who added a topic can delete it.' },
  ACTION_EDIT_NOT_AUTHOR: {
    status: 403,
    message: 'Only the participant who added an action item can edit its text.',
  },
  ASSIGNEE_NOT_PARTICIPANT: { status: 422, message: 'The assignee must be one of the two participants.' },
  TOPIC_HAS_NO_ASSIGNEE: { status: 400, message: 'Only action items have an assignee and a due date.' },
  DUE_INVALID: { status: 400, message: 'The due date must be a calendar day (YYYY-MM-DD).' },
  TEXT_EMPTY: { status: 400, message: 'The text must not be empty.' },
  TEXT_TOO_LONG: { status: 400, message: 'The text must be at most 2000 characters.' },
  MOVE_TARGET_UNKNOWN: { status: 400, message: 'The item to place this one after is not in the same list.' },
  ORDER_CONFLICT: { status: 409, message: 'The order changed at the same time; reload and try again.' },

  NOTES_TOO_LONG: { status: 400, message: 'Notes must be at most 100,000 characters.' },
  NOTES_BASE_VERSION_UNKNOWN: {
    status: 400,
    message: 'The notes version your edit is based on does not exist.',
  },
  NOTES_CONFLICT: {
    status: 409,
    message: 'The other participant changed the same part of the notes; both versions are returned.',
  },
} as const satisfies Record<string, { status: 400 | 403 | 404 | 409 | 422; message: string }>;

export type RuleCode = keyof typeof RULES;
export type RuleStatus = (typeof RULES)[RuleCode]['status'];

export class RuleError extends Error {
  readonly code: RuleCode;
  readonly status: RuleStatus;
  /** Extra facts for the client, e.g. `{ existingSeriesId }` for ONE_SERIES_PER_PAIR. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: RuleCode, details?: Readonly<Record<string, unknown>>, message?: string) {
    super(message ?? RULES[code].message);
    this.name = 'RuleError';
    this.code = code;
    this.status = RULES[code].status;
    this.details = details;
  }
}

export function isRuleError(error: unknown): error is RuleError {
  return error instanceof RuleError;
}
