// Outlook meeting side panel (SPEC.md "Who uses it"): the linked 1:1's workspace, "Create 1:1 from this
// meeting" for an unlinked two-person meeting, or why it cannot be one.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarCandidate, ConnectAnswer, ImportAnswer, Me } from 'api/contract';
import type { ReactNode } from 'react';
import { describeError } from '../../api/api-error.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useServices } from '../../api/services.tsx';
import type { Appointment } from '../../hosts/office-api.ts';
import type { OutlookHost } from '../../hosts/outlook.ts';
import { Notice } from '../../shell/notice.tsx';
import { navigate } from '../../shell/route.ts';
import { LoadFailure, Loading } from '../../shell/status-screens.tsx';
import { formatRange } from '../../time/format-time.ts';
import { WorkspaceScreen } from '../workspace/workspace-screen.tsx';
import { eventQueryKey, useEventAnswer } from './event-one-on-one-query.ts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meeting: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function SidePanel({ me }: { me: Me }) {
  const { host } = useServices();
  const appointment = (host as OutlookHost).appointment;
  if (!appointment) {
    return (
      <Notice intent="info" title="No meeting">
        Open this panel on a calendar meeting to see its 1:1.
      </Notice>
    );
  }
  if (!appointment.restId) {
    return (
      <Notice intent="info" title="Not saved yet">
        Save or send this meeting first; its 1:1 can be created once it is in your calendar.
      </Notice>
    );
  }
  return <LinkedOrNot appointment={{ ...appointment, restId: appointment.restId }} me={me} />;
}

function LinkedOrNot({ appointment, me }: { appointment: Appointment & { restId: string }; me: Me }) {
  const answer = useEventAnswer(appointment);
  if (answer.isPending) return <Loading label="Looking for this meeting's 1:1" />;
  if (answer.isError) return <LoadFailure error={answer.error} onRetry={() => answer.refetch()} />;
  const { data } = answer;
  if (data.linked) {
    const { meetingId } = data.oneOnOne;
    if (meetingId) return <WorkspaceScreen meetingId={meetingId} me={me} />;
    return (
      <Notice intent="info" title={data.oneOnOne.card.title}>
        This 1:1 has no meeting to show.
      </Notice>
    );
  }
  return <CreateFromMeeting appointment={appointment} candidate={data.candidate} me={me} />;
}

function MeetingSummary({ appointment, me }: { appointment: Appointment; me: Me }) {
  const styles = useStyles();
  const others = appointment.people.filter((person) => person.email !== me.email.toLowerCase());
  return (
    <div className={styles.meeting}>
      <Text as="h2" size={400} weight="semibold">
        {appointment.subject || 'Untitled meeting'}
      </Text>
      <Text>{formatRange(appointment.start.toISOString(), appointment.end.toISOString(), me.timeZone)}</Text>
      <Text>
        {appointment.people.length === 1
          ? 'Only you'
          : `With ${others.map((person) => person.name).join(', ') || 'nobody else'}`}
      </Text>
    </div>
  );
}

function CreateFromMeeting({
  appointment,
  candidate,
  me,
}: {
  appointment: Appointment & { restId: string };
  candidate: CalendarCandidate | null;
  me: Me;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: eventQueryKey(appointment.restId) });
  const create = useMutation({
    mutationFn: async (eventId: string) => {
      const { results } = await api.send<ImportAnswer>('POST', '/calendar/import', { eventIds: [eventId] });
      const [result] = results;
      if (result && !result.ok) throw new Error(result.error.message);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.allCards });
      await refresh();
    },
  });
  const connect = useMutation({
    mutationFn: () => api.send<ConnectAnswer>('POST', '/calendar/connect/microsoft', {}),
    onSuccess: async (answer) => {
      if (answer.status === 'consent-required') window.open(answer.authorizeUrl, '_blank', 'noopener');
      await client.invalidateQueries({ queryKey: queryKeys.me });
      await refresh();
    },
  });
  const people = appointment.people.length;
  let body: ReactNode;
  if (people > 2) {
    body = (
      <Notice intent="info" title="Not a 1:1">
        {`This meeting has ${people} people. A 1:1 is a meeting of exactly two people, so it cannot become one.`}
      </Notice>
    );
  } else if (people < 2) {
    body = (
      <Notice intent="info" title="Invite one person">
        Add the person you meet with to this meeting, save it, and reopen this panel.
      </Notice>
    );
  } else if (me.calendar?.state !== 'connected') {
    body = (
      <Notice
        intent="info"
        title={me.calendar ? 'Reconnect your calendar' : 'Connect your calendar'}
        actions={
          <Button appearance="primary" disabled={connect.isPending} onClick={() => connect.mutate()}>
            {me.calendar ? 'Reconnect Outlook' : 'Connect Outlook'}
          </Button>
        }
      >
        A 1:1 made from this meeting follows it in your calendar. Connect your Outlook calendar first.
      </Notice>
    );
  } else if (!candidate) {
    body = (
      <Notice intent="info" title="Not found in your calendar">
        Your connected calendar does not have this meeting yet. Try again in a moment.
      </Notice>
    );
  } else if (candidate.status === 'importable') {
    body = (
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={create.isPending}
          onClick={() => create.mutate(candidate.eventId)}
        >
          Create 1:1 from this meeting
        </Button>
      </div>
    );
  } else {
    body = <NotImportable candidate={candidate} />;
  }
  const failure = create.error ?? connect.error;
  return (
    <section className={styles.panel} aria-labelledby="side-panel-heading">
      <Text as="h1" id="side-panel-heading" size={500} weight="semibold">
        1:1 for this meeting
      </Text>
      <MeetingSummary appointment={appointment} me={me} />
      {body}
      {failure ? (
        <Notice intent="error" title="Could not create">
          {describeError(failure)}
        </Notice>
      ) : null}
    </section>
  );
}

function NotImportable({ candidate }: { candidate: CalendarCandidate }) {
  const open = candidate.existingId;
  const action = open ? (
    <Button
      onClick={() =>
        navigate({
          screen: candidate.kind === 'single' && candidate.status === 'imported' ? 'meeting' : 'series',
          id: open,
        })
      }
    >
      Open the 1:1
    </Button>
  ) : undefined;
  const messages: Record<CalendarCandidate['status'], string> = {
    importable: '',
    imported: 'This meeting is already a 1:1.',
    'pair-has-series': `You and ${candidate.other.displayName} already have a recurring 1:1; a pair has one.`,
    'unknown-person': `${candidate.other.displayName} has not used the app yet. Ask them to open it once.`,
    'recurrence-not-supported':
      'This meeting repeats in a way 1:1s do not offer (weekly, every 2 or 3 weeks, or monthly).',
  };
  return (
    <Notice intent="info" title="Cannot create" actions={action}>
      {messages[candidate.status]}
    </Notice>
  );
}

export default SidePanel;
