// My settings: notifications (only the one-hour reminder can be turned off), private notes default, calendar.
import { MessageBar, MessageBarBody, makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import type { Me } from 'api/contract';
import { describeError } from '../../api/api-error.ts';
import { usePreferences } from '../../api/meeting-mutations.ts';
import { CalendarConnection } from './calendar-connection.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fixed: { display: 'flex', flexDirection: 'column', paddingInlineStart: tokens.spacingHorizontalS },
});

export default function SettingsPage({ me }: { me: Me }) {
  const styles = useStyles();
  const preferences = usePreferences();
  return (
    <section className={styles.page} aria-labelledby="settings-heading">
      <Text as="h2" id="settings-heading" size={600} weight="semibold">
        My settings
      </Text>
      {preferences.isError && (
        <MessageBar intent="error">
          <MessageBarBody>{describeError(preferences.error)}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.group} aria-labelledby="notifications-heading">
        <Text as="h3" id="notifications-heading" size={500} weight="semibold">
          Notifications
        </Text>
        <Switch
          checked={me.preferences.reminderBeforeMeeting}
          label="1:1 notifications: a reminder with the agenda one hour before each 1:1"
          onChange={(_event, data) => preferences.mutate({ reminderBeforeMeeting: data.checked })}
        />
        <Switch checked disabled label="When someone creates a 1:1 with you (always on)" />
        <Switch
          checked
          disabled
          label="Sunday summary of the week's 1:1s and open action items (always on)"
        />
        <Text size={200} className={styles.fixed}>
          These two keep both of you aware of what the other set up and what is still open, so they cannot be
          turned off. Only the one-hour reminder can.
        </Text>
      </section>
      <section className={styles.group} aria-labelledby="private-heading">
        <Text as="h3" id="private-heading" size={500} weight="semibold">
          Private notes
        </Text>
        <Switch
          checked={me.preferences.showPrivateNotes}
          label="Show my private notes when I open a 1:1"
          onChange={(_event, data) => preferences.mutate({ showPrivateNotes: data.checked })}
        />
        <Text size={200}>Turn this off if you often share your screen during 1:1s.</Text>
      </section>
      <section className={styles.group} aria-labelledby="calendar-heading">
        <Text as="h3" id="calendar-heading" size={500} weight="semibold">
          Calendar
        </Text>
        <CalendarConnection me={me} />
      </section>
    </section>
  );
}
