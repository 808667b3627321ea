// Top of a 1:1: title, date and time in my zone, both participants, previous/next instance, the settings menu.
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  ArrowLeftRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
  PersonRegular,
} from '@fluentui/react-icons';
import type { Me, SeriesDetail, Workspace } from 'api/contract';
import { navigate } from '../../shell/route.ts';
import { formatRange } from '../../time/format-time.ts';
import { recurrenceLabel } from '../../time/recurrence-label.ts';
import { MeetingMenu } from './meeting-menu.tsx';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  people: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  person: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  cancelled: { textDecorationLine: 'line-through' },
});

export function WorkspaceHeader({
  workspace,
  series,
  me,
}: {
  workspace: Workspace;
  series: SeriesDetail | null;
  me: Me;
}) {
  const styles = useStyles();
  const meetings = series?.meetings ?? [];
  const index = meetings.findIndex((meeting) => meeting.id === workspace.id);
  const previous = index > 0 ? meetings[index - 1] : undefined;
  const next = index >= 0 ? meetings[index + 1] : undefined;
  const cancelled = workspace.status === 'cancelled';
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <Button
          aria-label={`Back to My ${me.tenant.moduleName}`}
          title={`Back to My ${me.tenant.moduleName}`}
          appearance="subtle"
          icon={<ArrowLeftRegular />}
          onClick={() => navigate({ screen: 'list' })}
        />
        <Text as="h2" size={600} weight="semibold" className={styles.title}>
          {workspace.title}
        </Text>
        <MeetingMenu workspace={workspace} series={series} me={me} />
      </div>
      <div className={styles.meta}>
        <Text className={cancelled ? styles.cancelled : undefined}>
          {formatRange(workspace.start, workspace.end, me.timeZone)}
        </Text>
        {cancelled && <Badge color="danger">Cancelled</Badge>}
        {workspace.archived && <Badge color="informative">Archived</Badge>}
        {series && <Text size={200}>{recurrenceLabel(series.recurrence)}</Text>}
      </div>
      <div className={styles.meta}>
        <ul className={styles.people} aria-label="Participants">
          {workspace.participants.map((person) => (
            <li key={person.id} className={styles.person}>
              <PersonRegular aria-hidden />
              <Text>{person.id === me.id ? `${person.displayName} (you)` : person.displayName}</Text>
            </li>
          ))}
        </ul>
        {series && index >= 0 && (
          <nav aria-label="Series navigation" className={styles.people}>
            <Button
              size="small"
              icon={<ChevronLeftRegular />}
              disabled={!previous}
              onClick={() => previous && navigate({ screen: 'meeting', id: previous.id })}
            >
              Previous
            </Button>
            <Text size={200}>
              {index + 1} of {meetings.length}
            </Text>
            <Button
              size="small"
              icon={<ChevronRightRegular />}
              iconPosition="after"
              disabled={!next}
              onClick={() => next && navigate({ screen: 'meeting', id: next.id })}
            >
              Next
            </Button>
          </nav>
        )}
      </div>
    </header>
  );
}
