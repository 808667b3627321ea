// The workspace's settings menu itself (loaded on first open): rename, retime, archive/unarchive, delete;
// a refused entry says why.
import {
  Caption1,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  makeStyles,
} from '@fluentui/react-components';
import type { Me, SeriesDetail, Workspace } from 'api/contract';
import { lazy, type RefObject, Suspense, type SyntheticEvent, useState } from 'react';
import { type Target, useArchive, useDelete, useRetime } from '../../api/meeting-mutations.ts';
import { useServices } from '../../api/services.tsx';
import { navigate } from '../../shell/route.ts';
import { utcToZonedLocal, zonedLocalToUtc } from '../../time/zoned-time.ts';
import { canArchive, canDeleteInstance, canDeleteSeries, type Verdict } from './meeting-rules.ts';

// The dialogs load on first use: they are not needed to read or edit the agenda.
const RelinkDialog = lazy(() => import('./relink-dialog.tsx'));
const RenameDialog = lazy(() =>
  import('./meeting-dialogs.tsx').then((module) => ({ default: module.RenameDialog })),
);
const RetimeDialog = lazy(() =>
  import('./meeting-dialogs.tsx').then((module) => ({ default: module.RetimeDialog })),
);
const ConfirmDialog = lazy(() =>
  import('./meeting-dialogs.tsx').then((module) => ({ default: module.ConfirmDialog })),
);

const useStyles = makeStyles({ entry: { display: 'flex', flexDirection: 'column' } });

type Open =
  | null
  | 'rename'
  | 'retime'
  | 'retime-series'
  | 'delete-instance'
  | 'delete-series'
  | 'archive'
  | 'relink';

function Entry({ verdict, label, onClick }: { verdict: Verdict; label: string; onClick: () => void }) {
  const styles = useStyles();
  return (
    <MenuItem disabled={!verdict.allowed} onClick={onClick}>
      <span className={styles.entry}>
        {label}
        {!verdict.allowed && <Caption1>{verdict.reason}</Caption1>}
      </span>
    </MenuItem>
  );
}

export interface MeetingMenuProps {
  workspace: Workspace;
  series: SeriesDetail | null;
  me: Me;
}

interface PanelProps extends MeetingMenuProps {
  /** The settings button the menu opens under. */
  target: RefObject<HTMLButtonElement | null>;
  open: boolean;
  onOpenChange: (open: boolean, event: Event | SyntheticEvent) => void;
}

export default function MeetingMenuPanel({
  workspace,
  series,
  me,
  target,
  open: menuOpen,
  onOpenChange,
}: PanelProps) {
  const { now } = useServices();
  const [open, setOpen] = useState<Open>(null);
  const retime = useRetime();
  const archive = useArchive();
  const remove = useDelete();
  const meetingTarget: Target = { kind: 'meeting', id: workspace.id };
  const wholeTarget: Target = series ? { kind: 'series', id: series.id } : meetingTarget;
  const archived = series ? series.archived : workspace.archived;
  const archiveVerdict: Verdict = archived ? { allowed: true } : canArchive(workspace, series, now());
  const close = () => {
    setOpen(null);
    retime.reset();
    archive.reset();
    remove.reset();
  };
  const tz = me.timeZone;
  const scope = series ? 'this series' : 'this 1:1';

  return (
    <>
      <Menu
        open={menuOpen}
        onOpenChange={(event, data) => onOpenChange(data.open, event)}
        positioning={{ target: target.current, position: 'below', align: 'end' }}
      >
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => setOpen('rename')}>Rename {scope}</MenuItem>
            <MenuItem onClick={() => setOpen('retime')}>
              Change date and time{series ? ' of this 1:1' : ''}
            </MenuItem>
            {series && (
              <MenuItem onClick={() => setOpen('retime-series')}>Change time of the series</MenuItem>
            )}
            {series?.connection === 'disconnected' && series.ownerId === me.id && (
              <MenuItem onClick={() => setOpen('relink')}>Link this meeting with my calendar</MenuItem>
            )}
            <MenuDivider />
            <Entry
              verdict={archiveVerdict}
              label={archived ? `Unarchive ${scope}` : `Archive ${scope}`}
              onClick={() => setOpen('archive')}
            />
            <Entry
              verdict={canDeleteInstance(workspace, me.id, now())}
              label={series ? 'Delete this instance' : 'Delete this 1:1'}
              onClick={() => setOpen('delete-instance')}
            />
            {series && (
              <Entry
                verdict={canDeleteSeries(series, me.id, now())}
                label="Delete the series"
                onClick={() => setOpen('delete-series')}
              />
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Suspense fallback={null}>
        {open === 'relink' && series && <RelinkDialog series={series} me={me} onClose={close} />}
        {open === 'rename' && (
          <RenameDialog
            title={series?.title ?? workspace.title}
            scope={scope}
            state={retime}
            onClose={close}
            onSave={(title) => retime.mutate({ target: wholeTarget, patch: { title } }, { onSuccess: close })}
          />
        )}
        {(open === 'retime' || open === 'retime-series') && (
          <RetimeDialog
            start={utcToZonedLocal(workspace.start, tz)}
            end={utcToZonedLocal(workspace.end, tz)}
            timeZone={tz}
            scope={open === 'retime' ? 'this 1:1' : 'the series (future 1:1s)'}
            state={retime}
            onClose={close}
            onSave={(start, end) =>
              retime.mutate(
                {
                  target: open === 'retime' ? meetingTarget : wholeTarget,
                  patch: { start: zonedLocalToUtc(start, tz), end: zonedLocalToUtc(end, tz) },
                },
                { onSuccess: close },
              )
            }
          />
        )}
        {open === 'archive' && (
          <ConfirmDialog
            title={archived ? `Unarchive ${scope}?` : `Archive ${scope}?`}
            body={
              archived
                ? 'It moves back to your active lists, for both of you.'
                : 'It moves to the Archived tab for both of you. Either of you can unarchive it there.'
            }
            confirm={archived ? 'Unarchive' : 'Archive'}
            state={archive}
            onClose={close}
            onConfirm={() =>
              archive.mutate({ target: wholeTarget, archived: !archived }, { onSuccess: close })
            }
          />
        )}
        {open === 'delete-instance' && (
          <ConfirmDialog
            title={series ? 'Delete this instance?' : 'Delete this 1:1?'}
            body="Its topics, action items and notes are deleted for both of you. This cannot be undone."
            confirm="Delete"
            state={remove}
            onClose={close}
            onConfirm={() =>
              remove.mutate(meetingTarget, {
                onSuccess: () => {
                  close();
                  navigate(series ? { screen: 'series', id: series.id } : { screen: 'list' }, {
                    replace: true,
                  });
                },
              })
            }
          />
        )}
        {open === 'delete-series' && series && (
          <ConfirmDialog
            title="Delete the whole series?"
            body="Every 1:1 of the series is deleted for both of you. This cannot be undone."
            confirm="Delete series"
            state={remove}
            onClose={close}
            onConfirm={() =>
              remove.mutate(wholeTarget, {
                onSuccess: () => {
                  close();
                  navigate({ screen: 'list' }, { replace: true });
                },
              })
            }
          />
        )}
      </Suspense>
    </>
  );
}
