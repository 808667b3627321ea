// Settings → Calendar: connect Outlook or Google (with the user's own consent), see the state, reconnect when
// consent expired, disconnect (which deletes the tokens).
import { Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import type { Me } from 'api/contract';
import { describeError } from '../../api/api-error.ts';
import {
  type Provider,
  useCalendarStatus,
  useConnectCalendar,
  useDisconnectCalendar,
} from '../../api/calendar-queries.ts';
import { Notice } from '../../shell/notice.tsx';
import { formatDateTime } from '../../time/format-time.ts';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const providerName = (provider: Provider) => (provider === 'google' ? 'Google Calendar' : 'Outlook');

export function CalendarConnection({ me }: { me: Me }) {
  const styles = useStyles();
  const status = useCalendarStatus();
  const connect = useConnectCalendar();
  const disconnect = useDisconnectCalendar();
  const busy = connect.isPending || disconnect.isPending;
  const connection = status.data?.connection ?? null;
  const failure = connect.error ?? disconnect.error ?? status.error;

  let header = 'Not connected';
  let detail = `Connecting your Outlook or Google calendar lets ${me.tenant.moduleName} import your recurring 1:1 meetings and keep them in step with the calendar. Only you can connect it; no admin action is needed.`;
  if (connection) {
    header = `Connected: ${providerName(connection.provider)}`;
    detail = connection.lastSyncAt
      ? `Last synced ${formatDateTime(connection.lastSyncAt, me.timeZone)}.`
      : 'Your 1:1s follow the calendar.';
  }
  const connectButtons = (['microsoft', 'google'] as const).map((provider) => (
    <Button key={provider} disabled={busy || status.isPending} onClick={() => connect.mutate(provider)}>
      Connect {providerName(provider)}
    </Button>
  ));

  return (
    <Card>
      <CardHeader
        image={<CalendarLtrRegular fontSize={24} aria-hidden />}
        header={<Text weight="semibold">{status.isPending ? 'Calendar…' : header}</Text>}
        description={<Text size={200}>{detail}</Text>}
      />
      {connection?.state === 'needs-consent' && (
        <Notice
          intent="warning"
          title="Reconnect your calendar"
          actions={
            <Button appearance="primary" disabled={busy} onClick={() => connect.mutate(connection.provider)}>
              Reconnect
            </Button>
          }
        >
          {connection.message ?? 'The calendar no longer accepts our access. Your 1:1s stopped following it.'}
        </Notice>
      )}
      <div className={styles.actions}>
        {connection ? (
          <Button disabled={busy} onClick={() => disconnect.mutate()}>
            Disconnect
          </Button>
        ) : (
          connectButtons
        )}
      </div>
      {failure ? (
        <Notice intent="error" title="Calendar">
          {describeError(failure)}
        </Notice>
      ) : null}
    </Card>
  );
}
