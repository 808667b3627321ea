// One entry of My 1:1s: the other person, title, recurrence, next or last date, calendar state.
import { Avatar, Card, CardHeader, makeStyles, Text, Tooltip, tokens } from '@fluentui/react-components';
import { CalendarLtrRegular, WarningRegular } from '@fluentui/react-icons';
import type { ListView, Me, Card as OneOnOneCard } from 'api/contract';
import { formatDateTime } from '../../time/format-time.ts';
import { recurrenceLabel } from '../../time/recurrence-label.ts';

const useStyles = makeStyles({
  card: { width: '100%' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  cancelled: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  alert: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function otherParticipant(
  card: { participants: { id: string; displayName: string }[] },
  meId: string,
) {
  return (
    card.participants.find((person) => person.id !== meId) ??
    card.participants[0] ?? { id: '', displayName: '' }
  );
}

export function OneOnOneCardView({
  card,
  me,
  view,
  onOpen,
}: {
  card: OneOnOneCard;
  me: Me;
  view: ListView;
  onOpen: (card: OneOnOneCard) => void;
}) {
  const styles = useStyles();
  const other = otherParticipant(card, me.id);
  const meeting =
    view === 'upcoming' ? (card.nextMeeting ?? card.lastMeeting) : (card.lastMeeting ?? card.nextMeeting);
  const cancelled = meeting?.status === 'cancelled';
  const when = meeting ? formatDateTime(meeting.start, me.timeZone) : 'No meetings';
  const whenLabel = view === 'upcoming' && card.nextMeeting ? 'Next' : 'Last';
  return (
    <Card
      className={styles.card}
      onClick={() => onOpen(card)}
      aria-label={`${card.title} with ${other.displayName}`}
    >
      <CardHeader
        image={<Avatar name={other.displayName} aria-hidden />}
        header={
          <Text weight="semibold">
            {card.title} · {other.displayName}
          </Text>
        }
        description={
          <span className={styles.meta}>
            <Text size={200}>{recurrenceLabel(card.recurrence)}</Text>
            <Text size={200} className={cancelled ? styles.cancelled : undefined}>
              {whenLabel}: {when}
              {cancelled ? ' (cancelled)' : ''}
            </Text>
            {card.connection === 'connected' && (
              <Tooltip content="Connected to your calendar" relationship="label">
                <CalendarLtrRegular />
              </Tooltip>
            )}
            {card.connection === 'disconnected' && (
              <Tooltip
                content="No longer linked to the calendar series: open it to link it again"
                relationship="label"
              >
                <WarningRegular className={styles.alert} />
              </Tooltip>
            )}
          </span>
        }
      />
    </Card>
  );
}
