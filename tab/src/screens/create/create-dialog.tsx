// "Create new 1:1": pick the person, then import a meeting with them from the connected calendar, or create from
// scratch: title, start, end, Repeat (weekly … monthly), an optional end date, and "add to my calendar".
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { Me, Repeat, UserSummary } from 'api/contract';
import { type FormEvent, useState } from 'react';
import { ApiError, describeError } from '../../api/api-error.ts';
import { useCreateOneOnOne } from '../../api/meeting-mutations.ts';
import { useServices } from '../../api/services.tsx';
import { openCard } from '../../shell/open-card.ts';
import { navigate } from '../../shell/route.ts';
import { utcToZonedLocal, zonedLocalToUtc } from '../../time/zoned-time.ts';
import { existingTarget } from './existing-link.ts';
import { ImportWithPerson } from './import-with-person.tsx';
import { PeoplePicker } from './people-picker.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    '& > *': { flexGrow: 1, minWidth: '180px' },
  },
});

const repeatOptions: { value: Repeat; label: string }[] = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'biweekly', label: 'Every 2 weeks' },
  { value: 'triweekly', label: 'Every 3 weeks' },
  { value: 'monthly', label: 'Monthly' },
];

/** The next full hour in the user's zone, and half an hour later: a sensible first suggestion. */
function defaultTimes(now: Date, timeZone: string): { start: string; end: string } {
  const next = new Date(Math.ceil((now.getTime() + 60_000) / 3_600_000) * 3_600_000);
  return {
    start: utcToZonedLocal(next.toISOString(), timeZone),
    end: utcToZonedLocal(new Date(next.getTime() + 30 * 60_000).toISOString(), timeZone),
  };
}

export function CreateDialog({
  me,
  person: picked = null,
  onClose,
}: {
  me: Me;
  /** Already picked (the Teams tab of a one-on-one chat picks the other person); still changeable. */
  person?: UserSummary | null;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { now } = useServices();
  const create = useCreateOneOnOne();
  const [initial] = useState(() => defaultTimes(now(), me.timeZone));
  const [person, setPerson] = useState<UserSummary | null>(picked);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const [repeat, setRepeat] = useState<Repeat>('weekly');
  const [until, setUntil] = useState('');
  const [tried, setTried] = useState(false);
  const calendarConnected = me.calendar?.state === 'connected';
  const [addToCalendar, setAddToCalendar] = useState(true);

  const effectiveTitle = title.trim() || (person ? `${me.displayName} / ${person.displayName}` : '');
  const endBeforeStart = start !== '' && end !== '' && end <= start;
  const untilBeforeStart = until !== '' && until < start.slice(0, 10);
  const valid =
    person !== null &&
    effectiveTitle !== '' &&
    start !== '' &&
    end !== '' &&
    !endBeforeStart &&
    !untilBeforeStart;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid || !person) return;
    create.mutate(
      {
        participantId: person.id,
        title: effectiveTitle,
        start: zonedLocalToUtc(start, me.timeZone),
        end: zonedLocalToUtc(end, me.timeZone),
        repeat,
        ...(repeat !== 'none' && until ? { until } : {}),
        ...(calendarConnected ? { addToCalendar } : {}),
      },
      {
        onSuccess: (card) => {
          onClose();
          openCard(card);
        },
      },
    );
  };

  const existing = create.error instanceof ApiError ? existingTarget(create.error.details) : null;
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>Create new 1:1</DialogTitle>
            <DialogContent className={styles.form}>
              <PeoplePicker
                meId={me.id}
                value={person}
                onChange={setPerson}
                validation={tried && !person ? 'Pick the person you meet with.' : undefined}
              />
              {person && calendarConnected && (
                <ImportWithPerson
                  me={me}
                  person={person}
                  onImported={(card) => {
                    onClose();
                    openCard(card);
                  }}
                />
              )}
              <Field
                label="Title"
                hint={person && !title ? `Leave empty for "${effectiveTitle}"` : undefined}
              >
                <Input value={title} maxLength={200} onChange={(_event, data) => setTitle(data.value)} />
              </Field>
              <div className={styles.row}>
                <Field label={`Start (${me.timeZone})`} required>
                  <Input
                    type="datetime-local"
                    value={start}
                    onChange={(_event, data) => setStart(data.value)}
                  />
                </Field>
                <Field
                  label={`End (${me.timeZone})`}
                  required
                  validationMessage={endBeforeStart ? 'The end must be after the start.' : undefined}
                >
                  <Input type="datetime-local" value={end} onChange={(_event, data) => setEnd(data.value)} />
                </Field>
              </div>
              <div className={styles.row}>
                <Field label="Repeat">
                  <Select value={repeat} onChange={(_event, data) => setRepeat(data.value as Repeat)}>
                    {repeatOptions.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </Select>
                </Field>
                {repeat !== 'none' && (
                  <Field
                    label="Ends on (optional)"
                    validationMessage={
                      untilBeforeStart ? 'The end date must be after the first 1:1.' : undefined
                    }
                  >
                    <Input type="date" value={until} onChange={(_event, data) => setUntil(data.value)} />
                  </Field>
                )}
              </div>
              {calendarConnected && (
                <Checkbox
                  checked={addToCalendar}
                  onChange={(_event, data) => setAddToCalendar(data.checked === true)}
                  label="Add to my calendar (the 1:1 then follows the calendar)"
                />
              )}
              {create.isError && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    {describeError(create.error)}{' '}
                    {existing && (
                      <Link
                        onClick={() => {
                          onClose();
                          navigate(existing);
                        }}
                      >
                        Open the existing 1:1
                      </Link>
                    )}
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" appearance="primary" disabled={create.isPending}>
                {create.isPending ? 'Creating…' : 'Create'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export default CreateDialog;
