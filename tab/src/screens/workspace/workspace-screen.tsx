// The workspace of one 1:1: header, agenda, action items, shared and private notes, kept live by the stream.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from 'api/contract';
import { useSeries, useWorkspace } from '../../api/read-queries.ts';
import { LoadFailure, Loading } from '../../shell/status-screens.tsx';
import { formatDate } from '../../time/format-time.ts';
import { ItemSection } from './item-section.tsx';
import { PrivateNote } from './private-note.tsx';
import { SharedNotesEditor } from './shared-notes.tsx';
import { useMeetingStream } from './use-meeting-stream.ts';
import { WorkspaceHeader } from './workspace-header.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  columns: {
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'minmax(0, 1fr)',
    '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
});

export function WorkspaceScreen({ meetingId, me }: { meetingId: string; me: Me }) {
  const styles = useStyles();
  const workspace = useWorkspace(meetingId);
  const series = useSeries(workspace.data?.seriesId ?? null);
  useMeetingStream(meetingId);

  if (workspace.isPending) return <Loading label="Opening the 1:1" />;
  if (workspace.isError) return <LoadFailure error={workspace.error} onRetry={() => workspace.refetch()} />;
  const data = workspace.data;
  const movedToLabel = (targetId: string) => {
    const target = series.data?.meetings.find((meeting) => meeting.id === targetId);
    return target ? formatDate(target.start, me.timeZone) : 'a later 1:1';
  };
  return (
    <article className={styles.page} aria-label={data.title}>
      <WorkspaceHeader workspace={data} series={series.data ?? null} me={me} />
      <div className={styles.columns}>
        <div className={styles.column}>
          <ItemSection
            kind="topic"
            meetingId={meetingId}
            items={data.topics}
            meId={me.id}
            participants={data.participants}
            movedToLabel={movedToLabel}
          />
          <ItemSection
            kind="action"
            meetingId={meetingId}
            items={data.actionItems}
            meId={me.id}
            participants={data.participants}
            movedToLabel={movedToLabel}
          />
        </div>
        <div className={styles.column}>
          <SharedNotesEditor meetingId={meetingId} server={data.sharedNotes} />
          <PrivateNote
            meetingId={meetingId}
            initial={data.privateNote?.text ?? ''}
            shown={me.preferences.showPrivateNotes}
          />
        </div>
      </div>
    </article>
  );
}

export default WorkspaceScreen;
